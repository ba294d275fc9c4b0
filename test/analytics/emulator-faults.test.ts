import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
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
  /** The error panel's text, or null. Assert on this, not on the element: a failed assertion whose `actual` is
   *  a live element of the app never gets reported (the runner chokes serialising it and the file times out). */
  const errorText = () => deepQuery(app, 'cx-state-panel[kind=error]')?.shadowRoot?.textContent?.trim() ?? null;
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
    expect(errorText()).to.equal(null);
    await expectRight();
  });

  it('a 429 and a single 503 are retried without bothering the user', async () => {
    await control('faults', { route: '/api/answers', status: 429, count: 1 });
    await control('faults', { route: '/api/FlashNPS', status: 503, count: 1 });
    await refresh();
    expect(errorText()).to.equal(null);
    await expectRight();
  });

  it('a lasting 503 keeps the last numbers visible, with an error, retry and copy diagnostics', async () => {
    const before = kpiValues(app);
    // Limited to one route and a count, so that suites running at the same time are not hit.
    // Both data paths' first request for the KPIs: /api/summary (aggregates) and /api/FlashNPS (fallback).
    await control('faults', { route: '/api/summary', status: 503, count: 40 });
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

  // A page with `responses: null` used to fail the whole view (wxm-bad-response); the client now counts the records
  // such a page should have held as malformed (see wxm-client.test.ts, "malformed pages").
  it('malformed pages: the view still renders and says how many records were left out', async () => {
    // The raw-answer path pages every answer (the aggregate path pages only one page of comments, which may be empty).
    await becomeGadget(agent.id, { filterTags: 'cc_AgentId', aggregates: 'off' });
    const host = document.createElement('div');
    document.body.append(host);
    try {
      await control('faults', { route: '/api/answers', malformed: true, count: 2 });
      const raw = (await startAnalytics(host))!;
      await waitUntil(() => deepQuery(raw, '[part=as-of]') && !deepQuery(raw, '[part=refreshing]'), 'not loaded', { timeout: 30000 });
      expect(Object.values(kpiValues(raw))).to.have.length(3);
      expect(deepQuery(raw, 'cx-state-panel[kind=error]')?.shadowRoot?.textContent?.trim() ?? null).to.equal(null);
      expect(deepQuery(raw, '[part=malformed]')?.textContent ?? '').to.match(/\d+ responses? (was|were) unreadable/);
    } finally {
      host.remove();
      await becomeGadget(agent.id, { filterTags: 'cc_AgentId' });
    }
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
