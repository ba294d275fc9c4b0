/** Prints one table per bench and writes .bench/results.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figures, HeapFigures } from './browser.js';

export interface BenchResult {
  name: string;
  file: string;
  emulatorArgs: string[];
  ok: boolean;
  error?: string;
  wallMs: number;
  figures: Figures;
  harness: Partial<HeapFigures>;
}

function format(value: number | string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function printTable(r: BenchResult): void {
  const rows: [string, string][] = [
    ...Object.entries(r.figures).map(([k, v]) => [k, format(v)] as [string, string]),
    ...Object.entries(r.harness).map(([k, v]) => [`harness: ${k}`, format(v as number)] as [string, string]),
    ['harness: wall time (ms)', format(Math.round(r.wallMs))],
  ];
  const w1 = Math.max(5, r.name.length);
  const w2 = Math.max(6, ...rows.map(([k]) => k.length));
  const w3 = Math.max(5, ...rows.map(([, v]) => v.length));
  const line = `+-${'-'.repeat(w1)}-+-${'-'.repeat(w2)}-+-${'-'.repeat(w3)}-+`;
  const row = (a: string, b: string, c: string, right = true) =>
    `| ${a.padEnd(w1)} | ${b.padEnd(w2)} | ${right ? c.padStart(w3) : c.padEnd(w3)} |`;
  console.log(line);
  console.log(row('bench', 'figure', 'value', false));
  console.log(line);
  for (const [k, v] of rows) console.log(row(r.name, k, v));
  if (r.error) console.log(row(r.name, 'FAILED', r.error.slice(0, 200), false));
  console.log(line);
}

export function writeResults(root: string, results: BenchResult[], meta: Record<string, unknown>): string {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'results.json');
  writeFileSync(file, `${JSON.stringify({ ...meta, benches: results }, null, 2)}\n`);
  return file;
}
