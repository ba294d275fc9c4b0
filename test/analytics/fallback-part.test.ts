/**
 * The raw-answer fallback is a part loaded on demand (gadgets/analytics/stream-plan.ts, shared/parts/loader.ts).
 * When it cannot load, the view shows the error panel with its own message and Retry, the console says why, and
 * Retry really loads it again. The failure is a real one: a load of the part from a file that is not there (404)
 * is in flight when the view falls back, so the view waits on that same load (a part loads once at a time). The
 * file is asked of a slow server (an emulator path delayed by a fault, then 404), so the load is still in flight
 * when the gadget has booted. This file is its own page: nothing has loaded the part before.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import { loadPart } from '../../shared/parts/loader.js';
import { spyConsole } from '../fakes/console.js';
import { testEnv } from '../helpers/env.js';
import { becomeGadget, control, displayed, expectedFrom, people, rawAnswers } from './emu.js';
import { deepQuery, kpiValues } from './dom.js';

const norm = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\u2212/g, '-').replace(/\s/g, '')]));

describe('analytics fallback part (emulator)', function () {
  this.timeout(90_000);
  let host: HTMLElement | undefined;
  afterEach(async () => {
    host?.remove();
    await control('faults', undefined, 'DELETE');
  });

  it('cannot load: the error panel says so with Retry and a console line; Retry loads it and the view reads the raw answers', async () => {
    const sup = (await people()).supervisors[0]!;
    await becomeGadget(sup.id, { filterTags: 'cc_TeamId', minSample: '1', aggregates: 'off' });
    await control('faults', { route: '/no-such-part.js', delayMs: 5000, count: 1 });
    const console = spyConsole();
    try {
      const missing = loadPart('answers-fallback', { files: { 'answers-fallback': 'no-such-part.js' }, base: (await testEnv()).wxmUrl });
      host = document.createElement('div');
      document.body.append(host);
      const app = (await startAnalytics(host, {}))!;
      await missing.catch(() => undefined);
      await waitUntil(() => deepQuery(app, 'cx-state-panel[kind=error]'), 'no error panel', { timeout: 30000 });
      const panel = deepQuery(app, 'cx-state-panel[kind=error]')!;
      await (panel as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(deepQuery(panel, '[part=message]')?.textContent ?? null).to.match(/could not load the part that reads raw answers/);
      expect(deepQuery(app, '[part=kpi]')).to.equal(null);
      expect(console.text()).to.match(/\[cx\] the answers-fallback part did not load.*no-such-part\.js did not load/);
      await expect(app).to.be.accessible();

      (deepQuery(panel, '[part=retry]') as HTMLButtonElement).click();
      await waitUntil(() => deepQuery(app, '[part=period]') && !deepQuery(app, '[part=refreshing]'), 'retry did not load the view', { timeout: 30000 });
      expect(deepQuery(app, 'cx-state-panel[kind=error]')?.shadowRoot?.textContent?.trim() ?? null).to.equal(null);
      const period = deepQuery(app, '[part=period]')!;
      expect(period.getAttribute('data-source')).to.equal('answers');
      const raw = await rawAnswers('cc_TeamId', period.getAttribute('data-target')!, period.getAttribute('data-after')!, period.getAttribute('data-before')!);
      expect(norm(kpiValues(app))).to.deep.equal(norm(displayed(await expectedFrom(raw))));
    } finally {
      console.restore();
    }
  });
});
