/** Contract tests: Cloud Connect token service on the Finesse origin (docs/finesse.md, "Cloud Connect token"). */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import { basic, json, start } from './finesse-helpers.js';

const PATH = '/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint';

describe('Cloud Connect token service', () => {
  let emu: RunningEmulator;
  let f: string;
  let agent: string;
  let supervisor: string;

  before(async () => {
    emu = await start();
    f = emu.finesseUrl;
    agent = emu.world.agents[3]!.id;
    supervisor = emu.world.supervisors[0]!.id;
  });
  after(() => emu.close());
  beforeEach(async () => {
    await json(f, '/_emulator/faults', { method: 'DELETE' });
    await json(f, '/_emulator/cloudconnect', { body: { down: false } });
  });

  /** Independent check that a token is real: WxM accepts it. */
  const wxmStatus = async (token: string) =>
    (await fetch(`${emu.wxmUrl}/api/settings`, { headers: { Authorization: `Bearer ${token}` } })).status;

  it('issues a WxM token for an agent with Basic auth, valid in the future and accepted by WxM', async () => {
    const before = Date.now();
    const { status, body } = await json(f, PATH, { headers: { Authorization: basic(agent) } });
    assert.equal(status, 200);
    assert.equal(typeof body.access_token, 'string');
    assert.ok(body.access_token.length >= 16);
    assert.equal(typeof body.expires_at, 'number');
    assert.ok(body.expires_at > before + 60_000, 'expires_at is epoch ms in the future');
    assert.equal(await wxmStatus(body.access_token), 200);
  });

  it('issues tokens to supervisors too', async () => {
    const { status } = await json(f, PATH, { headers: { Authorization: basic(supervisor) } });
    assert.equal(status, 200);
  });

  it('answers 401 without, or with a wrong, Authorization header', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { Authorization: basic(agent, 'wrong') },
      { Authorization: basic('no-such-user') },
      { Authorization: 'Basic !!!' },
      { Authorization: 'Bearer not-a-token' },
      { Authorization: 'Digest abc' },
    ]) {
      const { status, body } = await json(f, PATH, { headers });
      assert.equal(status, 401, JSON.stringify(headers));
      assert.ok(!JSON.stringify(body).includes('emulator'), 'no credentials echoed');
    }
  });

  it('accepts an SSO bearer token the emulator issued at login', async () => {
    const login = await json(f, '/_emulator/login', { body: { agentId: agent } });
    const { status, body } = await json(f, PATH, { headers: { Authorization: `Bearer ${login.body.authToken}` } });
    assert.equal(status, 200);
    assert.equal(await wxmStatus(body.access_token), 200);
  });

  it('answers 503 while Cloud Connect is down, and recovers', async () => {
    await json(f, '/_emulator/cloudconnect', { body: { down: true } });
    assert.equal((await json(f, PATH, { headers: { Authorization: basic(agent) } })).status, 503);
    // Authentication still comes first: a bad header is 401 even when Cloud Connect is down.
    assert.equal((await json(f, PATH)).status, 401);
    await json(f, '/_emulator/cloudconnect', { body: { down: false } });
    assert.equal((await json(f, PATH, { headers: { Authorization: basic(agent) } })).status, 200);
  });

  it('applies an injected fault to this path, for `count` requests only', async () => {
    await json(f, '/_emulator/faults', { body: { route: '/finesse/api/CloudConnectTokenService', status: 502, count: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await json(f, PATH, { headers: { Authorization: basic(agent) } })).status);
    assert.deepEqual(statuses, [502, 502, 200]);
  });

  it('a malformed fault answers 200 without a usable token', async () => {
    await json(f, '/_emulator/faults', { body: { route: '/finesse/api/CloudConnectTokenService', malformed: true, count: 1 } });
    const { status, body } = await json(f, PATH, { headers: { Authorization: basic(agent) } });
    assert.equal(status, 200);
    assert.notEqual(typeof body.access_token === 'string' && typeof body.expires_at === 'number', true);
  });

  it('a WxM-wide "*" fault does not hit the token service', async () => {
    await json(f, '/_emulator/faults', { body: { route: '*', status: 503 } });
    assert.equal((await json(f, PATH, { headers: { Authorization: basic(agent) } })).status, 200);
  });

  it('expiring tokens makes WxM refuse them; a fresh one works; a short ttl shows in expires_at', async () => {
    const first = (await json(f, PATH, { headers: { Authorization: basic(agent) } })).body;
    await json(f, '/_emulator/tokens/expire', { body: {} });
    assert.equal(await wxmStatus(first.access_token), 401);
    await json(f, '/_emulator/tokens', { body: { ttlMs: 5000 } });
    const second = (await json(f, PATH, { headers: { Authorization: basic(agent) } })).body;
    assert.ok(second.expires_at <= Date.now() + 5000 && second.expires_at > Date.now());
    assert.equal(await wxmStatus(second.access_token), 200);
    await json(f, '/_emulator/tokens', { body: { ttlMs: 43_199_000 } });
  });

  it('/cherrypoint/authtoken gives CVP a token with expires_in seconds', async () => {
    const { status, body } = await json(f, '/cherrypoint/authtoken');
    assert.equal(status, 200);
    assert.ok(body.expires_in > 0);
    assert.equal(await wxmStatus(body.access_token), 200);
  });
});
