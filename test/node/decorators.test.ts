/**
 * Vite 8 compiles TypeScript with oxc. Our components use experimentalDecorators (tsconfig): a decorated Lit
 * element must survive the production gadget build and work in a real browser (Chromium, via puppeteer-core).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import puppeteer, { type Browser } from 'puppeteer-core';
import { gadgetBuildConfig } from '../../vite.config.js';
// @ts-expect-error plain JS module shared with the browser test config
import { findChromium } from '../../scripts/find-chromium.mjs';
// @ts-expect-error plain JS module shared with the browser test config
import { CHROMIUM_FLAGS } from '../../scripts/chromium-flags.mjs';

let dir: string;
let code: string;
let browser: Browser | undefined;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cx-decorators-'));
  await build(gadgetBuildConfig({ bundle: 'journey', outDir: dir, entry: 'test/node/fixtures/decorated-element.ts', logLevel: 'error' }));
  const file = readdirSync(dir).find((f) => f.endsWith('.js'))!;
  code = readFileSync(join(dir, file), 'utf8');
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('decorated Lit element in the production bundle', () => {
  it('compiles to a plain classic script (decorators lowered, Lit in production mode)', () => {
    assert.doesNotThrow(() => new vm.Script(code));
    assert.ok(!code.includes('Lit is in dev mode'));
  });

  it('defines, renders and updates the element in Chromium', async () => {
    browser = await puppeteer.launch({ executablePath: findChromium() as string, args: CHROMIUM_FLAGS as string[] });
    const page = await browser.newPage();
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'warn' && warnings.push(m.text())));
    page.on('pageerror', (e) => void errors.push(String(e)));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: code });
    const read = () =>
      page.evaluate(async () => {
        const el = document.querySelector('cx-build-fixture') as HTMLElement & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        return { defined: !!customElements.get('cx-build-fixture'), text: el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() };
      });
    assert.deepEqual(await read(), { defined: true, text: 'hello agent 0' });
    // @property: setting the attribute-backed property re-renders; @state: internal state re-renders.
    await page.evaluate(() => {
      const el = document.querySelector('cx-build-fixture') as HTMLElement & { name: string };
      el.name = 'supervisor';
      el.shadowRoot!.querySelector('button')!.click();
    });
    assert.deepEqual(await read(), { defined: true, text: 'hello supervisor 1' });
    await page.evaluate(() => document.querySelector('cx-build-fixture')!.setAttribute('name', 'team'));
    assert.equal((await read()).text, 'hello team 1');
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings.filter((w) => /dev mode|decorator/i.test(w)), []);
  });
});
