import { LitElement, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { DEFAULT_BANDS, DEFAULT_FORMULAS, type Formulas, type MetricName } from '../../shared/metrics/index.js';
import type { MetricsSummary, NpsBands } from '../../shared/metrics/types.js';
import { shared } from '../../shared/i18n/messages.js';
import { msg } from './messages.js';
import { changeModel, formatValue, kpiModel, targetMet, type KpiModel } from './display.js';
import { kpiCardStyles } from './kpi-card.styles.js';

/**
 * One KPI: the headline number with n, its 95% interval, low-sample badge, change vs the previous period,
 * target and benchmark, and a disclosure with the formula and the counts behind the number.
 *
 * @csspart kpi-value - the displayed headline (or "No responses")
 * @csspart kpi-change - the change wording (delta, then significant or not)
 * @csspart kpi-previous - the previous period's value and n
 */
@customElement('cx-kpi-card')
export class KpiCard extends LitElement {
  static override styles = [
    baseStyles,
    kpiCardStyles,
  ];
  static override properties = {
    metric: { reflect: true, attribute: 'data-metric' },
    current: { attribute: false },
    previous: { attribute: false },
    formulas: { attribute: false },
    bands: { attribute: false },
    minSample: { type: Number },
    target: { type: Number },
    benchmark: {},
    aggregate: { type: Boolean },
    locale: {},
  };

  metric: MetricName = 'nps';
  /** This period; undefined while loading. */
  current?: MetricsSummary;
  /** Previous period; undefined while it is still loading. */
  previous?: MetricsSummary;
  formulas: Formulas = DEFAULT_FORMULAS;
  bands: NpsBands = DEFAULT_BANDS;
  minSample = 10;
  target?: number;
  /** One line of benchmark text ("Team NPS: 35"). */
  benchmark = '';
  /** The headline came from a WxM aggregate (FlashNPS). */
  aggregate = false;
  locale = 'en';

  override render() {
    const id = `kpi-${this.metric}`;
    const name = msg.t(`kpi.${this.metric}`);
    return html`
      <h3 id=${id}><abbr title=${msg.t(`kpi.${this.metric}.long`)}>${name}</abbr></h3>
      ${this.current ? this.#renderBody(kpiModel(this.metric, this.current, this.formulas)) : this.#renderLoading(name)}
    `;
  }

  #renderLoading(name: string) {
    return html`<div class="skeleton" role="status" aria-label=${msg.t('kpi.loading', { metric: name })}></div>`;
  }

  #renderBody(k: KpiModel) {
    if (k.value === null) {
      return html`<p class="value empty"><span part="kpi-value">${msg.t('kpi.noResponses')}</span></p>
        ${this.#renderBenchmark()}`;
    }
    const fmt = (v: number) => formatValue(k.unit, v, this.locale);
    return html`
      <p class="value">
        <span part="kpi-value">${fmt(k.value)}</span>
        ${k.lowSample
          ? html`<span class="badge" part="low-sample">${shared.t('lowSample')}</span>
              <span class="sr-only">${shared.t('lowSampleHint', { n: k.n, min: this.minSample })}</span>`
          : nothing}
      </p>
      <p class="meta">
        <span part="kpi-n">${msg.t('kpi.n', { n: k.n })}</span>${k.interval
          ? html` · ${msg.t('kpi.interval', { low: fmt(k.interval.low), high: fmt(k.interval.high) })}`
          : nothing}
      </p>
      ${this.#renderChange()} ${this.#renderTarget(k.value)} ${this.#renderBenchmark()} ${this.#renderExplain(k, fmt)}
    `;
  }

  /** Always the previous value and the delta, then whether the change is significant (metrics.md). */
  #renderChange() {
    if (!this.current || !this.previous) return nothing;
    const before = kpiModel(this.metric, this.previous, this.formulas);
    if (before.value === null) return html`<p>${msg.t('change.label')} <span part="kpi-change">${msg.t('change.unknown')}</span></p>`;
    const c = changeModel(this.metric, this.current, this.previous, this.formulas, this.locale);
    let text: string;
    if (c.kind === 'same' || c.kind === 'unknown') text = msg.t('change.same');
    else if (c.significant) text = msg.t(c.kind === 'up' ? 'change.up' : 'change.down', { amount: c.amount });
    else text = msg.t(c.kind === 'up' ? 'change.upUnclear' : 'change.downUnclear', { amount: c.amount });
    const cls = c.significant ? `sig ${c.kind}` : '';
    return html`<p class="meta" part="kpi-previous">
        ${msg.t('change.previous', { value: formatValue(before.unit, before.value, this.locale), n: before.n })}
      </p>
      <p>${msg.t('change.label')} <span part="kpi-change" class=${cls}>${text}</span></p>`;
  }

  #renderTarget(value: number) {
    if (this.target === undefined) return nothing;
    const unit = kpiModel(this.metric, this.current!, this.formulas).unit;
    const target = formatValue(unit, this.target, this.locale);
    const key = targetMet(value, this.target) ? 'kpi.target.met' : 'kpi.target.missed';
    return html`<p part="kpi-target">${msg.t(key, { target })}</p>`;
  }

  #renderBenchmark() {
    return this.benchmark ? html`<p class="meta" part="kpi-benchmark">${this.benchmark}</p>` : nothing;
  }

  #renderExplain(k: KpiModel, fmt: (v: number) => string) {
    const s = this.current!;
    let formula: string;
    if (this.metric === 'nps') {
      formula = msg.t('explain.nps', {
        promoters: s.nps.promoters,
        detractors: s.nps.detractors,
        n: s.nps.n,
        pmin: this.bands.passiveMin,
        pmax: this.bands.passiveMax,
        dmax: this.bands.passiveMin - 1,
      });
    } else if (this.metric === 'csat') {
      formula =
        this.formulas.csatFormula === 'mean'
          ? msg.t('explain.csat.mean', { n: s.csat.n })
          : msg.t('explain.csat.top2', { top2: s.csat.top2, n: s.csat.n });
    } else {
      const max = s.ces.scaleMax;
      formula =
        this.formulas.cesFormula === 'easyShare'
          ? msg.t('explain.ces.easyShare', {
              easy: Math.round(((s.ces.easyShare ?? 0) * s.ces.n) / 100),
              band: max === 7 ? '5–7' : '4–5',
              n: s.ces.n,
              max,
            })
          : msg.t('explain.ces.mean', { n: s.ces.n, max });
    }
    return html`<details>
      <summary>${msg.t('explain.summary')}</summary>
      <p part="kpi-formula">${formula}</p>
      ${this.aggregate ? html`<p>${msg.t('explain.flash')}</p>` : nothing}
      ${k.interval
        ? html`<p>${msg.t('explain.interval', { low: fmt(k.interval.low), high: fmt(k.interval.high) })}</p>`
        : nothing}
      <p>${msg.t('explain.change')}</p>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-kpi-card': KpiCard;
  }
}
