/** Typed access to the repo's untyped scripts/*.mjs helpers (they ship no declarations). */
export function scriptModule<T>(file: string): Promise<T> {
  return import(new URL(`../../../scripts/${file}`, import.meta.url).href) as Promise<T>;
}

export interface Emulator {
  finesseUrl: string;
  wxmUrl: string;
  close(): Promise<void>;
}

interface SpawnModule {
  spawnEmulator(args: string[], options?: { timeoutMs?: number }): Promise<Emulator>;
  freePort(): Promise<number>;
}

export async function spawnEmulator(args: string[]): Promise<Emulator> {
  const mod = await scriptModule<SpawnModule>('spawn-emulator.mjs');
  return mod.spawnEmulator(args, { timeoutMs: 120_000 });
}

export async function freePort(): Promise<number> {
  return (await scriptModule<SpawnModule>('spawn-emulator.mjs')).freePort();
}

/** The args with `--wxm-port` set to `port` (the one WxM address the bench modules were served to trust). */
export function withWxmPort(args: readonly string[], port: number): string[] {
  const out = [...args];
  const i = out.indexOf('--wxm-port');
  if (i >= 0) out.splice(i, 2, '--wxm-port', String(port));
  else out.push('--wxm-port', String(port));
  return out;
}
