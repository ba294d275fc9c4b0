import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, query } from '../../shared/ui/decorators.js';
import {
  Chart,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartConfiguration,
  type ChartEvent,
  type ActiveElement,
  type Plugin,
} from 'chart.js';
import { trendChartStyles } from './trend-chart.styles.js';

// Only what a line chart needs: the rest of Chart.js is tree-shaken out of the bundle. Chart.js's Tooltip
// plugin alone costs ~5 kB gzip, so the hovered point is read out by this element instead (the table is the
// accessible path to the same numbers).
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale);

/**
 * The 95% band: fills between the two edge datasets (marked `band: 'low' | 'high'`), one polygon per run of
 * two or more points that have a band (a lone point's interval is in the read-out and the table). A few lines instead of Chart.js's Filler plugin (~2 kB gzip).
 */
const bandPlugin: Plugin<'line'> = {
  id: 'cxBand',
  beforeDatasetsDraw(chart) {
    const sets = chart.data.datasets as Array<{ band?: string; backgroundColor?: unknown }>;
    const lowIndex = sets.findIndex((d) => d.band === 'low');
    const highIndex = sets.findIndex((d) => d.band === 'high');
    if (lowIndex < 0 || highIndex < 0) return;
    const low = chart.getDatasetMeta(lowIndex).data;
    const high = chart.getDatasetMeta(highIndex).data;
    const lows = chart.data.datasets[lowIndex]!.data;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = String(sets[highIndex]!.backgroundColor);
    let run: number[] = [];
    const flush = () => {
      if (run.length > 1) {
        ctx.beginPath();
        for (const i of run) ctx.lineTo(high[i]!.x, high[i]!.y);
        for (const i of run.reverse()) ctx.lineTo(low[i]!.x, low[i]!.y);
        ctx.fill();
      }
      run = [];
    };
    lows.forEach((v, i) => (v === null ? flush() : run.push(i)));
    flush();
    ctx.restore();
  },
};

/**
 * The one element that touches Chart.js: created in firstUpdated, data updated in place afterwards,
 * destroyed on disconnect. The canvas is decorative for screen readers (its label points to the table).
 *
 * @cssproperty --cx-chart-height - height of the plot, default 180px
 * @cssproperty --cx-chart-band - fill of the 95% band, default a translucent accent
 */
@customElement('cx-trend-chart')
export class TrendChart extends LitElement {
  static override styles = trendChartStyles;
  static override properties = {
    labels: { attribute: false },
    values: { attribute: false },
    band: { attribute: false },
    bandLabel: {},
    series: {},
    target: { type: Number },
    targetLabel: {},
    yRange: { attribute: false },
    label: {},
    valueTexts: { attribute: false },
    hovered: { state: true },
  };

  labels: string[] = [];
  values: Array<number | null> = [];
  /** The 95% interval per point (null = none), drawn as a band under the line. */
  band: Array<{ low: number; high: number } | null> = [];
  bandLabel = '';
  /** Series name for the tooltip. */
  series = '';
  target?: number;
  targetLabel = '';
  yRange?: { min: number; max: number };
  /** Accessible name of the canvas. */
  label = '';

  /** Unit-formatted values for the hover read-out (defaults to the raw numbers). */
  valueTexts: string[] = [];
  private hovered = -1;

  @query('canvas') private canvas!: HTMLCanvasElement;
  #chart?: Chart<'line', Array<number | null>, string>;

  override render() {
    const i = this.hovered;
    const point = i >= 0 && i < this.labels.length ? `${this.labels[i]}: ${this.valueTexts[i] ?? this.values[i] ?? ''}` : '';
    return html`<div class="box"><canvas role="img" aria-label=${this.label}></canvas></div>
      <p class="readout" aria-hidden="true">${point}</p>`;
  }

  protected override firstUpdated(): void {
    this.#chart = new Chart(this.canvas, this.#config());
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.#chart || changed.size === 0 || !this.hasUpdated) return;
    if ([...changed.keys()].every((k) => k === 'label' || k === 'hovered' || k === 'valueTexts')) return;
    this.#apply();
  }

  /** The theme's colours are read when the chart is configured: re-read them when the OS scheme flips. */
  readonly #onScheme = () => this.#apply();

  #apply(): void {
    if (!this.#chart) return;
    // Mutate in place: no re-create, no flicker.
    const fresh = this.#config();
    this.#chart.data.labels = fresh.data.labels!;
    this.#chart.data.datasets = fresh.data.datasets;
    this.#chart.options.scales = fresh.options!.scales!;
    this.#chart.update();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a disconnect: build again (the old chart was destroyed).
    if (this.hasUpdated && !this.#chart) this.#chart = new Chart(this.canvas, this.#config());
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', this.#onScheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    matchMedia('(prefers-color-scheme: dark)').removeEventListener('change', this.#onScheme);
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  #colour(name: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || fallback;
  }

  #config(): ChartConfiguration<'line', Array<number | null>, string> {
    const accent = this.#colour('--cx-accent', '#0a66a8');
    const muted = this.#colour('--cx-muted', '#5b5f63');
    const grid = this.#colour('--cx-divider', '#dfe1e3');
    const datasets: ChartConfiguration<'line', Array<number | null>, string>['data']['datasets'] = [
      {
        label: this.series,
        data: this.values,
        borderColor: accent,
        backgroundColor: accent,
        // An empty or too-small bucket is a gap in the line, never bridged.
        spanGaps: false,
        // Straight segments: a smoothed curve overshoots between days and draws values nobody gave (e.g. NPS < −100).
        tension: 0,
        pointRadius: 3,
      },
    ];
    if (this.band.some((b) => b !== null)) {
      // Two invisible edges; bandPlugin fills between them.
      const edge = (pick: (b: { low: number; high: number }) => number) => this.band.map((b) => (b ? pick(b) : null));
      datasets.push(
        { label: this.bandLabel, data: edge((b) => b.low), borderWidth: 0, pointRadius: 0, band: 'low' } as (typeof datasets)[number],
        {
          label: this.bandLabel,
          data: edge((b) => b.high),
          borderWidth: 0,
          pointRadius: 0,
          band: 'high',
          backgroundColor: this.#colour('--cx-chart-band', 'rgba(10, 102, 168, 0.15)'),
        } as (typeof datasets)[number],
      );
    }
    if (this.target !== undefined) {
      datasets.push({
        label: this.targetLabel,
        data: this.labels.map(() => this.target!),
        borderColor: muted,
        borderDash: [6, 4],
        pointRadius: 0,
        borderWidth: 1,
      });
    }
    return {
      type: 'line',
      plugins: [bandPlugin],
      data: { labels: this.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { ticks: { color: muted, maxRotation: 0, autoSkip: true }, grid: { color: grid } },
          y: { ...(this.yRange ?? {}), ticks: { color: muted }, grid: { color: grid } },
        },
        interaction: { mode: 'index', intersect: false },
        onHover: (_e: ChartEvent, active: ActiveElement[]) => {
          this.hovered = active[0]?.index ?? -1;
        },
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-trend-chart': TrendChart;
  }
}
