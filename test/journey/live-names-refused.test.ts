/** Issue 12.8: when Finesse refuses a supervisor the team roster, the journey keeps the ids and shows no error. */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { JourneyEntry } from '../../gadgets/journey/entry.js';
import { answerCall, bootAs, control, customerServedBy, endCall, entryText, placeCall, seen, until } from './live.js';
import type { Agent, Supervisor } from '../emulator/support.js';

describe('journey names on the emulator (roster refused)', function () {
  this.timeout(60_000);
  let app: JourneyApp;
  let sup: Supervisor;
  let agents: Agent[];
  let faults: () => Promise<Array<{ route: string }>>;

  before(async () => {
    const world = await control<{ agents: Agent[]; supervisors: Supervisor[] }>('/agents');
    agents = world.agents;
    sup = world.supervisors[1]!;
    await control('/finesse/roster', { skillTargetId: true });
    await control('/faults', { route: '/finesse/api/Team', status: 401, count: sup.supervisedTeamIds.length });
    faults = async () => (await control<{ finesseFaults: Array<{ route: string }> }>('/faults')).finesseFaults;
    app = await bootAs(sup.id);
  });
  after(async () => {
    await fetch('/_emulator/faults', { method: 'DELETE' });
    await control('/finesse/roster', { skillTargetId: false });
  });

  it('shows a member’s id, the supervisor’s own name where it applies, and no error', async () => {
    const member = agents.find((a) => a.teamId === sup.supervisedTeamIds[0])!;
    const c = await customerServedBy(sup.id, member.skillTargetId);
    const call = await placeCall({ user: sup.id, customerId: c.id });
    await answerCall(call);
    const entries = await until('entries', () => seen(app).entries.length === c.surveyCount && (seen(app).entries as JourneyEntry[]));
    // Every roster read was refused (the faults are used up), so no names can come any more.
    for (let i = 0; i < 100 && (await faults()).length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await faults(), 'each supervised roster was asked for and refused').to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 300));
    for (const e of entries.filter((x) => x.entry!.agentId === member.skillTargetId)) {
      expect(entryText(e)).to.include(`Agent ${member.skillTargetId}`);
      expect(entryText(e)).to.not.include(member.lastName);
    }
    expect(seen(app).panel, 'no error').to.equal(null);
    expect(seen(app).text).to.not.match(/error|could not/i);
    await expect(app).to.be.accessible();
    await endCall(call).catch(() => undefined);
  });
});
