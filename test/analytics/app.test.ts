import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { FinesseSession } from '../../shared/finesse/types.js';
import type { GadgetConfig } from '../../shared/config/types.js';
import { AppError } from '../../shared/errors.js';
import type { TokenClient } from '../../shared/token/token-client.js';
import '../../shared/gadget-root.js';
import { TEAM_PREF, type AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import '../../gadgets/analytics/analytics-app.js';
import { MemoryWxm as FakeWxm } from '../fakes/wxm.js';
import { FakeAdapter, fakeSession } from '../fakes/adapter.js';
import { teamAnswer as answer, type TeamAnswerSpec as AnswerSpec } from '../fakes/answers.js';
import { deepQuery, deepQueryAll, kpiPart, kpiValues } from './dom.js';

const day = (d: number) => new Date(Date.now() - d * 86_400_000 - 3_600_000).toISOString();

function session(role: 'agent' | 'supervisor'): FinesseSession {
  return fakeSession({
    role,
    loginId: 'u1',
    wxmAgentId: 'A1',
    firstName: 'Ann',
    lastName: 'Lee',
    team: { id: 'T1', name: 'Team one' },
    supervisedTeams: role === 'supervisor' ? [{ id: 'T1', name: 'Team one' }, { id: 'T2', name: 'Team two' }] : [],
  });
}

function config(over: Partial<GadgetConfig> = {}): GadgetConfig {
  return {
    wxmBaseUrl: 'http://wxm',
    tokenSource: 'cherrypoint',
    filterTag: 'cc_TeamId',
    questionnaires: [],
    metrics: ['nps', 'csat', 'ces'],
    csatFormula: 'top2',
    cesFormula: 'mean',
    minSample: 3,
    targets: {},
    refreshSeconds: 0,
    maskPii: false,
    timeoutMs: 10000,
    theme: 'light',
    aggregates: 'auto',
    ...over,
  };
}

const adapter = (prefs: Record<string, string> = {}) => new FakeAdapter({ session: session('agent'), prefs });

function specs(): AnswerSpec[] {
  const out: AnswerSpec[] = [];
  // T1: A1 x2 (promoters), A2 x1 (detractor); T2: B1 x1 promoter.
  out.push({ id: '1', time: day(1), agent: 'A1', team: 'T1', nps: 10, csat: 5, ces: 6, comment: 'lovely <b>service</b>' });
  out.push({ id: '2', time: day(2), agent: 'A1', team: 'T1', nps: 9, csat: 4, ces: 5 });
  out.push({ id: '3', time: day(3), agent: 'A2', team: 'T1', nps: 2, csat: 1, ces: 2, comment: 'bad' });
  out.push({ id: '4', time: day(2), agent: 'B1', team: 'T2', nps: 10, csat: 5, ces: 7 });
  return out;
}

/** The app inside the shared root, as startGadget mounts it (without the boot). */
async function mount(wxm: FakeWxm, cfg: GadgetConfig, s: FinesseSession, a = adapter(), init?: (app: AnalyticsApp) => void) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const root = document.createElement('cx-gadget-root');
  root.adapter = a;
  root.services = { wxm, config: cfg, session: s, adapter: a, problems: [], tokens: {} as TokenClient, locale: 'en-US' };
  const app = document.createElement('cx-analytics-app') as AnalyticsApp;
  app.services = { ...root.services, wxm };
  init?.(app);
  root.append(app);
  host.append(root);
  await app.updateComplete;
  return { app, adapter: a, root };
}

const loaded = (app: AnalyticsApp) => waitUntil(() => deepQuery(app, '[part=as-of]') && !deepQuery(app, '[part=refreshing]'), 'view did not load', { timeout: 8000 });

describe('<cx-analytics-app> with fake services', () => {
  it('team view shows the KPIs of the chosen team, with n and change, and is accessible', async () => {
    const { app } = await mount(new FakeWxm(specs().map(answer)), config(), session('supervisor'));
    await loaded(app);
    const v = kpiValues(app);
    // T1: 2 promoters, 1 detractor of 3 → 33.3 → "33"; CSAT 2 of 3 top-2 → 67 %; CES (6+5+2)/3 = 4.3
    expect(v.nps).to.equal('33');
    expect(v.csat).to.match(/^67\s?%$/);
    expect(v.ces).to.equal('4.3');
    expect(kpiPart(app, 'nps', 'kpi-n')).to.contain('3');
    expect(kpiPart(app, 'nps', 'kpi-formula')).to.contain('(2 promoters − 1 detractors) / 3');
    expect(kpiPart(app, 'nps', 'kpi-benchmark')).to.contain('All teams NPS: 50');
    await expect(app).to.be.accessible();
  });

  it('has one h1, visually hidden (the container titles the gadget), above the view\'s own heading', async () => {
    const { app } = await mount(new FakeWxm(specs().map(answer)), config(), session('supervisor'));
    await loaded(app);
    const walk = (n: Element | ShadowRoot): Element[] => [...n.children].flatMap((c) => [c, ...walk(c), ...(c.shadowRoot ? walk(c.shadowRoot) : [])]);
    const h1 = walk(app.shadowRoot!).filter((e) => e.tagName === 'H1');
    expect(h1).to.have.length(1);
    expect(h1[0]!.textContent).to.equal('Customer experience');
    expect(h1[0]!.getBoundingClientRect().width, 'visually hidden').to.be.at.most(1);
  });

  it('switching team reloads, remembers the choice, and restores it next time', async () => {
    const a = adapter();
    const { app } = await mount(new FakeWxm(specs().map(answer)), config(), session('supervisor'), a);
    await loaded(app);
    const select = deepQuery(app, 'select[part=team]') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).to.contain('Team');
    select.value = 'T2';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => kpiValues(app).nps === '100', 'team two not shown');
    expect(a.prefs[TEAM_PREF]).to.equal('T2');
    const again = await mount(new FakeWxm(specs().map(answer)), config(), session('supervisor'), adapter({ [TEAM_PREF]: 'T2' }));
    await loaded(again.app);
    expect((deepQuery(again.app, 'select[part=team]') as HTMLSelectElement).value).to.equal('T2');
    expect(kpiValues(again.app).nps).to.equal('100');
  });

  it('agent with no responses: "No responses", never 0, and an explanation', async () => {
    const s = { ...session('agent'), wxmAgentId: 'nobody' };
    const { app } = await mount(new FakeWxm(specs().map(answer)), config({ filterTag: 'cc_AgentId' }), s);
    await loaded(app);
    expect(Object.values(kpiValues(app))).to.deep.equal(['No responses', 'No responses', 'No responses']);
    expect(deepQuery(app, '[part=empty]')).to.exist;
    await expect(app).to.be.accessible();
  });

  it('flags a low sample and derives the view from the role when filterTags is missing', async () => {
    const { app } = await mount(new FakeWxm(specs().map(answer)), config({ filterTag: undefined, minSample: 10 }), session('agent'));
    await loaded(app);
    expect(deepQuery(app, '[part=derived]')?.textContent).to.contain('agent');
    expect(deepQueryAll(app, '[part=low-sample]').length).to.equal(3);
    expect(kpiValues(app).nps).to.equal('100'); // A1: two promoters
  });

  it('the trend is available as a table and the comments are rendered as text', async () => {
    // Three answers in 90 days reach a minimum of 3 per point nowhere: charted per month, the fewest points.
    const { app } = await mount(new FakeWxm(specs().map(answer)), config(), session('supervisor'), adapter(), (a) => (a.period = { key: '90d' }));
    await loaded(app);
    expect(deepQuery(app, '#trend-h')!.textContent).to.contain('per month');
    const toggle = deepQuery(app, '[part=table-toggle]') as HTMLButtonElement;
    toggle.click();
    await waitUntil(() => deepQuery(app, '[part=trend-table]'));
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(deepQuery(app, '[part=trend-table] thead th')?.textContent?.trim()).to.equal('Month');
    const rows = deepQueryAll(app, '[part=trend-table] tbody tr');
    // The three or four months the 90 days touch (an even axis), labelled "Nov 2026", holding the three answers.
    expect(rows.length).to.be.within(3, 4);
    for (const r of rows) expect(r.querySelector('th')!.textContent!.trim()).to.match(/^[A-Z][a-z]{2} \d{4}$/);
    expect(rows.reduce((sum, r) => sum + Number(r.getAttribute('data-n')), 0)).to.equal(3);
    expect(deepQuery(app, 'cx-verbatim-list b')).to.equal(null);
    // Agent row opens that agent's comments.
    const a2 = deepQuery(app, 'tr[data-agent=A2] button') as HTMLButtonElement;
    a2.click();
    await waitUntil(() => deepQuery(app, '[part=agent-comments]'));
    expect(a2.getAttribute('aria-expanded')).to.equal('true');
    expect(deepQuery(app, '[part=agent-comments]')?.textContent).to.contain('A2');
    await expect(app).to.be.accessible();
  });

  it('malformed records are left out, counted and said, and the numbers still show', async () => {
    const wxm = new FakeWxm(specs().map(answer));
    wxm.malformedPerStream = 2;
    const { app } = await mount(wxm, config(), session('supervisor'));
    await loaded(app);
    // Current and previous period streams each dropped 2.
    expect(deepQuery(app, '[part=malformed]')?.textContent).to.contain('4 responses were unreadable');
    expect(kpiValues(app).nps).to.equal('33');
  });

  it('sorting: header buttons with aria-sort', async () => {
    const { app } = await mount(new FakeWxm(specs().map(answer)), config(), session('supervisor'));
    await loaded(app);
    const btn = deepQuery(app, 'button[data-key=nps]') as HTMLButtonElement;
    btn.click();
    await waitUntil(() => btn.closest('th')?.getAttribute('aria-sort') === 'descending');
    const order = () => deepQueryAll(app, 'tbody tr[data-agent]').map((r) => r.getAttribute('data-agent'));
    expect(order()).to.deep.equal(['A1', 'A2']);
    btn.click();
    await waitUntil(() => btn.closest('th')?.getAttribute('aria-sort') === 'ascending');
    expect(order()).to.deep.equal(['A2', 'A1']);
  });

  it('the frame grows when content expands ("How is this calculated?", the trend table)', async () => {
    const { app, adapter: a } = await mount(new FakeWxm(specs().map(answer)), config(), session('supervisor'));
    await loaded(app);
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await frames();
    const before = a.heights;
    const card = deepQueryAll(app, '[part~=kpi][data-metric=nps]')[0]!;
    (card.shadowRoot!.querySelector('summary') as HTMLElement).click();
    await waitUntil(() => a.heights > before, 'no height change after opening the explanation');
    const afterExplain = a.heights;
    (deepQuery(app, '[part=table-toggle]') as HTMLButtonElement).click();
    await waitUntil(() => a.heights > afterExplain, 'no height change after showing the trend table');
  });

  it('period labels are the account’s days, whatever the browser’s zone (an account at UTC+10)', async () => {
    const wxm = new FakeWxm(specs().map(answer), { timeZoneOffset: 600, npsRange: '7,8', locationList: [] });
    const october = { key: 'custom' as const, from: '2026-10-01', to: '2026-10-31' };
    const { app } = await mount(wxm, config(), session('supervisor'), adapter(), (a) => (a.period = october));
    await loaded(app);
    const label = deepQuery(app, '[part=period]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(label).to.equal('Oct 1, 2026 – Oct 31, 2026');
  });

  it('after a Cloud Connect failure it retries by itself soon, without waiting for the refresh interval', async () => {
    // Each view load starts by reading the account settings: count those tries.
    const wxm = new (class extends FakeWxm {
      tries = 0;
      override async settings() {
        this.tries++;
        return super.settings();
      }
    })(specs().map(answer));
    wxm.failWith = new AppError('cloudconnect-down', 'cloudconnect', 'token service 503', { status: 503 });
    const { app } = await mount(wxm, config(), session('supervisor'), adapter(), (a) => (a.autoRetryBaseMs = 200));
    await waitUntil(() => deepQuery(app, 'cx-state-panel[kind=error]'), 'no error panel');
    expect(deepQuery(app, 'cx-state-panel[kind=error]')?.shadowRoot?.textContent).to.contain('Retrying in the background');
    // Still down at the first retry: it keeps trying (backing off) and the message stays.
    const triesAtError = wxm.tries;
    await waitUntil(() => wxm.tries > triesAtError, 'no automatic retry', { timeout: 3000 });
    wxm.failWith = undefined;
    await loaded(app);
    expect(kpiValues(app).nps).to.equal('33');
  });

  it('an error shows retry; retry loads; a refresh keeps the data with its "as of" time', async () => {
    const wxm = new FakeWxm(specs().map(answer));
    wxm.failWith = new AppError('cloudconnect-down', 'cloudconnect', 'token service 503', { status: 503 });
    const { app, adapter: a } = await mount(wxm, config(), session('supervisor'));
    await waitUntil(() => deepQuery(app, 'cx-state-panel[kind=error]'), 'no error panel');
    expect(deepQuery(app, '[part=kpi-value]')).to.equal(null);
    wxm.failWith = undefined;
    (deepQuery(deepQuery(app, 'cx-state-panel[kind=error]')!, '[part=retry]') as HTMLButtonElement).click();
    await loaded(app);
    expect(kpiValues(app).nps).to.equal('33');
    // A failing refresh from tab activation keeps the numbers on screen.
    wxm.failWith = new AppError('wxm-server', 'wxm', '503', { status: 503 });
    a.activateTab();
    await waitUntil(() => deepQuery(app, 'cx-state-panel[kind=error]'), 'no error after refresh');
    expect(kpiValues(app).nps).to.equal('33');
    expect(a.heights).to.be.greaterThan(0);
  });
});
