/** The adapter for a supervisor (2001) against the emulator: several supervised teams, monitor dialogs marked. */
import { expect } from '@open-wc/testing';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { watchCalls } from '../../shared/finesse/calls.js';
import type { CallEvent } from '../../shared/finesse/types.js';
import { control, loadScript, until, world } from './live.js';

describe('Finesse adapter for a supervisor (emulator)', function () {
  this.timeout(30_000);

  it('lists every supervised team and marks silent-monitor dialogs without caller ids', async () => {
    const w = await world();
    const sup = w.supervisors.find((s) => s.id === '2001')!;
    const agent = w.agents.find((a) => a.teamId === sup.supervisedTeamIds![0])!;
    await loadScript(`/gadgets/container.js?user=${sup.id}&url=${encodeURIComponent('https://h/x.xml?filterTags=cc_TeamId')}`);
    await loadScript('/desktop/assets/js/finesse.js');
    const adapter = createFinesseAdapter({ calls: watchCalls });
    const session = await adapter.connect();
    expect(session.role).to.equal('supervisor');
    expect(session.wxmAgentId).to.equal(sup.skillTargetId);
    expect(session.supervisedTeams.map((t) => t.id)).to.deep.equal(sup.supervisedTeamIds);
    expect(session.supervisedTeams.map((t) => t.name)).to.deep.equal(sup.supervisedTeamIds!.map((id) => w.teams.find((t) => t.id === id)!.name));

    const events: CallEvent[] = [];
    adapter.onCall((e) => events.push(e));
    const { id } = await control<{ id: string }>('monitor', { supervisor: sup.id, agent: agent.id });
    await until(() => events.some((e) => e.call.dialogId === id), 5000, 'monitor dialog');
    const call = events.find((e) => e.call.dialogId === id)!.call;
    expect(call.monitor).to.equal(true);
    expect(call.callType).to.equal('SUPERVISOR_MONITOR');
    expect(call.callerIds).to.deep.equal([]);
    await control(`calls/${id}/end`, {});
    await until(() => events.some((e) => e.call.dialogId === id && e.kind === 'ended'), 5000, 'ended');
  });
});
