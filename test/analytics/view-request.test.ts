import { expect } from '@open-wc/testing';
import { chooseView, sameView, viewKey } from '../../gadgets/analytics/view-request.js';
import { fakeSession } from '../fakes/adapter.js';

const T1 = { id: 'T1', name: 'Team one' };
const T2 = { id: 'T2', name: 'Team two' };
const agent = fakeSession({ role: 'agent', wxmAgentId: '5001', team: T1 });
const supervisor = fakeSession({ role: 'supervisor', wxmAgentId: '6001', team: T1, supervisedTeams: [T1, T2] });
const period = { key: '30d' as const };

describe('view request (mode, teams, chosen team, period → request)', () => {
  it('an agent sees their own answers, benchmarked against their team', () => {
    const v = chooseView({ config: { filterTag: 'cc_AgentId' }, session: agent, period });
    expect(v.mode).to.deep.equal({ tag: 'cc_AgentId', derived: false });
    expect(v.request).to.deep.equal({
      scope: { tag: 'cc_AgentId', value: '5001' },
      period,
      perAgent: false,
      benchmark: { kind: 'team', scope: { tag: 'cc_TeamId', value: 'T1' } },
    });
  });

  it('without filterTags the mode follows the role and says it was derived', () => {
    expect(chooseView({ config: {}, session: supervisor, period }).mode).to.deep.equal({ tag: 'cc_TeamId', derived: true });
    expect(chooseView({ config: {}, session: agent, period }).mode).to.deep.equal({ tag: 'cc_AgentId', derived: true });
  });

  it('a supervisor sees the team picked now, else the remembered one, else the first; unknown ids fall back', () => {
    const cfg = { filterTag: 'cc_TeamId' as const };
    expect(chooseView({ config: cfg, session: supervisor, period }).team).to.equal(T1);
    expect(chooseView({ config: cfg, session: supervisor, period, rememberedTeamId: 'T2' }).team).to.equal(T2);
    expect(chooseView({ config: cfg, session: supervisor, period, rememberedTeamId: 'T2', chosenTeamId: 'T1' }).team).to.equal(T1);
    expect(chooseView({ config: cfg, session: supervisor, period, rememberedTeamId: 'gone' }).team).to.equal(T1);
    const req = chooseView({ config: cfg, session: supervisor, period, chosenTeamId: 'T2' }).request!;
    expect(req).to.deep.include({ scope: { tag: 'cc_TeamId', value: 'T2' }, perAgent: true, benchmark: { kind: 'all' } });
    expect(chooseView({ config: cfg, session: supervisor, period }).teams).to.deep.equal([T1, T2]);
  });

  it('nothing to request without a session, or in the team view without any team', () => {
    expect(chooseView({ config: { filterTag: 'cc_TeamId' }, session: undefined, period }).request).to.equal(undefined);
    const lone = fakeSession({ role: 'agent', supervisedTeams: [] });
    expect(chooseView({ config: { filterTag: 'cc_TeamId' }, session: lone, period }).request).to.equal(undefined);
    // An agent with a team may open the team view of their own team.
    expect(chooseView({ config: { filterTag: 'cc_TeamId' }, session: agent, period }).team).to.equal(T1);
  });

  it('requests are compared by value: equal views are the same, another team or period is not', () => {
    const cfg = { filterTag: 'cc_TeamId' as const };
    const a = chooseView({ config: cfg, session: supervisor, period: { key: '30d' } }).request;
    const b = chooseView({ config: cfg, session: supervisor, period: { key: '30d' } }).request;
    expect(a).to.not.equal(b);
    expect(sameView(a, b)).to.equal(true);
    expect(sameView(a, chooseView({ config: cfg, session: supervisor, period: { key: '7d' } }).request)).to.equal(false);
    expect(sameView(a, chooseView({ config: cfg, session: supervisor, period, chosenTeamId: 'T2' }).request)).to.equal(false);
    const custom = (to: string) => chooseView({ config: cfg, session: supervisor, period: { key: 'custom', from: '2026-10-01', to } }).request;
    expect(sameView(custom('2026-10-31'), custom('2026-10-30'))).to.equal(false);
    expect(viewKey(undefined)).to.equal('');
  });
});
