/**
 * Size budgets of the gadget scripts (README "Script sizes", issue 11): what every agent desktop downloads and
 * parses at sign-in. Measured as `npm run build` prints them: gzip level 9 of the emitted script, kB = 1024 bytes.
 * The journey is still over its budget: until it is under, a ceiling at today's size keeps it from growing, and the
 * budget itself is reported as a to-do with the excess (it turns into a plain check once met: delete CEILING_KB).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGadgets, type BuildResult } from '../../scripts/build.js';
import type { BundleName } from '../../gadget-xml/catalogue.js';

const BUDGET_KB: Record<BundleName, number> = { journey: 35, analytics: 90 };
/** Over-budget scripts may not grow past this while their budget is not met. */
const CEILING_KB: Partial<Record<BundleName, number>> = { journey: 37.1 };

let dir: string;
let result: BuildResult;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cx-budget-'));
  result = await buildGadgets({ outDir: dir, quiet: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const gzipKb = (bundle: BundleName): number => {
  const size = result.sizes.find((s) => s.file === result.scripts[bundle]);
  assert.ok(size, `no size for the ${bundle} script`);
  return size.gzipBytes / 1024;
};

describe('gzip budgets of the gadget scripts', () => {
  for (const [bundle, kB] of Object.entries(BUDGET_KB) as Array<[BundleName, number]>) {
    const ceiling = CEILING_KB[bundle];
    const todo = ceiling === undefined ? undefined : `over budget (issue 11): kept under ${ceiling} kB meanwhile`;
    it(`${bundle} script ≤ ${kB} kB gzip`, { todo }, () => {
      const got = gzipKb(bundle);
      assert.ok(got <= kB, `${bundle} is ${got.toFixed(1)} kB gzip, over its ${kB} kB budget by ${(got - kB).toFixed(2)} kB`);
    });
    if (ceiling !== undefined) {
      it(`${bundle} script does not grow past ${ceiling} kB gzip while over its budget`, () => {
        const got = gzipKb(bundle);
        assert.ok(got <= ceiling, `${bundle} is ${got.toFixed(2)} kB gzip: it grew past ${ceiling} kB (budget ${kB} kB)`);
      });
    }
  }
});
