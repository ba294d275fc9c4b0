/**
 * Every `part` is documented: the UI kit's with `@csspart` on the component that renders it, the gadgets' in the
 * parts table of shared/ui/README.md.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const files = (dir: string) =>
  spawnSync('git', ['ls-files', `${dir}/*.ts`], { encoding: 'utf8' }).stdout.split('\n').filter((f) => f && existsSync(f));
/** Static part names in a source (`part="a b"`, `part="option${…}"` → option). */
const partsOf = (src: string) => [...src.matchAll(/part="([a-z][a-z -]*)/g)].flatMap((m) => m[1]!.trim().split(/\s+/));

describe('parts are documented', () => {
  it('each part of the UI kit has a @csspart on its component', () => {
    const missing: string[] = [];
    for (const f of files('shared/ui')) {
      const src = readFileSync(f, 'utf8');
      const documented = new Set([...src.matchAll(/@csspart ([a-z-]+)/g)].map((m) => m[1]));
      for (const p of partsOf(src)) if (!documented.has(p)) missing.push(`${f}: ${p}`);
    }
    assert.deepEqual(missing, []);
  });

  it("each part of the gadgets' elements is in the parts table of shared/ui/README.md", () => {
    const readme = readFileSync('shared/ui/README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Parts'));
    const listed = new Set([...table.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1]));
    const missing = files('gadgets').flatMap((f) => partsOf(readFileSync(f, 'utf8')).filter((p) => !listed.has(p)).map((p) => `${f}: ${p}`));
    assert.deepEqual([...new Set(missing)], []);
  });
});
