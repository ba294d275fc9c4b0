/**
 * Finesse's Team roster (GET /finesse/api/Team/{id}) on the wire: who may read it, and the injected faults the
 * gadgets' fallbacks are tested with (a roster refused, slow or malformed).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import { basic, json, start } from './finesse-helpers.js';

describe('Finesse Team roster', () => {
  let emu: RunningEmulator;
  let f: string;
  before(async () => {
    emu = await start();
    f = emu.finesseUrl;
  });
  after(() => emu.close());
  afterEach(() => json(f, '/_emulator/faults', { method: 'DELETE' }));

  const sup = () => emu.world.supervisors[0]!;
  const team = (as: string, id = sup().supervisedTeamIds[0]!) => json(f, `/finesse/api/Team/${id}`, { headers: { Authorization: basic(as) } });

  it('a supervisor of the team reads its members; an agent of the team and an unknown team are refused', async () => {
    const id = sup().supervisedTeamIds[0]!;
    const ok = await team(sup().id);
    assert.equal(ok.status, 200);
    assert.deepEqual(
      ok.body.users.User.map((u: { loginId: string }) => u.loginId),
      emu.world.agents.filter((a) => a.teamId === id).map((a) => a.id),
    );
    const member = emu.world.agents.find((a) => a.teamId === id)!;
    assert.equal((await team(member.id)).status, 401);
    assert.equal((await team(sup().id, '999')).status, 404);
  });

  it('applies injected faults: a refusal, a delay, a malformed body, each only as often as asked', async () => {
    await json(f, '/_emulator/faults', { body: { route: '/finesse/api/Team', status: 401, count: 1 } });
    const faults = (await json(f, '/_emulator/faults')).body;
    assert.equal(faults.finesseFaults.length, 1, 'a Finesse-side fault');
    assert.equal((await team(sup().id)).status, 401);
    assert.equal((await team(sup().id)).status, 200, 'used up');

    await json(f, '/_emulator/faults', { body: { route: '/finesse/api/Team', delayMs: 300, count: 1 } });
    const t0 = Date.now();
    assert.equal((await team(sup().id)).status, 200);
    assert.ok(Date.now() - t0 >= 290, 'delayed');

    await json(f, '/_emulator/faults', { body: { route: '/finesse/api/Team', malformed: true, count: 1 } });
    const broken = await team(sup().id);
    assert.equal(broken.status, 200);
    assert.equal(Array.isArray(broken.body.users?.User), false, 'no members list');
  });
});
