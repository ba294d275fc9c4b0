/** Typed access to the repo's untyped scripts/*.mjs helpers (they ship no declarations). */
export function scriptModule<T>(file: string): Promise<T> {
  return import(new URL(`../../../scripts/${file}`, import.meta.url).href) as Promise<T>;
}

export interface Emulator {
  finesseUrl: string;
  wxmUrl: string;
  close(): Promise<void>;
}

export async function spawnEmulator(args: string[]): Promise<Emulator> {
  const mod = await scriptModule<{ spawnEmulator(args: string[], options?: { timeoutMs?: number }): Promise<Emulator> }>('spawn-emulator.mjs');
  return mod.spawnEmulator(args, { timeoutMs: 120_000 });
}
