/** A supervisor's silent-monitor dialog shows nothing about the customer. */
import { expect } from '@open-wc/testing';
import { bootAs, control, customer, endCall, placeCall, seen, until, answerCall } from './live.js';

describe('journey gadget on the emulator (supervisor monitor)', function () {
  this.timeout(60_000);
  it('shows that a call is monitored and nothing about its customer', async () => {
    const { supervisors } = await control<{ supervisors: Array<{ id: string; supervisedTeamIds: string[] }> }>('/agents');
    const { agents } = await control<{ agents: Array<{ id: string; teamId: string }> }>('/agents');
    const sup = supervisors[0]!;
    const agent = agents.find((a) => sup.supervisedTeamIds.includes(a.teamId) && a.id !== sup.id)!;
    const app = await bootAs(sup.id);
    const c = await customer('max-history');
    const call = await placeCall({ user: agent.id, customerId: c.id });
    await answerCall(call);
    const mon = await control<{ id: string }>('/monitor', { supervisor: sup.id, agent: agent.id });
    await until('monitor state', () => /monitoring a call/.test(seen(app).text));
    // Give a stray lookup every chance to paint before looking.
    await new Promise((r) => setTimeout(r, 500));
    const s = seen(app);
    expect(s.entries).to.have.length(0);
    expect(s.brief).to.equal(null);
    expect(s.text).to.not.include(c.id);
    await expect(app).to.be.accessible();
    await endCall(mon.id).catch(() => undefined);
    await endCall(call).catch(() => undefined);
  });
});
