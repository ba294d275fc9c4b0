import { LitElement, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import type { ChangeEvent } from '../../shared/ui/events.js';
import '../../shared/ui/segmented.js';
import { DEFAULT_FORMULAS, headline, headlineInterval, type Formulas, type MetricName } from '../../shared/metrics/index.js';
import type { Bucket, BucketSize } from '../../shared/metrics/types.js';
import { formatDate } from '../../shared/i18n/format.js';
import { msg, type AnalyticsKey } from './messages.js';
import { formatValue, roundForDisplay, unitOf } from './display.js';
import './trend-chart.js';
import { csvText, downloadCsv } from './csv.js';
import { trendPanelStyles } from './trend-panel.styles.js';

/** "yyyy-MM-dd" bucket start → a date at noon UTC, so every time zone formats the same calendar day. */
const bucketDate = (start: string) => new Date(`${start}T12:00:00Z`);

/** Per bucket size: the heading's word, the table's column and the axis label of one bucket. */
const BUCKET_TEXT: Record<BucketSize, { word: AnalyticsKey; column: AnalyticsKey }> = {
  day: { word: 'trend.day', column: 'trend.col.period' },
  week: { word: 'trend.week', column: 'trend.col.week' },
  month: { word: 'trend.month', column: 'trend.col.month' },
};

/** "Nov 3, 2026" · "Week of Nov 3" · "Nov 2026", in the locale's order. */
function bucketLabel(start: string, size: BucketSize, locale: string): string {
  if (size === 'day') return formatDate(bucketDate(start), locale);
  const parts: Intl.DateTimeFormatOptions = size === 'week' ? { day: 'numeric', month: 'short' } : { month: 'short', year: 'numeric' };
  const format = (l: string) => new Intl.DateTimeFormat(l, { ...parts, timeZone: 'UTC' }).format(bucketDate(start));
  let text: string;
  try {
    text = format(locale);
  } catch {
    text = format('en-US'); // an invalid locale tag
  }
  return size === 'week' ? msg.t('trend.weekOf', { date: text }) : text;
}

/** One bucket as the panel shows it: no value below the minimum sample (metrics.md), always its n. */
interface TrendRow {
  /** "yyyy-MM-dd" (account time). */
  start: string;
  label: string;
  value: number | null;
  interval: { low: number; high: number } | null;
  n: number;
}

/**
 * Trend of one metric per day/week/month on an even time axis (an empty or too-small bucket is a gap, with its n): a
 * Chart.js line with its 95% band and, on demand, the same numbers as a table (the table is the screen-reader
 * path; the chart is labelled to point there).
 */
@customElement('cx-trend-panel')
export class TrendPanel extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    trendPanelStyles,
  ];
  static override properties = {
    buckets: { attribute: false },
    size: {},
    metrics: { attribute: false },
    formulas: { attribute: false },
    targets: { attribute: false },
    minSample: { type: Number },
    locale: {},
    metric: { state: true },
    asTable: { state: true },
  };

  buckets: Bucket[] = [];
  size: BucketSize = 'day';
  metrics: MetricName[] = ['nps', 'csat', 'ces'];
  formulas: Formulas = DEFAULT_FORMULAS;
  targets: Partial<Record<MetricName, number>> = {};
  /** Buckets with fewer responses get no point. */
  minSample = 10;
  locale = 'en';

  private metric?: MetricName;
  private asTable = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  get #shown(): MetricName {
    return this.metric && this.metrics.includes(this.metric) ? this.metric : (this.metrics[0] ?? 'nps');
  }

  override render() {
    const metric = this.#shown;
    const unit = unitOf(metric, this.formulas);
    const rows = this.#rowsFor(metric);
    const fmt = (v: number) => formatValue(unit, v, this.locale);
    const pointText = (r: TrendRow) =>
      r.value === null
        ? r.n === 0
          ? `${msg.t('kpi.noResponses')}`
          : msg.t('trend.lowSample', { n: r.n, min: this.minSample })
        : `${fmt(r.value)}${r.interval ? ` (${fmt(r.interval.low)}–${fmt(r.interval.high)})` : ''}, n ${r.n}`;
    const bucketWord = msg.t(BUCKET_TEXT[this.size].word);
    const name = msg.t(`kpi.${metric}`);
    return html`
      <div class="bar">
        <h3 id="trend-h">${msg.t('trend.title')} · ${name} ${bucketWord}</h3>
        ${this.metrics.length > 1
          ? html`<cx-segmented
              label=${msg.t('trend.metric')}
              .options=${this.metrics.map((m) => ({ value: m, label: msg.t(`kpi.${m}`) }))}
              .value=${metric}
              @cx-change=${(e: ChangeEvent) => (this.metric = e.value as MetricName)}
            ></cx-segmented>`
          : nothing}
        <button class="btn" part="csv" @click=${() => this.#download(metric, name)}>${msg.t('csv.download')}</button>
        <button class="btn" part="table-toggle" aria-pressed=${this.asTable ? 'true' : 'false'} @click=${this.#toggle}>
          ${msg.t('trend.showTable')}
        </button>
      </div>
      ${rows.every((r) => r.n === 0)
        ? html`<p class="empty">${msg.t('trend.empty')}</p>`
        : this.asTable
          ? this.#renderTable(rows, pointText)
          : html`<cx-trend-chart
              .labels=${rows.map((r) => r.label)}
              .values=${rows.map((r) => (r.value === null || !Number.isFinite(r.value) ? null : roundForDisplay(unit, r.value)))}
              .band=${rows.map((r) => r.interval)}
              .valueTexts=${rows.map(pointText)}
              .series=${name}
              .bandLabel=${msg.t('trend.band')}
              .target=${this.targets[metric]}
              .targetLabel=${msg.t('trend.target')}
              .yRange=${this.#yRange(metric, unit)}
              .label=${msg.t('trend.chartLabel', { metric: name, bucket: bucketWord })}
            ></cx-trend-chart>`}
    `;
  }

  /**
   * Always a fixed axis: the scale a metric lives on. Besides reading better, it keeps Chart.js from deriving
   * ticks from an absurd value (a malformed record), which can stall the page.
   */
  #yRange(metric: MetricName, unit: ReturnType<typeof unitOf>): { min: number; max: number } {
    if (metric === 'nps') return { min: -100, max: 100 };
    if (unit === 'percent') return { min: 0, max: 100 };
    if (metric === 'csat') return { min: 1, max: 5 };
    return { min: 1, max: Math.max(5, ...this.buckets.map((b) => (b.summary.ces.scaleMax === 7 ? 7 : 5))) };
  }

  #renderTable(rows: TrendRow[], pointText: (r: TrendRow) => string) {
    const unit = unitOf(this.#shown, this.formulas);
    const fmt = (v: number) => formatValue(unit, v, this.locale);
    return html`<table part="trend-table" aria-labelledby="trend-h">
      <thead>
        <tr>
          <th scope="col">${msg.t(BUCKET_TEXT[this.size].column)}</th>
          <th scope="col" class="num">${msg.t('trend.col.value')}</th>
          <th scope="col" class="num">${msg.t('trend.col.interval')}</th>
          <th scope="col" class="num">${msg.t('trend.col.n')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-n=${r.n}>
            <th scope="row">${r.label}</th>
            <td class="num">${r.value === null ? pointText(r) : fmt(r.value)}</td>
            <td class="num">${r.interval ? `${fmt(r.interval.low)}–${fmt(r.interval.high)}` : ''}</td>
            <td class="num">${r.n}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #rowsFor(metric: MetricName): TrendRow[] {
    return this.buckets.map((b) => {
      const n = b.summary[metric].n;
      const enough = n > 0 && n >= this.minSample;
      return {
        start: b.start,
        label: bucketLabel(b.start, this.size, this.locale),
        value: enough ? headline(metric, b.summary, this.formulas) : null,
        interval: enough ? headlineInterval(metric, b.summary, this.formulas) : null,
        n,
      };
    });
  }

  /** The trend's numbers as in the table: ISO bucket start, value, 95% interval, n. */
  #download(metric: MetricName, name: string) {
    const unit = unitOf(metric, this.formulas);
    const r = (v: number | null | undefined) => (v === null || v === undefined ? null : roundForDisplay(unit, v));
    const header = [
      msg.t(BUCKET_TEXT[this.size].column),
      name,
      msg.t('csv.low', { metric: name }),
      msg.t('csv.high', { metric: name }),
      msg.t('csv.n', { metric: name }),
    ];
    const rows = this.#rowsFor(metric).map((t) => [t.start, r(t.value), r(t.interval?.low), r(t.interval?.high), t.n]);
    downloadCsv(this, `trend-${metric}.csv`, csvText(header, rows, this.locale));
  }

  #toggle() {
    this.asTable = !this.asTable;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-trend-panel': TrendPanel;
  }
}
