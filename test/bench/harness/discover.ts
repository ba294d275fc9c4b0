/** Finds the benchmark modules (test/bench/<name>.bench.ts) and the emulator arguments each one asks for. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_EMULATOR_ARGS = ['--port', '0', '--wxm-port', '0', '--profile', 'large', '--latency-ms', '150', '--seed', '42'];

export interface BenchFile {
  name: string;
  /** Path from the repo root, with a leading slash: what the browser imports. */
  url: string;
  emulatorArgs: string[];
}

/**
 * `export const emulatorArgs = [...]` is read from the source text, not by importing the module: a bench is a
 * browser module and may not load in Node. It must therefore be a literal array of string literals.
 */
export function readEmulatorArgs(source: string, file: string): string[] {
  const m = /export\s+const\s+emulatorArgs(?:\s*:[^=]+)?\s*=\s*(\[[^\]]*\])/.exec(source);
  if (!m) return DEFAULT_EMULATOR_ARGS;
  const items = [...m[1]!.matchAll(/'([^']*)'|"([^"]*)"|`([^`$]*)`/g)].map((x) => x[1] ?? x[2] ?? x[3] ?? '');
  const stripped = m[1]!.replace(/'[^']*'|"[^"]*"|`[^`$]*`|[\s,[\]]/g, '');
  if (stripped) throw new Error(`${file}: emulatorArgs must be a literal array of strings`);
  return items;
}

export function discover(root: string, filters: string[]): BenchFile[] {
  const dir = join(root, 'test', 'bench');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.bench.ts'.length);
      return { name, url: `/test/bench/${f}`, emulatorArgs: readEmulatorArgs(readFileSync(join(dir, f), 'utf8'), f) };
    })
    .filter((b) => filters.length === 0 || filters.some((x) => b.name.toLowerCase().includes(x.toLowerCase())));
}

/** Benches grouped by identical emulator arguments, so one emulator serves each group. */
export function groupByArgs(benches: BenchFile[]): Map<string, BenchFile[]> {
  const groups = new Map<string, BenchFile[]>();
  for (const b of benches) {
    const key = JSON.stringify(b.emulatorArgs);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return groups;
}
