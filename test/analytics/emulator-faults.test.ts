import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/app.js';
import { becomeGadget, control, displayed, expectedFrom, people, rawAnswers } from './emu.js';
import { deepQuery, deepQueryAll, kpiValues } from './dom.js';

const norm = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\u2212/g, '-').replace(/\s/g, '')]));

describe('analytics under faults (emulator)', function () {
  this.timeout(90_000);
  let app: AnalyticsApp;
  let agent: { id: string; skillTargetId: string };
  const idle = () =>
    waitUntil(() => !deepQuery(app, '[part=refreshing]') && !(deepQuery(app, 'button[part=refresh]') as HTMLButtonElement)?.disabled, 'still busy', {
      timeout: 30000,
    });
  const refresh = async () => {
    await idle();
    const at = () => deepQuery(app, '[part=as-of]')?.getAttribute('data-at');
    const before = at();
    const errors = () => deepQueryAll(app, 'cx-state-panel[kind=error]').length;
    const errorsBefore = errors();
    (deepQuery(app, 'button[part=refresh]') as HTMLButtonElement).click();
    // Done when new data arrived or the refresh failed (the old data stays).
    await waitUntil(() => at() !== before || errors() > errorsBefore, 'refresh did not finish', { timeout: 30000 });
    await idle();
  };
  const expectRight = async () => {
    const period = deepQuery(app, '[part=period]')!;
    const raw = await rawAnswers('cc_AgentId', agent.skillTargetId, period.getAttribute('data-after')!, period.getAttribute('data-before')!);
    expect(norm(kpiValues(app))).to.deep.equal(norm(displayed(await expectedFrom(raw))));
  };

  before(async () => {
    await control('faults', undefined, 'DELETE');
    agent = (await people()).agents[3]!;
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId' });
    const host = document.createElement('div');
    document.body.append(host);
    app = (await startAnalytics(host))!;
    await waitUntil(() => deepQuery(app, '[part=as-of]'), 'not loaded', { timeout: 20000 });
  });
  afterEach(() => control('faults', undefined, 'DELETE'));

  it('401 mid-session (tokens expired): refreshes the token and shows correct numbers', async () => {
    await control('tokens/expire');
    await refresh();
    expect(deepQuery(app, 'cx-state-panel[kind=error]')).to.equal(null);
    await expectRight();
  });

  it('a 429 and a single 503 are retried without bothering the user', async () => {
    await control('faults', { route: '/api/answers', status: 429, count: 1 });
    await control('faults', { route: '/api/FlashNPS', status: 503, count: 1 });
    await refresh();
    expect(deepQuery(app, 'cx-state-panel[kind=error]')).to.equal(null);
    await expectRight();
  });

  it('a lasting 503 keeps the last numbers visible, with an error, retry and copy diagnostics', async () => {
    const before = kpiValues(app);
    // Limited to one route and a count, so that suites running at the same time are not hit.
    await control('faults', { route: '/api/FlashNPS', status: 503, count: 40 });
    await refresh();
    const panel = await waitUntil(() => deepQuery(app, 'cx-state-panel[kind=error]'), 'no error panel', { timeout: 30000 }).then(() =>
      deepQuery(app, 'cx-state-panel[kind=error]')!,
    );
    expect(kpiValues(app)).to.deep.equal(before);
    expect(deepQuery(panel, '[part=copy]')).to.exist;
    await control('faults', undefined, 'DELETE');
    (deepQuery(panel, '[part=retry]') as HTMLButtonElement).click();
    await waitUntil(() => !deepQuery(app, 'cx-state-panel[kind=error]'), 'retry did not recover', { timeout: 30000 });
    await expectRight();
  });

  // SKIPPED: with the emulator's malformed pages (`responses: null`, then records with numeric dates and missing
  // `responses`) the page's main thread stalls (mocha's own timeouts never fire). Not yet located: the plan folds
  // the fake client's malformed batches fine (plan.test.ts); suspects are the shared client's validation/paging
  // on those bodies. Reported to the lead.
  it.only('malformed pages: the view still renders and says how many records were left out', async () => {
    await control('faults', { route: '/api/answers', malformed: true, count: 2 });
    const L = (m: string) => void fetch(`http://127.0.0.1:47123/?m=${encodeURIComponent(m)}`, { mode: 'no-cors' });
    L('refresh start');
    await refresh();
    L('refresh done err=' + !!deepQuery(app, 'cx-state-panel[kind=error]'));
    expect(deepQuery(app, '[part=as-of]')).to.exist;
    L('as-of ok');
    const shown = Object.values(kpiValues(app));
    L('shown ' + JSON.stringify(shown));
    expect(shown).to.have.length(3);
    L('len ok');
    try { expect(deepQuery(app, 'cx-state-panel[kind=error]')).to.equal(null); } catch (e) { L('caught ' + String((e as Error).message).slice(0, 200)); }
    L('after caught');
    expect(deepQuery(app, 'cx-state-panel[kind=error]')).to.equal(null);
    expect(deepQuery(app, '[part=malformed]')?.textContent).to.match(/\d+ responses? (was|were) unreadable/);
  });

  it('Cloud Connect down: an error that names Cloud Connect', async () => {
    await control('faults', { route: '/finesse/api/CloudConnectTokenService', status: 503, count: 40 });
    await control('tokens/expire');
    await refresh();
    await waitUntil(() => deepQuery(app, 'cx-state-panel[kind=error]'), 'no error', { timeout: 30000 });
    const panel = deepQuery(app, 'cx-state-panel[kind=error]')!;
    expect(panel.shadowRoot!.textContent).to.contain('Cloud Connect');
    await expect(app).to.be.accessible();
  });
});
