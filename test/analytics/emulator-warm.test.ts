/**
 * The desktop opened again (issue 13 §1): the second load of the team view, in the same browser, takes the
 * account's questions and the closed periods' summaries kept by the first (account-copy.ts, closed-summaries.ts),
 * asks WxM only for the periods still open, and shows what a cold load shows. Kept entries never cross users,
 * filters or WxM addresses, corrupt ones are ignored, and a question retagged by a WxM admin in between is
 * noticed: the view is redone on the fresh questions, with every closed period asked again.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import type { FilterBy } from '../../shared/wxm/types.js';
import { testEnv } from '../helpers/env.js';
import { becomeGadget, control, displayed, expectedFrom, people, questionIds, rawAnswers } from './emu.js';
import { deepQuery, deepQueryAll, kpiValues } from './dom.js';

const HOUR = 3_600_000;
const norm = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\u2212/g, '-').replace(/\s/g, '')]));

describe('analytics warm load: kept questions and closed summaries (emulator)', function () {
  this.timeout(120_000);
  let sup: { id: string; supervisedTeamIds: string[] };
  const hosts: HTMLElement[] = [];
  /** The /api/summary filters and the Questions/Active reads of the loads since the last reset. */
  let summaries: FilterBy[] = [];
  let questionReads = 0;
  const counting: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const path = new URL(req.url).pathname;
    if (/\/api\/summary$/i.test(path)) summaries.push(JSON.parse(await req.clone().text()) as FilterBy);
    if (/\/api\/Questions\/Active$/i.test(path)) questionReads++;
    return fetch(req);
  };
  /** The closed trend buckets asked (the previous period of a rolling 90 days ends at each load's instant less 90 days). */
  const closedAsked = () => summaries.filter((f) => Date.parse(f.beforedate!) <= Date.now() - HOUR && Date.parse(f.afterdate!) >= Date.now() - 91 * 24 * HOUR).length;

  async function open(team?: string): Promise<AnalyticsApp> {
    summaries = [];
    questionReads = 0;
    hosts.splice(0).forEach((h) => h.remove());
    const host = document.createElement('div');
    document.body.append(host);
    hosts.push(host);
    const app = (await startAnalytics(host, { fetch: counting }, (a) => {
      a.period = { key: '90d' };
      if (team) (a as unknown as { chosenTeamId: string }).chosenTeamId = team;
    }))!;
    await waitUntil(() => deepQuery(app, '[part=period]') && !deepQuery(app, '[part=refreshing]'), 'view not loaded', { timeout: 30_000 });
    return app;
  }
  /** What the user sees: the KPIs and the trend table's n per bucket. */
  async function shown(app: AnalyticsApp) {
    if (!deepQuery(app, '[part=trend-table]')) {
      (deepQuery(app, '[part=table-toggle]') as HTMLButtonElement).click();
      await waitUntil(() => deepQuery(app, '[part=trend-table]'));
    }
    return { kpis: norm(kpiValues(app)), trend: deepQueryAll(app, '[part=trend-table] tbody tr').map((r) => r.getAttribute('data-n')) };
  }
  const keptKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('cx-closed-summaries '));

  before(async () => {
    await control('faults', undefined, 'DELETE');
    sup = (await people()).supervisors[0]!;
  });
  beforeEach(async () => {
    localStorage.clear();
    await becomeGadget(sup.id, { filterTags: 'cc_TeamId', minSample: '1' });
  });
  after(() => {
    hosts.splice(0).forEach((h) => h.remove());
    localStorage.clear();
  });

  it('a warm load asks WxM for no closed period, reads the questions once in the background, and shows what the cold load showed', async () => {
    const cold = await shown(await open());
    const coldClosed = closedAsked();
    expect(coldClosed, 'the closed weeks').to.be.greaterThan(10);
    expect(keptKeys()).to.have.length(1);
    const warm = await open();
    expect(closedAsked()).to.equal(0);
    expect(summaries.length, 'the current and previous periods, the benchmark and the open week(s)').to.be.within(4, 5);
    expect(questionReads).to.equal(1);
    expect(await shown(warm)).to.deep.equal(cold);
  });

  it('corrupt or foreign-shaped kept summaries are ignored with a diagnostic: every closed period is asked again', async () => {
    const cold = await shown(await open());
    const coldClosed = closedAsked();
    const [key] = keptKeys();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      for (const bad of ['{not json', '[1,2]', '{"questions":"x","entries":{"k":[1,"many",[]]}}', '{"questions":"x"}']) {
        localStorage.setItem(key!, bad);
        warnings.length = 0;
        const app = await open();
        expect(closedAsked(), bad).to.equal(coldClosed);
        expect(await shown(app), bad).to.deep.equal(cold);
        expect(warnings.some((w) => w.includes('stored trend summaries unreadable')), bad).to.equal(true);
      }
    } finally {
      console.warn = warn;
    }
  });

  it('never reuses the entries of another user, another WxM address or another filter', async () => {
    await open();
    const coldClosed = closedAsked();
    const [key] = keptKeys();
    const kept = localStorage.getItem(key!)!;
    const { wxmUrl } = await testEnv();
    const other = (await people()).supervisors[1]!;
    for (const [what, foreign] of [
      ['another user', key!.replace(` ${sup.id} `, ` ${other.id} `)],
      ['another WxM address', key!.replace(wxmUrl.replace(/\/+$/, ''), 'https://wxm-eu.example')],
    ]) {
      expect(foreign, what).to.not.equal(key);
      localStorage.clear();
      localStorage.setItem(foreign!, kept);
      await open();
      expect(closedAsked(), what).to.equal(coldClosed);
    }
    // Another team of the same supervisor: its own closed periods, and its own numbers.
    const team = sup.supervisedTeamIds[1]!;
    const app = await open(team);
    expect(deepQuery(app, '[part=period]')!.getAttribute('data-target')).to.equal(team);
    expect(closedAsked()).to.be.greaterThan(10);
    localStorage.clear();
    const coldOther = await shown(await open(team));
    expect(await shown(app)).to.deep.equal(coldOther);
  });

  it('a question retagged between two loads: the warm view is redone on the fresh questions, closed periods asked again', async () => {
    const before = await shown(await open());
    const coldClosed = closedAsked();
    const npsIds = [...(await questionIds()).nps];
    // A WxM admin takes the NPS tag off the first questionnaire's NPS question.
    await control(`wxm/questions/${npsIds[0]}`, { questionTags: [] });
    try {
      const app = await open();
      const p = deepQuery(app, '[part=period]')!;
      const fresh = norm(displayed(await expectedFrom(await rawAnswers('cc_TeamId', p.getAttribute('data-target')!, p.getAttribute('data-after')!, p.getAttribute('data-before')!))));
      expect(fresh.nps, 'the retag changes the NPS').to.not.equal(before.kpis.nps);
      await waitUntil(() => norm(kpiValues(app)).nps === fresh.nps && !deepQuery(app, '[part=refreshing]'), 'the view was not redone', { timeout: 30_000 });
      expect(norm(kpiValues(app))).to.deep.equal(fresh);
      expect(closedAsked(), 'the closed periods, asked again for the fresh questions').to.be.at.least(coldClosed);
    } finally {
      await control(`wxm/questions/${npsIds[0]}`, { questionTags: ['NPS'] });
    }
  });
});
