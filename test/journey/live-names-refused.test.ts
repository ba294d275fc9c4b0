/** Issue 12.8: when Finesse refuses a supervisor the team roster, the journey keeps the ids and shows no error. */
import { expect } from '@open-wc/testing';
import { control, endCall, entryText, resetRoster, seen, supervisorCallWithRoster } from './live.js';

describe('journey names on the emulator (roster refused)', function () {
  this.timeout(60_000);
  after(resetRoster);

  it('shows a member’s id and no error', async () => {
    const teams = (await control<{ supervisors: Array<{ supervisedTeamIds: string[] }> }>('/agents')).supervisors[1]!.supervisedTeamIds;
    const { app, member, call, entries } = await supervisorCallWithRoster(1, { status: 401, count: teams.length });
    const faults = async () => (await control<{ finesseFaults: unknown[] }>('/faults')).finesseFaults;
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
