/**
 * Documentation the code points at must be in the repository: no references to spec files outside it, every
 * `docs/*.md` named in a source, test or README exists, and every file named in the README's
 * "Where things happen" table exists.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const tracked = spawnSync('git', ['ls-files'], { encoding: 'utf8' })
  .stdout.split('\n')
  .filter((f) => /\.(ts|mts|mjs|js|md|xml|sh)$/.test(f) && existsSync(f));

describe('documentation references', () => {
  it('no file points at spec files outside the repository', () => {
    const offenders = tracked.filter((f) => /shared\/specs\/|emulator-conventions\.md/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('every docs/*.md that a file names exists', () => {
    const missing: string[] = [];
    for (const f of tracked) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bdocs\/([\w-]+\.(?:md|png))/g)) {
        if (!existsSync(`docs/${m[1]}`)) missing.push(`${f}: docs/${m[1]}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('every file in the README table "Where things happen" exists', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('## Where things happen');
    assert.ok(start >= 0, 'README has a "Where things happen" section');
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const paths = [...section.matchAll(/`((?:shared|gadgets|gadget-xml|scripts|emulator|test)\/[\w./-]+)`/g)].map((m) => m[1]!);
    assert.ok(paths.length >= 10, `the table names the files (found ${paths.length})`);
    assert.deepEqual(paths.filter((p) => !existsSync(p)), []);
  });
});
