import { expect, fixture, html } from '@open-wc/testing';
import type { KpiCard } from '../../gadgets/analytics/kpi-card.js';
import '../../gadgets/analytics/kpi-card.js';
import { setLocale } from '../../shared/i18n/catalogue.js';
import { npsSummary as summary } from '../fakes/answers.js';

const part = (el: KpiCard, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const text = (el: KpiCard) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<cx-kpi-card>', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  before(() => setLocale('en'));

  it('shows the headline with n and its 95% interval, the formula behind it, and is accessible', async () => {
    // 80 promoters, 10 passives, 10 detractors: NPS 70, interval 70 ± 12.5.
    const el = await fixture<KpiCard>(html`<cx-kpi-card data-metric="nps" .current=${summary(80, 10, 10)}></cx-kpi-card>`);
    expect(part(el, 'kpi-value')).to.equal('70');
    expect(text(el)).to.contain('n = 100').and.contain('95% interval 57 to 83');
    expect(el.shadowRoot!.querySelector('abbr')!.title).to.equal('Net Promoter Score');
    expect(part(el, 'kpi-formula')).to.equal(
      'NPS = 100 × (80 promoters − 10 detractors) / 100. Promoters rate 9–10, passives 7–8, detractors 0–6.',
    );
    expect(part(el, 'low-sample')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('flags a low sample with a badge and says why to screen readers', async () => {
    const el = await fixture<KpiCard>(html`<cx-kpi-card data-metric="nps" minSample="10" .current=${summary(3, 1, 1)}></cx-kpi-card>`);
    expect(part(el, 'low-sample')).to.equal('Low sample');
    expect(el.shadowRoot!.querySelector('.sr-only')!.textContent).to.equal('Only 5 responses; fewer than 10, so treat this with care.');
    expect(part(el, 'kpi-n')).to.equal('n = 5');
    await expect(el).to.be.accessible();
  });

  it('always gives the previous value and the delta, significant only when the intervals do not overlap', async () => {
    const now = summary(80, 10, 10);
    const el = await fixture<KpiCard>(html`<cx-kpi-card data-metric="nps" .current=${now} .previous=${summary(20, 20, 60)}></cx-kpi-card>`);
    expect(part(el, 'kpi-change')).to.equal('up 110 — significant');
    expect(part(el, 'kpi-previous')).to.equal('Previous period: -40 (n = 100)');
    expect(el.shadowRoot!.querySelector('[part="kpi-change"]')!.className).to.equal('sig up');
    el.current = summary(20, 20, 60);
    el.previous = now;
    await el.updateComplete;
    expect(part(el, 'kpi-change')).to.equal('down 110 — significant');
    el.current = summary(5, 3, 2);
    el.previous = summary(4, 3, 3);
    await el.updateComplete;
    // 5/3/2 vs 4/3/3 of 10: NPS 30 vs 10, the intervals overlap.
    expect(part(el, 'kpi-change')).to.equal('up 20 — no clear change');
    expect(part(el, 'kpi-previous')).to.equal('Previous period: 10 (n = 10)');
    expect(el.shadowRoot!.querySelector('[part="kpi-change"]')!.className).to.equal('');
    el.previous = { ...summary(1, 0, 0), nps: { n: 0, promoters: 0, passives: 0, detractors: 0, score: null, interval: null, lowSample: false } };
    await el.updateComplete;
    expect(part(el, 'kpi-change')).to.equal('no previous data');
    expect(el.shadowRoot!.querySelector('[part="kpi-previous"]')).to.equal(null);
  });

  it('says whether the target is met, in the metric’s unit', async () => {
    const el = await fixture<KpiCard>(html`<cx-kpi-card data-metric="nps" .current=${summary(80, 10, 10)} target="50"></cx-kpi-card>`);
    expect(part(el, 'kpi-target')).to.equal('Target 50 — met');
    el.target = 75;
    await el.updateComplete;
    expect(part(el, 'kpi-target')).to.equal('Target 75 — below');
  });

  it('explains CSAT and CES by the configured formula', async () => {
    const current = summary(8, 1, 1, {
      csat: { n: 20, top2: 15, share: 75, mean: 4.1, interval: null, lowSample: false },
      ces: { n: 12, mean: 5.5, sd: 1, easyShare: 75, scaleMax: 7, interval: null, lowSample: false },
    });
    const formulas = { csatFormula: 'top2', cesFormula: 'easyShare' } as const;
    const csat = await fixture<KpiCard>(html`<cx-kpi-card data-metric="csat" .current=${current} .formulas=${formulas}></cx-kpi-card>`);
    expect(part(csat, 'kpi-value')).to.equal('75%');
    expect(part(csat, 'kpi-formula')).to.equal('CSAT = 100 × 15 satisfied (4 or 5) / 20 ratings on 1–5.');
    const ces = await fixture<KpiCard>(html`<cx-kpi-card data-metric="ces" .current=${current} .formulas=${formulas}></cx-kpi-card>`);
    expect(part(ces, 'kpi-value')).to.equal('75%');
    expect(part(ces, 'kpi-formula')).to.equal('CES = 100 × 9 “easy” ratings (5–7) / 12 ratings on 1–7.');
    ces.formulas = { csatFormula: 'mean', cesFormula: 'mean' };
    await ces.updateComplete;
    expect(part(ces, 'kpi-value')).to.equal('5.5');
    expect(part(ces, 'kpi-formula')).to.equal('CES = mean of 12 ratings on 1–7 (higher is easier).');
  });

  it('an empty period reads "No responses", never 0, and loading is announced', async () => {
    const el = await fixture<KpiCard>(html`<cx-kpi-card data-metric="csat"></cx-kpi-card>`);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-label')).to.equal('Loading CSAT…');
    el.current = summary(1, 0, 0);
    await el.updateComplete;
    expect(part(el, 'kpi-value')).to.equal('No responses');
    expect(text(el)).not.to.match(/\b0%/);
    await expect(el).to.be.accessible();
  });
});
