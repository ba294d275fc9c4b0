/** Variants of unverified behaviours (variants.ts), the paging faults and a refused /api/settings. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import { basic, json, start } from './finesse-helpers.js';

describe('emulator variants and paging faults', () => {
  let emu: RunningEmulator;
  let token: string;
  const TOKEN = '/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint';
  before(async () => {
    emu = await start({ variants: { pageBase: 0 } });
    const login = await fetch(`${emu.wxmUrl}/api/LoginToken`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=admin&password=emulator' });
    token = ((await login.json()) as { access_token: string }).access_token;
  });
  after(() => emu.close());
  const page = async (p: number, rows = 10) => {
    const res = await fetch(`${emu.wxmUrl}/api/answers/page/${p}/${rows}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
    return (await res.json()) as { currentPage: number; responses: { id: string }[] };
  };
  const ids = (p: { responses: { id: string }[] }) => p.responses.map((a) => a.id);

  it('serves page 0 as the first page when started with --page-base 0, page 1 when switched to 1', async () => {
    const all = (await (await fetch(`${emu.wxmUrl}/api/answers`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).json()) as { id: string }[];
    assert.deepEqual(ids(await page(0)), all.slice(0, 10).map((a) => a.id));
    assert.deepEqual(ids(await page(1)), all.slice(10, 20).map((a) => a.id));
    await json(emu.finesseUrl, '/_emulator/variants', { body: { pageBase: 1 } });
    assert.deepEqual(ids(await page(1)), all.slice(0, 10).map((a) => a.id));
    assert.equal((await page(1)).currentPage, 1);
  });

  it('the token body follows the variant: field name and expiry form', async () => {
    const cases = [
      [{ tokenBody: 'access_token', tokenExpiry: 'at-ms' }, 'access_token', 'expires_at', (v: number) => v > Date.now()],
      [{ tokenBody: 'accessToken', tokenExpiry: 'at-s' }, 'accessToken', 'expires_at', (v: number) => v > Date.now() / 1000 && v < Date.now() / 100],
      [{ tokenBody: 'token', tokenExpiry: 'in-s' }, 'token', 'expires_in', (v: number) => v > 3600 && v <= 43_199],
    ] as const;
    for (const [variant, field, expiry, ok] of cases) {
      await json(emu.finesseUrl, '/_emulator/variants', { body: variant });
      const { body } = await json(emu.finesseUrl, TOKEN, { headers: { Authorization: basic(emu.world.agents[0]!.id) } });
      assert.deepEqual(Object.keys(body).sort(), [field, expiry].sort());
      assert.ok(ok(body[expiry]), `${expiry} = ${body[expiry]}`);
    }
    const bad = await json(emu.finesseUrl, '/_emulator/variants', { body: { tokenExpiry: 'soon' } });
    assert.equal(bad.status, 400);
  });

  it('repeatPage serves the previous page again (once, never for a first page); overlapRows starts a page early', async () => {
    await json(emu.finesseUrl, '/_emulator/variants', { body: { pageBase: 1 } });
    const [p1, p2] = [ids(await page(1)), ids(await page(2))];
    await json(emu.finesseUrl, '/_emulator/faults', { body: { route: '/api/answers/page', repeatPage: true, count: 1 } });
    assert.deepEqual(ids(await page(1)), p1, 'a first page is not repeated');
    assert.deepEqual(ids(await page(2)), p1, 'page 2 repeats page 1');
    assert.deepEqual(ids(await page(2)), p2, 'once');
    await json(emu.finesseUrl, '/_emulator/faults', { body: { route: '/api/answers/page', overlapRows: 3, count: 1 } });
    assert.deepEqual(ids(await page(2)), [...p1.slice(-3), ...p2]);
  });

  it('a 403 fault refuses /api/settings', async () => {
    await json(emu.finesseUrl, '/_emulator/faults', { body: { route: '/api/settings', status: 403 } });
    assert.equal((await fetch(`${emu.wxmUrl}/api/settings`, { headers: { Authorization: `Bearer ${token}` } })).status, 403);
    await json(emu.finesseUrl, '/_emulator/faults', { method: 'DELETE' });
    assert.equal((await fetch(`${emu.wxmUrl}/api/settings`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
  });
});
