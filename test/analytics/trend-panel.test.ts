import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import '../../gadgets/analytics/trend-panel.js';
import type { TrendPanel } from '../../gadgets/analytics/trend-panel.js';
import type { Bucket, MetricsSummary } from '../../shared/metrics/types.js';
import { npsSummary } from '../fakes/answers.js';

const empty: MetricsSummary = {
  ...npsSummary(1, 0, 0),
  nps: { n: 0, promoters: 0, passives: 0, detractors: 0, score: null, interval: null, lowSample: false },
  answers: 0,
};

// Four days: a full one, an empty one (a gap on an even axis), one below the minimum of 10, a full one.
const buckets: Bucket[] = [
  { start: '2026-11-02', summary: npsSummary(8, 2, 2) },
  { start: '2026-11-03', summary: empty },
  { start: '2026-11-04', summary: npsSummary(2, 0, 1) },
  { start: '2026-11-05', summary: npsSummary(4, 4, 4) },
];

describe('<cx-trend-panel>', () => {
  const make = () =>
    fixture<TrendPanel>(html`<cx-trend-panel .buckets=${buckets} .metrics=${['nps']} .minSample=${10} locale="en-US"></cx-trend-panel>`);
  const chartOf = (el: TrendPanel) => Chart.getChart(el.shadowRoot!.querySelector('cx-trend-chart')!.shadowRoot!.querySelector('canvas')!)!;

  it('draws no point for an empty bucket or one below the minimum sample: gaps on an even axis, with the 95% band', async () => {
    const el = await make();
    const chart = chartOf(el);
    expect(chart.data.labels).to.have.length(4);
    const [line, low, high] = chart.data.datasets;
    // 12 answers: (8 − 2) / 12 = 50; 12 answers 4/4/4: 0.
    expect(line!.data).to.deep.equal([50, null, null, 0]);
    expect(low!.data[1]).to.equal(null);
    expect(low!.data[2]).to.equal(null);
    expect((low!.data[0] as number) < 50 && (high!.data[0] as number) > 50).to.equal(true);
    expect((high as { band?: string }).band).to.equal('high');
  });

  it('the table gives every bucket with its value, 95% range and n, and says why a point is missing', async () => {
    const el = await make();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('[part=trend-table] tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(rows.map((r) => r[3])).to.deep.equal(['12', '0', '3', '12']);
    expect(rows[0]![1]).to.equal('50');
    expect(rows[0]![2]).to.match(/^\d+–\d+$/);
    expect(rows[1]![1]).to.equal('No responses');
    expect(rows[2]![1]).to.equal('too few responses for a point (n 3, minimum 10)');
    expect(rows[2]![2]).to.equal('');
    await expect(el).to.be.accessible();
  });
});
