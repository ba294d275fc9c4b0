/**
 * Against the emulator (issue 13): the trend's bucket follows the sample (a sparse agent over 90 days is charted
 * per month, on both data paths), and on the raw-answer fallback a refresh after new survey answers reads only
 * those (the FilterBy afterdate sent, the rows transferred) and shows the KPIs a fresh full load shows.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import type { FilterBy } from '../../shared/wxm/types.js';
import { becomeGadget, control, displayed, expectedFrom, people, rawAnswers } from './emu.js';
import { deepQuery, deepQueryAll, kpiValues } from './dom.js';

const norm = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\u2212/g, '-').replace(/\s/g, '')]));

/** One /api/answers/page request: the filter sent and how many answers came back. */
interface PageRead {
  filter: FilterBy;
  rows: number;
}

describe('analytics trend buckets and incremental refresh (emulator)', function () {
  this.timeout(120_000);
  let agent: { id: string; skillTargetId: string; teamId: string };
  const hosts: HTMLElement[] = [];
  const reads: PageRead[] = [];
  let summaries = 0;

  /** The fetch the WxM client uses, noting every answers page it reads. */
  const noting: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const body = /\/api\/answers\/page\//i.test(req.url) ? await req.clone().text() : undefined;
    const res = await fetch(req);
    if (/\/api\/summary$/i.test(new URL(req.url).pathname)) summaries++;
    if (body !== undefined && res.ok) {
      const page = (await res.clone().json()) as { responses?: unknown[] };
      reads.push({ filter: JSON.parse(body) as FilterBy, rows: page.responses?.length ?? 0 });
    }
    return res;
  };

  async function open(init?: (app: AnalyticsApp) => void): Promise<AnalyticsApp> {
    const host = document.createElement('div');
    document.body.append(host);
    hosts.push(host);
    const app = (await startAnalytics(host, { fetch: noting }, init))!;
    await idle(app);
    return app;
  }
  const idle = (app: AnalyticsApp) =>
    waitUntil(() => deepQuery(app, '[part=period]') && !deepQuery(app, '[part=refreshing]'), 'view not loaded', { timeout: 30_000 });
  const period = (app: AnalyticsApp) => deepQuery(app, '[part=period]')!;
  const raw = (app: AnalyticsApp) =>
    rawAnswers('cc_AgentId', agent.skillTargetId, period(app).getAttribute('data-after')!, period(app).getAttribute('data-before')!);

  before(async () => {
    await control('faults', undefined, 'DELETE');
    agent = (await people()).agents[6]!;
  });
  afterEach(() => hosts.splice(0).forEach((h) => h.remove()));

  for (const aggregates of ['auto', 'off'] as const) {
    it(`a sparse agent over 90 days is charted per month, the months' n adding up to the period's (aggregates=${aggregates})`, async () => {
      // A minimum no week reaches: one agent's answers over 14 weeks.
      await becomeGadget(agent.id, { filterTags: 'cc_AgentId', minSample: '500', aggregates });
      const app = await open((a) => (a.period = { key: '90d' }));
      expect(period(app).getAttribute('data-source')).to.equal(aggregates === 'auto' ? 'aggregates' : 'answers');
      expect(deepQuery(app, '#trend-h')!.textContent).to.contain('per month');
      (deepQuery(app, '[part=table-toggle]') as HTMLButtonElement).click();
      await waitUntil(() => deepQuery(app, '[part=trend-table]'));
      expect(deepQuery(app, '[part=trend-table] thead th')!.textContent!.trim()).to.equal('Month');
      const rows = deepQueryAll(app, '[part=trend-table] tbody tr');
      const answers = await raw(app);
      const { nps } = await expectedFrom(answers);
      expect(rows.length).to.be.within(3, 4);
      for (const r of rows) expect(r.querySelector('th')!.textContent!.trim()).to.match(/^[A-Z][a-z]{2} \d{4}$/);
      // The three or four months the 90 days touch, together holding every NPS answer of the period.
      expect(rows.reduce((sum, r) => sum + Number(r.getAttribute('data-n')), 0)).to.equal(nps.n);
      await expect(app).to.be.accessible();
    });
  }

  it('a period without answers asks no summary per bucket (current, previous and benchmark only)', async () => {
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId', minSample: '1' });
    summaries = 0;
    const app = await open((a) => (a.period = { key: 'custom', from: '2020-01-01', to: '2020-03-31' }));
    expect(period(app).getAttribute('data-source')).to.equal('aggregates');
    expect(await raw(app)).to.have.length(0);
    expect(deepQuery(app, '[part=empty]')).to.exist;
    expect(summaries).to.equal(3);
  });

  it('a refresh asks WxM again only for the trend buckets still open; closed ones keep their n, the open one gains the new survey', async () => {
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId', minSample: '1' });
    summaries = 0;
    const app = await open((a) => (a.period = { key: '90d' }));
    expect(period(app).getAttribute('data-source')).to.equal('aggregates');
    const first = summaries;
    const trendRows = async () => {
      if (!deepQuery(app, '[part=trend-table]')) {
        (deepQuery(app, '[part=table-toggle]') as HTMLButtonElement).click();
        await waitUntil(() => deepQuery(app, '[part=trend-table]'));
      }
      return deepQueryAll(app, '[part=trend-table] tbody tr').map((r) => Number(r.getAttribute('data-n')));
    };
    const before = await trendRows();
    // current, previous, benchmark and one per bucket
    expect(first).to.equal(3 + before.length);

    const customers = ((await control('customers?limit=40', undefined, 'GET')) as { customers: { id: string; traits: string[] }[] }).customers;
    const call = (await control('calls', { user: agent.id, customerId: customers.find((c) => !c.traits.length)!.id })) as { id: string };
    await control(`calls/${call.id}/answer`, {});
    await control(`calls/${call.id}/end`, { answers: { nps: 9, csat: 5, ces: 6 }, wait: true });

    summaries = 0;
    const asOf = deepQuery(app, '[part=as-of]')!.textContent;
    app.refresh();
    await waitUntil(() => deepQuery(app, '[part=as-of]')?.textContent !== asOf || summaries > 3, 'no refresh', { timeout: 30_000 });
    await idle(app);
    // The buckets that ended over an hour ago come from the session's cache: only the open one is asked (and the
    // one before it in the first hour of a new bucket).
    const asked = summaries - 3;
    expect(asked).to.be.within(1, 2);
    const after = await trendRows();
    expect(after.slice(0, -asked)).to.deep.equal(before.slice(0, -asked));
    expect(after.at(-1)).to.equal(before.at(-1)! + 1);
  });

  it('on the fallback, a refresh after a new survey reads only answers from the newest seen on; KPIs equal a full load', async () => {
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId', minSample: '1', aggregates: 'off' });
    const app = await open();
    expect(period(app).getAttribute('data-refresh')).to.equal('full');
    const before = await raw(app);
    expect(before.length, 'the agent has answers in the period').to.be.greaterThan(0);
    const newest = Math.max(...before.map((a) => Date.parse(a.responseDateTime)));
    const atNewest = before.filter((a) => Date.parse(a.responseDateTime) === newest).length;

    // A customer calls this agent and answers the post-call survey.
    const customers = ((await control('customers?limit=40', undefined, 'GET')) as { customers: { id: string; traits: string[] }[] }).customers;
    const call = (await control('calls', { user: agent.id, customerId: customers.find((c) => !c.traits.length)!.id })) as { id: string };
    await control(`calls/${call.id}/answer`, {});
    const ended = (await control(`calls/${call.id}/end`, { answers: { nps: 3, csat: 2, ces: 2, comment: 'refresh test' }, wait: true })) as {
      survey: { status: string };
    };
    expect(ended.survey.status).to.equal('done');

    reads.splice(0);
    app.refresh();
    await waitUntil(() => period(app).getAttribute('data-refresh') === 'incremental: 1 new answer', 'no incremental refresh', { timeout: 30_000 });
    await idle(app);
    // The current period is read from its newest folded answer on: that instant's answers again (skipped by id),
    // and the new one.
    const start = period(app).getAttribute('data-after')!;
    const current = reads.filter((r) => Date.parse(r.filter.afterdate!) >= Date.parse(start));
    expect(current.map((r) => r.filter.afterdate)).to.deep.equal([new Date(newest).toISOString()]);
    expect(current[0]!.rows).to.equal(atNewest + 1);
    // Nothing is read from a period's start again (the previous period also only from its newest folded answer).
    expect(reads.every((r) => r.filter.afterdate !== start)).to.equal(true);

    const incremental = norm(kpiValues(app));
    const fresh = await open();
    expect(period(fresh).getAttribute('data-refresh')).to.equal('full');
    expect(norm(kpiValues(fresh))).to.deep.equal(incremental);
    expect(incremental).to.deep.equal(norm(displayed(await expectedFrom(await raw(fresh)))));
  });
});
