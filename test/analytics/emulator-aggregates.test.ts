/**
 * The aggregate data plan against the emulator's /api/summary and /api/answers/compare (issue 13 §1), and the
 * automatic fallback to the raw answers when a tenant lacks them, on every numeric-key variant.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import type { Answer } from '../../shared/wxm/types.js';
import { becomeGadget, control, displayed, expectedFrom, people, questionIds, rawAnswers } from './emu.js';
import { deepQuery, deepQueryAll, kpiValues } from './dom.js';

const norm = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\u2212/g, '-').replace(/\s/g, '')]));

/** Per agent (cc_AgentId value): how many answers carry an NPS 0–10, and the NPS they give (metrics.md). */
async function npsPerAgent(answers: Answer[], agentQuestions: string[]): Promise<Map<string, { n: number; score: number }>> {
  const q = await questionIds();
  const by = new Map<string, number[]>();
  for (const a of answers) {
    const agent = a.responses.find((r) => agentQuestions.includes(r.questionId))?.textInput;
    const v = a.responses.find((r) => q.nps.has(r.questionId))?.numberInput;
    if (!agent || typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10) continue;
    by.set(agent, [...(by.get(agent) ?? []), v]);
  }
  return new Map(
    [...by].map(([agent, vs]) => [agent, { n: vs.length, score: (100 * (vs.filter((v) => v >= 9).length - vs.filter((v) => v <= 6).length)) / vs.length }]),
  );
}

describe('analytics on WxM aggregates (emulator)', function () {
  this.timeout(120_000);
  let sup: { id: string; supervisedTeamIds: string[] };
  const hosts: HTMLElement[] = [];

  before(async () => {
    sup = (await people()).supervisors[0]!;
    await becomeGadget(sup.id, { filterTags: 'cc_TeamId', minSample: '1' });
  });
  afterEach(async () => {
    await control('wxm/aggregates', { routes: 'present', numericKeys: 'integer' });
    hosts.splice(0).forEach((h) => h.remove());
  });

  async function open(init?: (app: AnalyticsApp) => void): Promise<AnalyticsApp> {
    const host = document.createElement('div');
    document.body.append(host);
    hosts.push(host);
    const app = (await startAnalytics(host, {}, init))!;
    await waitUntil(() => deepQuery(app, '[part=period]') && !deepQuery(app, '[part=refreshing]'), 'view not loaded', { timeout: 30000 });
    return app;
  }
  const period = (app: AnalyticsApp) => deepQuery(app, '[part=period]')!;
  const raw = (app: AnalyticsApp) =>
    rawAnswers('cc_TeamId', period(app).getAttribute('data-target')!, period(app).getAttribute('data-after')!, period(app).getAttribute('data-before')!);

  for (const numericKeys of ['integer', 'decimal'] as const) {
    it(`KPIs and the per-agent table come from summary/compare and equal the raw answers (keys ${numericKeys})`, async () => {
      await control('wxm/aggregates', { numericKeys });
      const app = await open();
      expect(period(app).getAttribute('data-source')).to.equal('aggregates');
      const answers = await raw(app);
      expect(norm(kpiValues(app))).to.deep.equal(norm(displayed(await expectedFrom(answers))));
      const want = await npsPerAgent(answers, (await questionIds()).context('cc_AgentId'));
      const shown = deepQueryAll(app, 'tr[data-agent]').map((tr) => tr.getAttribute('data-agent')!);
      expect([...shown].sort()).to.deep.equal([...want.keys()].sort());
      for (const [agent, w] of want) {
        const cell = deepQuery(app, `tr[data-agent="${agent}"] td[data-metric=nps]`)!.textContent!.replace(/\u2212/g, '-').replace(/\s+/g, ' ');
        expect(cell, agent).to.contain(`${Math.round(w.score) || 0} `);
        expect(cell, agent).to.contain(`n ${w.n}`);
      }
    });
  }

  it('an agent sees NPS, CSAT and CES benchmarked against their team, each equal to the team’s raw answers', async () => {
    const agent = (await people()).agents.find((a) => a.teamId === sup.supervisedTeamIds[0])!;
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId', minSample: '1' });
    try {
      const app = await open();
      expect(period(app).getAttribute('data-source')).to.equal('aggregates');
      const p = period(app);
      const team = await rawAnswers('cc_TeamId', agent.teamId, p.getAttribute('data-after')!, p.getAttribute('data-before')!);
      const want = norm(displayed(await expectedFrom(team)));
      for (const m of ['nps', 'csat', 'ces'] as const) {
        const card = deepQueryAll(app, `[part~=kpi][data-metric=${m}]`)[0]!;
        const text = card.shadowRoot!.querySelector('[part~=kpi-benchmark]')!.textContent!;
        expect(norm({ t: text }).t, m).to.equal(`Team${m.toUpperCase()}:${want[m]}`);
      }
    } finally {
      await becomeGadget(sup.id, { filterTags: 'cc_TeamId', minSample: '1' });
    }
  });

  it('the table names agents from the Finesse team roster where it carries their skill target id, else shows ids', async () => {
    const all = (await fetch('/_emulator/agents').then((r) => r.json())) as {
      agents: { id: string; firstName: string; lastName: string; skillTargetId: string; teamId: string }[];
    };
    const team = sup.supervisedTeamIds[0]!;
    const name = (app: AnalyticsApp, stid: string) => deepQuery(app, `tr[data-agent="${stid}"] button[part=agent]`)?.textContent?.trim();
    await control('finesse/roster', { skillTargetId: true });
    try {
      const app = await open();
      const shown = deepQueryAll(app, 'tr[data-agent]').map((tr) => tr.getAttribute('data-agent')!);
      expect(shown.length).to.be.greaterThan(0);
      await waitUntil(() => name(app, shown[0]!) !== shown[0], 'no names from the roster', { timeout: 10000 });
      for (const a of all.agents.filter((x) => x.teamId === team && shown.includes(x.skillTargetId))) {
        expect(name(app, a.skillTargetId)).to.equal(`${a.firstName} ${a.lastName}`);
      }
      // The follow-up list names the same agents.
      const named = new Set(all.agents.filter((x) => x.teamId === team).map((a) => `Agent: ${a.firstName} ${a.lastName}`));
      const items = () => deepQueryAll(deepQuery(app, 'cx-follow-up-list')!, '[part=item] .head .meta');
      await waitUntil(() => items().length > 0, 'no follow-up items', { timeout: 10000 });
      const followUps = items().map((m) => m.textContent!.trim());
      expect(followUps.length).to.be.greaterThan(0);
      for (const text of followUps) expect(named.has(text), text).to.equal(true);
    } finally {
      await control('finesse/roster', { skillTargetId: false });
    }
    // Without skill target ids in the roster, nothing matches: the ids stay.
    const app = await open();
    const first = deepQueryAll(app, 'tr[data-agent]')[0]!.getAttribute('data-agent')!;
    await new Promise((r) => setTimeout(r, 500));
    expect(name(app, first)).to.equal(first);
  });

  it('a tenant without the aggregate routes gets the same numbers from the raw answers, and says which path', async () => {
    await control('wxm/aggregates', { routes: 'missing' });
    const app = await open();
    expect(period(app).getAttribute('data-source')).to.equal('answers');
    expect(norm(kpiValues(app))).to.deep.equal(norm(displayed(await expectedFrom(await raw(app)))));
    expect(deepQueryAll(app, 'tr[data-agent]').length).to.be.greaterThan(0);
  });

  it('aggregates=off pages the raw answers even where the aggregates exist', async () => {
    await becomeGadget(sup.id, { filterTags: 'cc_TeamId', minSample: '1', aggregates: 'off' });
    const app = await open();
    expect(period(app).getAttribute('data-source')).to.equal('answers');
    expect(norm(kpiValues(app))).to.deep.equal(norm(displayed(await expectedFrom(await raw(app)))));
    await becomeGadget(sup.id, { filterTags: 'cc_TeamId', minSample: '1' });
  });
});
