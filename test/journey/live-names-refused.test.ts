/**
 * Issue 12.8: a supervisor's rosters, one refused by Finesse, the other one slow (30 s, past the gadget's bound):
 * the journey shows at once with the ids, and no error.
 */
import { expect } from '@open-wc/testing';
import { control, endCall, entryText, resetRoster, seen, supervisorCallWithRoster } from './live.js';

describe('journey names on the emulator (roster refused)', function () {
  this.timeout(60_000);
  after(resetRoster);

  it('shows the journey with a member’s id and no error while one roster is refused and the other hangs', async () => {
    const { app, member, call, entries } = await supervisorCallWithRoster(1, [{ status: 401, count: 1 }, { delayMs: 30_000, count: 1 }]);
    const faults = async () => (await control<{ finesseFaults: unknown[] }>('/faults')).finesseFaults;
    // Both roster reads have met their fault (used up): no names can come while this test runs.
    for (let i = 0; i < 100 && (await faults()).length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await faults(), 'each supervised roster was asked for').to.deep.equal([]);
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
