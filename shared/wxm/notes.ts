/**
 * Who may write notes (docs/wxm-api.md, "Notes on an answer"), and the sign-in-wide "writes refused" state that
 * every "Add note" of a gadget follows. Writing a note is in note-write.ts, which the note editor part carries.
 */
import type { Answer } from './types.js';

/** What notes need from the WxM client: `write` (every client); `answer` to read the notes back (the full client). */
export interface NoteWriter {
  write(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
  answer?(id: string, signal?: AbortSignal): Promise<Answer | null>;
}

export const canWriteNotes = (wxm: unknown): wxm is NoteWriter => typeof (wxm as Partial<NoteWriter> | undefined)?.write === 'function';

// Clients whose token was refused a note: the refusal belongs to the sign-in, so every "Add note" of the gadget
// goes once one write was refused (reading carries on). Keyed by client, so a new sign-in starts afresh.
const refused = new WeakSet<NoteWriter>();
const refusals = new EventTarget();

/** True once WxM refused this client a note (401/403). */
export const writesRefused = (wxm: NoteWriter): boolean => refused.has(wxm);

/** Records that WxM refused this client a note; the first refusal tells every subscriber. */
export function markWritesRefused(wxm: NoteWriter): void {
  if (refused.has(wxm)) return;
  refused.add(wxm);
  refusals.dispatchEvent(new Event('refused'));
}

/** Calls `fn` when a client is refused its first note; returns the unsubscribe function. */
export function onWritesRefused(fn: () => void): () => void {
  refusals.addEventListener('refused', fn);
  return () => refusals.removeEventListener('refused', fn);
}
