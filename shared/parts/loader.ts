/**
 * Parts: code a gadget needs only after a user action (the note editor), kept out of the gadget script. The build
 * emits each part as a small classic script beside the gadget script (`journey.note-editor-<hash>.js`,
 * vite.config.ts), run like its locale files (script-beside.ts). A part runs against the main script's own Lit, catalogue and state through one
 * bridge object (bridge.ts), and says it is there with registerPart.
 *
 * loadPart loads a part once and resolves with what it registered. A load that fails or times out rejects and is
 * forgotten, so the next call really loads again. Running from source (tests), a part is a plain import
 * (sources.ts), behind the same interface.
 */
import { log } from '../log.js';
import * as bridge from './bridge.js';
import { PART_SOURCES } from './sources.js';
import { runScriptBeside } from '../script-beside.js';

/** What each part registers: its name → what the main script gets from it. */
export interface Parts {
  'note-editor': typeof import('../../gadgets/journey/note-editor.js');
  diagnostics: Pick<typeof import('../ui/diagnostics.js'), 'buildDiagnostics'>;
  'answers-fallback': typeof import('../../gadgets/analytics/stream-plan.js');
}
export type PartName = keyof Parts;

/** Part → file name, baked in by the build (vite.config.ts); absent when running from source. */
declare const __CX_PART_FILES__: Record<string, string> | undefined;

/** The global the main script puts the bridge under, for the parts' scripts (vite.config.ts maps their imports). */
export const PARTS_GLOBAL = 'cxParts';

const LOAD_TIMEOUT_MS = 15_000;

const registered = new Map<string, unknown>();
const loads = new Map<string, Promise<unknown>>();

/** Called by a part as it runs: this is what loadPart resolves with. */
export function registerPart<N extends PartName>(name: N, exports: Parts[N]): void {
  registered.set(name, exports);
}

export interface PartSource {
  /** Part → file name beside `base` (default: the build's). */
  files?: Record<string, string>;
  /** Where the files are (default: the gadget script's own URL). */
  base?: string;
  timeoutMs?: number;
}

/** Loads `name` once; rejects (and forgets the attempt) when it cannot load or does not register. */
export function loadPart<N extends PartName>(name: N, from: PartSource = {}): Promise<Parts[N]> {
  let load = loads.get(name);
  if (!load) {
    const source = from.files ? undefined : PART_SOURCES[name];
    load = (source ? source() : loadScript(name, from)).then(() => {
      if (!registered.has(name)) throw new Error(`the ${name} part did not register`);
      return registered.get(name);
    });
    loads.set(name, load);
    load.catch((e: unknown) => {
      loads.delete(name);
      log.warn(`the ${name} part did not load`, e);
    });
  }
  return load as Promise<Parts[N]>;
}

async function loadScript(name: string, from: PartSource): Promise<void> {
  const files = from.files ?? (typeof __CX_PART_FILES__ !== 'undefined' ? __CX_PART_FILES__ : {});
  const file = Object.hasOwn(files, name) ? files[name]! : undefined;
  if (!file) throw new Error(`no file for the ${name} part`);
  (globalThis as Record<string, unknown>)[PARTS_GLOBAL] ??= bridge;
  if (!(await runScriptBeside(file, from.timeoutMs ?? LOAD_TIMEOUT_MS, from.base))) throw new Error(`${file} did not load`);
}
