/**
 * `npm run validate [-- DIR]` (default dist/): checks the emitted gadget XML and hosting assumptions.
 * Prints findings; exits 1 when there is an error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatFindings, validateDist, type Finding } from './validate.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** Reads DIR and validates it. Throws when DIR cannot be read. */
export function validateDir(dir: string): Finding[] {
  const files = listFiles(dir);
  const xml = new Map(files.filter((f) => f.endsWith('.xml')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const scripts = new Map(files.filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return validateDist({ xml, files: new Set(files), scripts });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? 'dist');
  try {
    const findings = validateDir(dir);
    console.log(formatFindings(findings));
    process.exitCode = findings.some((f) => f.level === 'error') ? 1 : 0;
  } catch (e) {
    console.error(`cannot read ${dir}: ${(e as Error).message}. Run npm run build first.`);
    process.exitCode = 1;
  }
}
