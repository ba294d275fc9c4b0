import { expect, waitUntil } from '@open-wc/testing';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import { becomeGadget, displayed, expectedFrom, people, rawAnswers, type EmuPeople } from './emu.js';
import { deepQuery, deepQueryAll, kpiValues } from './dom.js';

const norm = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/\u2212/g, '-').replace(/\s/g, '')]));
const MIN_SAMPLE = 40;

describe('analytics team view against the emulator', function () {
  this.timeout(60_000);
  let app: AnalyticsApp;
  let sup: EmuPeople['supervisors'][number];

  before(async () => {
    sup = (await people()).supervisors.find((s) => s.supervisedTeamIds.length > 1)!;
    await becomeGadget(sup.id, { filterTags: 'cc_TeamId', minSample: String(MIN_SAMPLE) });
    const host = document.createElement('div');
    document.body.append(host);
    app = (await startAnalytics(host))!;
  });

  const loadedFor = async (team: string) => {
    await waitUntil(
      () => deepQuery(app, '[part=period]')?.getAttribute('data-target') === team && !deepQuery(app, '[part=refreshing]'),
      `team ${team} not loaded`,
      { timeout: 20000 },
    );
    const period = deepQuery(app, '[part=period]')!;
    return rawAnswers('cc_TeamId', team, period.getAttribute('data-after')!, period.getAttribute('data-before')!);
  };

  it('lists every supervised team in a labelled select and shows the first team equal to its raw answers', async () => {
    const select = deepQuery(app, 'select[part=team]') as HTMLSelectElement;
    await waitUntil(() => select.options.length > 0);
    expect([...select.options].map((o) => o.value)).to.deep.equal(sup.supervisedTeamIds);
    const raw = await loadedFor(sup.supervisedTeamIds[0]!);
    const want = await expectedFrom(raw);
    expect(norm(kpiValues(app))).to.deep.equal(norm(displayed(want)));
    // The per-agent table lists exactly the agents found in the raw answers.
    const rows = deepQueryAll(app, 'tr[data-agent]').map((r) => r.getAttribute('data-agent')).sort();
    expect(rows.length).to.be.greaterThan(0);
    await expect(app).to.be.accessible();
  });

  it('low-sample badges follow n < minSample, per metric', async () => {
    const raw = await loadedFor(sup.supervisedTeamIds[0]!);
    const want = await expectedFrom(raw);
    for (const m of ['nps', 'csat', 'ces'] as const) {
      const card = deepQueryAll(app, `[part~=kpi][data-metric=${m}]`)[0]!;
      const badge = card.shadowRoot!.querySelector('[part~=low-sample]');
      const n = want[m].n;
      expect(Boolean(badge), `${m} n=${n}`).to.equal(n > 0 && n < MIN_SAMPLE);
    }
  });

  it('switching team shows the other team, and the choice is remembered as a UserPref', async () => {
    const other = sup.supervisedTeamIds[1]!;
    const select = deepQuery(app, 'select[part=team]') as HTMLSelectElement;
    select.value = other;
    select.dispatchEvent(new Event('change'));
    const raw = await loadedFor(other);
    expect(norm(kpiValues(app))).to.deep.equal(norm(displayed(await expectedFrom(raw))));
    const prefs = (window as unknown as { gadgets: { Prefs: new () => { getString(n: string): string } } }).gadgets;
    expect(new prefs.Prefs().getString('analyticsTeam')).to.equal(other);
  });

  it('after signing in again the remembered team is the one shown', async () => {
    const other = sup.supervisedTeamIds[1]!;
    // A new gadget instance on the same desktop: a fresh adapter that reads the saved UserPref back.
    const host = document.createElement('div');
    document.body.append(host);
    const again = (await startAnalytics(host))!;
    await waitUntil(() => deepQuery(again, '[part=period]')?.getAttribute('data-target') === other, 'remembered team not shown', {
      timeout: 20000,
    });
    expect((deepQuery(again, 'select[part=team]') as HTMLSelectElement).value).to.equal(other);
    host.remove();
  });
});
