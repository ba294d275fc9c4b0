/**
 * What a KPI card shows, decided without the DOM: which number under which formula, how it is rounded
 * (only here, at display time), the change wording and the formula behind the number.
 */
import { compare, headline, headlineInterval } from '../../shared/metrics/index.js';
import type { Formulas, MetricName } from '../../shared/metrics/index.js';
import type { Interval, MetricsSummary } from '../../shared/metrics/types.js';
import { formatNumber, formatPercent } from '../../shared/i18n/format.js';

/** How a headline is written: NPS points, a percentage, or a mean on a 1–5/1–7 scale. */
export type Unit = 'points' | 'percent' | 'mean';

export function unitOf(metric: MetricName, formulas: Formulas): Unit {
  if (metric === 'nps') return 'points';
  if (metric === 'csat') return formulas.csatFormula === 'mean' ? 'mean' : 'percent';
  return formulas.cesFormula === 'easyShare' ? 'percent' : 'mean';
}

/** NPS and percentages to integers, means to one decimal. */
export function roundForDisplay(unit: Unit, value: number): number {
  if (unit === 'mean') return Math.round(value * 10) / 10;
  const r = Math.round(value);
  return r === 0 ? 0 : r; // no "-0"
}

export function formatValue(unit: Unit, value: number, locale?: string): string {
  const v = roundForDisplay(unit, value);
  const opts = locale ? { locale } : {};
  if (unit === 'percent') return formatPercent(v, opts);
  if (unit === 'mean') return formatNumber(v, { ...opts, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return formatNumber(v, opts);
}

/** Size of a change in display units ("12" points, "3" percentage points, "0.4"). */
export function formatDelta(unit: Unit, delta: number, locale?: string): string {
  const v = Math.abs(roundForDisplay(unit, delta));
  const opts = locale ? { locale } : {};
  return unit === 'mean'
    ? formatNumber(v, { ...opts, minimumFractionDigits: 1, maximumFractionDigits: 1 })
    : formatNumber(v, opts);
}

export interface KpiModel {
  metric: MetricName;
  unit: Unit;
  /** Unrounded headline; null = no responses. */
  value: number | null;
  n: number;
  interval: Interval | null;
  lowSample: boolean;
  /** CES scale (5 or 7) for the formula text. */
  scaleMax?: number;
}

export function kpiModel(metric: MetricName, summary: MetricsSummary, formulas: Formulas): KpiModel {
  const r = summary[metric];
  const model: KpiModel = {
    metric,
    unit: unitOf(metric, formulas),
    value: headline(metric, summary, formulas),
    n: r.n,
    interval: headlineInterval(metric, summary, formulas),
    lowSample: r.lowSample,
  };
  if (metric === 'ces') model.scaleMax = summary.ces.scaleMax;
  return model;
}

export type ChangeKind = 'up' | 'down' | 'same' | 'unknown';

export interface ChangeModel {
  kind: ChangeKind;
  /** Rounded size in display units, e.g. "12". */
  amount: string;
  significant: boolean;
}

/**
 * "up 12 — significant" / "no clear change". A change that rounds to zero is "same"; a change whose
 * intervals overlap is never called significant (docs/metrics.md honesty rules).
 */
export function changeModel(
  metric: MetricName,
  current: MetricsSummary,
  previous: MetricsSummary,
  formulas: Formulas,
  locale?: string,
): ChangeModel {
  const unit = unitOf(metric, formulas);
  const c = compare(metric, current, previous, formulas);
  if (c.delta === null) return { kind: 'unknown', amount: '', significant: false };
  const rounded = roundForDisplay(unit, c.delta);
  const kind: ChangeKind = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same';
  return { kind, amount: formatDelta(unit, c.delta, locale), significant: c.significant && kind !== 'same' };
}

/** Which way is better: on every metric the gadgets use, higher is better (docs/metrics.md: CES higher = easier). */
export const targetMet = (value: number, target: number): boolean => value >= target;
