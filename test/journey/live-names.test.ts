/**
 * Issue 12.8 on the emulator, as agent 1001: their own surveys carry their name and their team's name; anyone
 * else's keep the ids (an agent may not read a team roster, so Finesse tells them no other names).
 */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { JourneyEntry } from '../../gadgets/journey/entry.js';
import { answerCall, bootAs, control, customerServedBy, endCall, entryText, placeCall, seen, until } from './live.js';
import type { Agent } from '../emulator/support.js';

describe('journey names on the emulator (agent)', function () {
  this.timeout(60_000);
  let app: JourneyApp;
  let me: Agent;
  let teamName: string;

  before(async () => {
    const world = await control<{ agents: Agent[]; teams: Array<{ id: string; name: string }> }>('/agents');
    me = world.agents.find((a) => a.id === '1001')!;
    teamName = world.teams.find((t) => t.id === me.teamId)!.name;
    app = await bootAs(me.id);
  });

  it('shows the agent’s own name and team name on their surveys, ids on everyone else’s', async () => {
    const c = await customerServedBy(me.id, me.skillTargetId);
    const call = await placeCall({ user: me.id, customerId: c.id });
    await answerCall(call);
    const entries = await until('entries', () => seen(app).entries.length === c.surveyCount && (seen(app).entries as JourneyEntry[]));
    const mine = entries.filter((e) => e.entry!.agentId === me.skillTargetId);
    const others = entries.filter((e) => e.entry!.agentId && e.entry!.agentId !== me.skillTargetId);
    expect(mine.length, 'surveys by this agent').to.be.greaterThan(0);
    expect(others.length, 'surveys by others').to.be.greaterThan(0);
    for (const e of mine) {
      expect(entryText(e)).to.include(`Agent ${me.firstName} ${me.lastName}`);
      expect(entryText(e)).to.not.include(`Agent ${me.skillTargetId}`);
    }
    for (const e of entries.filter((x) => x.entry!.teamId === me.teamId)) expect(entryText(e)).to.include(`Team ${teamName}`);
    for (const e of others) expect(entryText(e)).to.include(`Agent ${e.entry!.agentId}`);
    for (const e of entries.filter((x) => x.entry!.teamId && x.entry!.teamId !== me.teamId)) expect(entryText(e)).to.include(`Team ${e.entry!.teamId}`);
    expect(seen(app).panel, 'no error').to.equal(null);
    await expect(app).to.be.accessible();
    await endCall(call).catch(() => undefined);
  });
});
