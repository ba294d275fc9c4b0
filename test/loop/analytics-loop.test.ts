/**
 * The loop as the agent sees it: the agent's analytics gadget (My Statistics) counts exactly one more response
 * after a call's post-call survey lands, once ACTIVE_TAB makes it refresh, and its NPS moves as the arithmetic of
 * docs/metrics.md says (computed here from the raw answers before the call plus the one answer given).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import { becomeGadget, control, displayed, expectedFrom, people, rawAnswers } from '../analytics/emu.js';
import { deepQuery, kpiPart } from '../analytics/dom.js';

const norm = (s: string) => s.replace(/\u2212/g, '-').replace(/\s/g, '');
const countIn = (text: string) => Number(/\d[\d,]*/.exec(text)?.[0].replace(/,/g, '') ?? NaN);

describe('feedback loop → agent analytics', function () {
  this.timeout(90_000);
  let app: AnalyticsApp;
  let agent: { id: string; skillTargetId: string; teamId: string };
  const idle = () => waitUntil(() => deepQuery(app, '[part=period]') && !deepQuery(app, '[part=refreshing]'), 'still loading', { timeout: 30_000 });

  before(async () => {
    await control('faults', undefined, 'DELETE');
    agent = (await people()).agents[4]!;
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId' });
    const host = document.createElement('div');
    document.body.append(host);
    app = (await startAnalytics(host))!;
    expect(app, 'the app booted').to.exist;
    await idle();
  });
  after(() => control('faults', undefined, 'DELETE'));

  /** A call from a customer to this agent, answered, ended with the caller's scripted answers. */
  async function surveyedCall(answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const customers = ((await control('customers?limit=40', undefined, 'GET')) as { customers: { id: string; traits: string[] }[] }).customers;
    const customer = customers.find((c) => !c.traits.length)!;
    const call = (await control('calls', { user: agent.id, customerId: customer.id })) as { id: string };
    await control(`calls/${call.id}/answer`, {});
    return (await control(`calls/${call.id}/end`, { answers, wait: true, ...extra })) as { survey: { status: string; error?: string } };
  }

  /**
   * Delivers ACTIVE_TAB for the gadget's own tab the way the desktop does: a message from the parent (here the
   * page is its own parent), naming the tab the container says the gadget is on.
   */
  const activateTab = () => {
    const tabId = (window as any).finesse.containerservices.ContainerServices.getMyTabId();
    window.postMessage({ cxEmu: true, type: 'activeTab', tabId }, '*');
  };

  async function npsAfterRefresh(previousN: number) {
    activateTab();
    await waitUntil(() => countIn(kpiPart(app, 'nps', 'kpi-n')) !== previousN && !deepQuery(app, '[part=refreshing]'), 'the count did not change', { timeout: 30_000 });
    await idle();
    return { n: countIn(kpiPart(app, 'nps', 'kpi-n')), value: norm(kpiPart(app, 'nps', 'kpi-value')) };
  }

  it('one detractor answer: n grows by exactly 1 and NPS becomes 100 × (P − D − 1) / (n + 1)', async () => {
    const period = deepQuery(app, '[part=period]')!;
    const raw = await rawAnswers('cc_AgentId', agent.skillTargetId, period.getAttribute('data-after')!, period.getAttribute('data-before')!);
    const was = await expectedFrom(raw);
    const n0 = countIn(kpiPart(app, 'nps', 'kpi-n'));
    expect(n0, 'the card counts the raw answers').to.equal(was.nps.n);
    expect(n0, 'the agent has answers in the period').to.be.greaterThan(0);
    // P − D from the score (exact: score = 100 (P − D) / n).
    const net = Math.round((was.nps.score! * was.nps.n) / 100);

    const ended = await surveyedCall({ nps: 0, csat: 1, ces: 1, comment: 'loop test: detractor' });
    expect(ended.survey.status, JSON.stringify(ended.survey)).to.equal('done');
    const now = await npsAfterRefresh(n0);
    expect(now.n).to.equal(n0 + 1);
    const score = (100 * (net - 1)) / (n0 + 1);
    expect(now.value).to.equal(norm(displayed({ ...was, nps: { n: n0 + 1, score } }).nps));
    await expect(app).to.be.accessible();
  });

  it('a WxM fault in the middle of the survey: still exactly one more response', async () => {
    await idle();
    const n0 = countIn(kpiPart(app, 'nps', 'kpi-n'));
    await control('faults', { route: '/api/SurveyByToken', status: 503, count: 2 });
    const ended = await surveyedCall({ nps: 10 });
    expect(ended.survey.status, JSON.stringify(ended.survey)).to.equal('done');
    const faults = (await control('faults', undefined, 'GET')) as { faults: unknown[] };
    expect(faults.faults, 'both 503s were met and retried').to.have.length(0);
    const now = await npsAfterRefresh(n0);
    expect(now.n).to.equal(n0 + 1);
  });
});
