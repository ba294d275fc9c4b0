/**
 * Issue 12.8 on the emulator, as a supervisor: a member of a supervised team is named (from the team roster, read
 * through finesse.js), an agent of another team keeps their id, and a slow roster never holds up the journey.
 * The roster variant with skill target ids is on: cc_AgentId holds the skill target id (emulator/README.md).
 */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { JourneyEntry } from '../../gadgets/journey/entry.js';
import { answerCall, bootAs, control, customerServedBy, endCall, entryText, placeCall, seen, until } from './live.js';
import type { Agent, Supervisor } from '../emulator/support.js';

describe('journey names on the emulator (supervisor)', function () {
  this.timeout(60_000);
  let app: JourneyApp;
  let sup: Supervisor;
  let agents: Agent[];

  before(async () => {
    const world = await control<{ agents: Agent[]; supervisors: Supervisor[] }>('/agents');
    agents = world.agents;
    sup = world.supervisors[0]!;
    await control('/finesse/roster', { skillTargetId: true });
    // Every roster read (the Team, then its Users) waits 2 s: the journey must not.
    await control('/faults', { route: '/finesse/api/Team', delayMs: 2000 });
    app = await bootAs(sup.id);
  });
  after(async () => {
    await fetch('/_emulator/faults', { method: 'DELETE' });
    await control('/finesse/roster', { skillTargetId: false });
  });

  it('names a supervised team’s member once the roster is in; the journey shows first, with ids', async () => {
    const member = agents.find((a) => a.teamId === sup.supervisedTeamIds[0])!;
    const c = await customerServedBy(sup.id, member.skillTargetId);
    const call = await placeCall({ user: sup.id, customerId: c.id });
    await answerCall(call);
    const entries = await until('entries', () => seen(app).entries.length === c.surveyCount && (seen(app).entries as JourneyEntry[]));
    const byMember = entries.filter((e) => e.entry!.agentId === member.skillTargetId);
    expect(byMember.length).to.be.greaterThan(0);
    expect(entryText(byMember[0]!), 'the roster is not in yet').to.include(`Agent ${member.skillTargetId}`);
    const name = `Agent ${member.firstName} ${member.lastName}`;
    await until('the member’s name', () => byMember.every((e) => entryText(e).includes(name)), 20_000);
    const supervised = new Set(agents.filter((a) => sup.supervisedTeamIds.includes(a.teamId)).map((a) => a.skillTargetId));
    for (const e of entries.filter((x) => x.entry!.agentId && !supervised.has(x.entry!.agentId))) {
      expect(entryText(e), 'another team’s agent').to.include(`Agent ${e.entry!.agentId}`);
    }
    expect(seen(app).panel, 'no error').to.equal(null);
    await expect(app).to.be.accessible();
    await endCall(call).catch(() => undefined);
  });
});
