import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import type { TrendChart } from '../../gadgets/analytics/trend-chart.js';
import '../../gadgets/analytics/trend-chart.js';

/** The Chart.js instance drawing into the element's canvas (Chart.js's own registry), if any. */
const chartOf = (el: TrendChart) => Chart.getChart(el.shadowRoot!.querySelector('canvas')!);

describe('<cx-trend-chart>', () => {
  async function make() {
    return fixture<TrendChart>(html`<cx-trend-chart
      label="NPS by day"
      series="NPS"
      .labels=${['1 Mar', '2 Mar']}
      .values=${[10, 20]}
    ></cx-trend-chart>`);
  }

  it('draws one line chart of the values', async () => {
    const el = await make();
    const chart = chartOf(el)!;
    expect(chart).to.exist;
    expect(chart.data.labels).to.deep.equal(['1 Mar', '2 Mar']);
    expect(chart.data.datasets[0]!.data).to.deep.equal([10, 20]);
  });

  it('keeps the same Chart instance when the data, target or range change', async () => {
    const el = await make();
    const first = chartOf(el);
    el.labels = ['1 Mar', '2 Mar', '3 Mar'];
    el.values = [10, null, 30];
    el.target = 25;
    el.yRange = { min: -100, max: 100 };
    await el.updateComplete;
    const chart = chartOf(el)!;
    expect(chart).to.equal(first);
    expect(chart.data.labels).to.deep.equal(['1 Mar', '2 Mar', '3 Mar']);
    expect(chart.data.datasets.map((d) => d.data)).to.deep.equal([[10, null, 30], [25, 25, 25]]);
    expect(chart.options.scales!.y!.min).to.equal(-100);
    expect(chart.scales.y!.max).to.equal(100);
  });

  it('is destroyed on disconnect and rebuilt with the current data on reconnect', async () => {
    const el = await make();
    const parent = el.parentElement!;
    const first = chartOf(el)!;
    el.remove();
    expect(chartOf(el)).to.equal(undefined);
    // Changed while detached: the rebuilt chart shows the new data.
    el.values = [5, 6];
    parent.append(el);
    await el.updateComplete;
    const rebuilt = chartOf(el)!;
    expect(rebuilt).to.exist.and.not.equal(first);
    expect(rebuilt.data.datasets[0]!.data).to.deep.equal([5, 6]);
    el.values = [7, 8];
    await el.updateComplete;
    expect(chartOf(el)).to.equal(rebuilt);
    expect(rebuilt.data.datasets[0]!.data).to.deep.equal([7, 8]);
  });

  it('takes the theme colours again when the OS colour scheme flips', async () => {
    // The gadget root's theme swaps its tokens on prefers-color-scheme; a wrapper stands in for it here.
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <style>
        .themed { --cx-accent: #0a66a8; }
        @media (prefers-color-scheme: dark) { .themed { --cx-accent: #8ab4f8; } }
      </style>
      <div class="themed"><cx-trend-chart label="NPS" series="NPS" .labels=${['1 Mar']} .values=${[10]}></cx-trend-chart></div>
    </div>`);
    const el = wrap.querySelector('cx-trend-chart') as TrendChart;
    await el.updateComplete;
    try {
      await emulateMedia({ colorScheme: 'light' });
      await new Promise((r) => setTimeout(r, 50));
      expect(chartOf(el)!.data.datasets[0]!.borderColor).to.equal('#0a66a8');
      await emulateMedia({ colorScheme: 'dark' });
      await new Promise((r) => setTimeout(r, 50));
      expect(chartOf(el)!.data.datasets[0]!.borderColor).to.equal('#8ab4f8');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('labels the canvas for screen readers', async () => {
    const el = await make();
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal('NPS by day');
  });
});
