/**
 * Issue 12.8 on the emulator, as a supervisor: a member of a supervised team is named (from the team roster, read
 * through finesse.js) and an agent of another team keeps their id.
 * The roster variant with skill target ids is on: cc_AgentId holds the skill target id (emulator/README.md).
 */
import { expect } from '@open-wc/testing';
import { endCall, entryText, resetRoster, seen, supervisorCallWithRoster, until } from './live.js';

describe('journey names on the emulator (supervisor)', function () {
  this.timeout(60_000);
  after(resetRoster);

  it('names a supervised team’s member once the roster is in; another team’s agent keeps the id', async () => {
    const { app, sup, member, agents, call, entries } = await supervisorCallWithRoster(0);
    const byMember = entries.filter((e) => e.entry!.agentId === member.skillTargetId);
    expect(byMember.length).to.be.greaterThan(0);
    const name = `Agent ${member.firstName} ${member.lastName}`;
    await until('the member’s name', () => byMember.every((e) => entryText(e).includes(name)), 30_000);
    const supervised = new Set(agents.filter((a) => sup.supervisedTeamIds.includes(a.teamId)).map((a) => a.skillTargetId));
    for (const e of entries.filter((x) => x.entry!.agentId && !supervised.has(x.entry!.agentId))) {
      expect(entryText(e), 'another team’s agent').to.include(`Agent ${e.entry!.agentId}`);
    }
    expect(seen(app).panel, 'no error').to.equal(null);
    await expect(app).to.be.accessible();
    await endCall(call).catch(() => undefined);
  });
});
