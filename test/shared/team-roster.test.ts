/**
 * shared/finesse/team-roster.ts against the emulated finesse.js (this page plays a supervisor's gadget iframe):
 * names known at once from the session, a supervisor's rosters added as they arrive, and a roster that is refused,
 * broken or too slow giving no names (never an error).
 */
import { expect } from '@open-wc/testing';
import { knownNames, teamNames, type KnownNames } from '../../shared/finesse/team-roster.js';
import type { FinesseSession } from '../../shared/finesse/types.js';
import { control, loadScript, people, type Supervisor } from '../emulator/support.js';

const w = window as any;

describe('team roster names (shared/finesse/team-roster.ts)', function () {
  this.timeout(30_000);
  let world: Awaited<ReturnType<typeof people>>;
  let sup: Supervisor;
  let session: FinesseSession;

  before(async () => {
    world = await people();
    sup = world.supervisors[0]!;
    await loadScript(`/gadgets/container.js?user=${sup.id}&url=${encodeURIComponent('https://cx.example/journey.xml')}`);
    await loadScript('/desktop/assets/js/finesse.js');
    await new Promise<void>((resolve) => {
      w.gadgets.HubSettings.onConnect = resolve;
    });
    w.finesse.clientservices.ClientServices.init(w.finesse.gadget.Config, false);
    const teamName = (id: string) => world.teams.find((t) => t.id === id)!.name;
    session = {
      role: 'supervisor',
      loginId: sup.id,
      wxmAgentId: sup.skillTargetId,
      firstName: sup.firstName,
      lastName: sup.lastName,
      locale: 'en-US',
      team: { id: sup.teamId, name: teamName(sup.teamId) },
      supervisedTeams: sup.supervisedTeamIds.map((id) => ({ id, name: teamName(id) })),
      finesseOrigin: location.origin,
      authHeader: () => '',
    };
  });
  afterEach(async () => {
    await fetch('/_emulator/faults', { method: 'DELETE' });
    await control('/finesse/roster', { skillTargetId: false });
  });

  it('knows the user’s own name and team names at once, then each supervised roster’s members', async () => {
    await control('/finesse/roster', { skillTargetId: true });
    const updates: KnownNames[] = [];
    const now = knownNames(session, (n) => updates.push(n));
    const own = `${sup.firstName} ${sup.lastName}`;
    expect(now.agents.get(sup.id)).to.equal(own);
    expect(now.agents.get(sup.skillTargetId)).to.equal(own);
    for (const id of sup.supervisedTeamIds) expect(now.teams.get(id)).to.equal(world.teams.find((t) => t.id === id)!.name);
    const members = world.agents.filter((a) => sup.supervisedTeamIds.includes(a.teamId));
    const last = () => updates.at(-1);
    for (let i = 0; i < 200 && updates.length < sup.supervisedTeamIds.length; i++) await new Promise((r) => setTimeout(r, 25));
    expect(updates).to.have.length(sup.supervisedTeamIds.length);
    for (const a of members) {
      expect(last()!.agents.get(a.id), a.id).to.equal(`${a.firstName} ${a.lastName}`);
      expect(last()!.agents.get(a.skillTargetId), a.skillTargetId).to.equal(`${a.firstName} ${a.lastName}`);
    }
    const stranger = world.agents.find((a) => !sup.supervisedTeamIds.includes(a.teamId))!;
    expect(last()!.agents.has(stranger.skillTargetId), 'another team’s agent').to.equal(false);
  });

  it('an agent’s session: their own name (by both ids) and their team’s name', () => {
    const agent = world.agents[0]!;
    const names = knownNames(
      { ...session, role: 'agent', loginId: agent.id, wxmAgentId: agent.skillTargetId, firstName: agent.firstName, lastName: agent.lastName,
        team: { id: agent.teamId, name: 'Billing' }, supervisedTeams: [] },
      () => undefined,
    );
    expect(names.agents.get(agent.skillTargetId)).to.equal(`${agent.firstName} ${agent.lastName}`);
    expect([...names.teams]).to.deep.equal([[agent.teamId, 'Billing']]);
  });

  it('a team without a name (the adapter gave its id) is no name', () => {
    const names = knownNames({ ...session, team: { id: '777', name: '777' }, supervisedTeams: [] }, () => undefined);
    expect(names.teams.has('777')).to.equal(false);
  });

  it('a refused, broken or too slow roster gives no names, and no error', async () => {
    const teamId = sup.supervisedTeamIds[0]!;
    await control('/faults', { route: '/finesse/api/Team', status: 401, count: 1 });
    expect((await teamNames(teamId)).size, 'refused').to.equal(0);
    await control('/faults', { route: '/finesse/api/Team', status: 500 });
    expect((await teamNames(teamId)).size, 'server error').to.equal(0);
    await fetch('/_emulator/faults', { method: 'DELETE' });
    await control('/faults', { route: '/finesse/api/Team', malformed: true });
    expect((await teamNames(teamId)).size, 'malformed').to.equal(0);
    await fetch('/_emulator/faults', { method: 'DELETE' });
    await control('/faults', { route: '/finesse/api/Team', delayMs: 3000 });
    const t0 = performance.now();
    expect((await teamNames(teamId, 300)).size, 'too slow').to.equal(0);
    expect(performance.now() - t0, 'gave up at its bound').to.be.below(2500);
    await fetch('/_emulator/faults', { method: 'DELETE' });
    expect((await teamNames(teamId)).size, 'readable again').to.be.greaterThan(0);
  });
});
