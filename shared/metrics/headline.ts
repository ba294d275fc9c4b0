/** The displayed number of a metric under the configured formula, and period-over-period change. */
import { meanInterval, wilsonInterval, disjoint } from './interval.js';
import type { Change, Formulas, Interval, MetricName, MetricsSummary } from './types.js';

/** The headline number for a metric under the configured formula (NPS score, CSAT share or mean, CES mean or easy share). */
export function headline(metric: MetricName, summary: MetricsSummary, formulas: Formulas): number | null {
  switch (metric) {
    case 'nps':
      return summary.nps.score;
    case 'csat':
      return formulas.csatFormula === 'mean' ? summary.csat.mean : summary.csat.share;
    case 'ces':
      return formulas.cesFormula === 'easyShare' ? summary.ces.easyShare : summary.ces.mean;
  }
}

/**
 * The 95% interval of the headline under `formulas`, recomputed from the summary's counts so it matches the
 * formula even if the summary was folded under another one.
 */
export function headlineInterval(metric: MetricName, summary: MetricsSummary, formulas: Formulas): Interval | null {
  if (metric === 'nps') return summary.nps.interval;
  if (metric === 'csat') {
    const c = summary.csat;
    if (formulas.csatFormula !== 'mean') return wilsonInterval(c.top2, c.n);
    return c.sd === undefined ? c.interval : meanInterval(c.mean, c.sd, c.n);
  }
  const e = summary.ces;
  if (formulas.cesFormula !== 'easyShare') return meanInterval(e.mean, e.sd, e.n);
  // easyShare is 100 × easy / n of integer counts, so the count is recovered exactly.
  return e.easyShare === null ? null : wilsonInterval(Math.round((e.easyShare * e.n) / 100), e.n);
}

/** Period-over-period change of the headline; significant only when the 95% intervals do not overlap. */
export function compare(metric: MetricName, current: MetricsSummary, previous: MetricsSummary, formulas: Formulas): Change {
  const now = headline(metric, current, formulas);
  const before = headline(metric, previous, formulas);
  if (now === null || before === null) return { delta: null, significant: false };
  // A CES mean on 7 points and one on 5 are not comparable.
  if (metric === 'ces' && formulas.cesFormula === 'mean' && current.ces.scaleMax !== previous.ces.scaleMax) {
    return { delta: null, significant: false };
  }
  return {
    delta: now - before,
    significant: disjoint(headlineInterval(metric, current, formulas), headlineInterval(metric, previous, formulas)),
  };
}
