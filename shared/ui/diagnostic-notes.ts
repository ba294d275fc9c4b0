/**
 * Facts about this gadget's session that every "Copy diagnostics" text carries (e.g. where the agent id came
 * from). Kept in the gadget script: the text itself is built by the diagnostics part (diagnostics.ts), which
 * reads them through the bridge.
 */
const notes = new Map<string, string>();

/** Records (or replaces) a session fact for "Copy diagnostics". Never pass secrets or caller data. */
export function noteDiagnostic(key: string, value: string): void {
  notes.set(key, value);
}

export const diagnosticNotes = (): ReadonlyMap<string, string> => notes;
