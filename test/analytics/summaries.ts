import type { MetricsSummary } from '../../shared/metrics/types.js';

/** A summary with the NPS counts set, with their 95% interval (metrics.md); CSAT and CES empty unless given. */
export function npsSummary(promoters: number, passives: number, detractors: number, rest: Partial<MetricsSummary> = {}): MetricsSummary {
  const n = promoters + passives + detractors;
  const p = promoters / n;
  const d = detractors / n;
  const score = 100 * (p - d);
  const half = 196 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return {
    nps: { n, promoters, passives, detractors, score, interval: { low: Math.max(-100, score - half), high: Math.min(100, score + half) }, lowSample: n < 10 },
    csat: { n: 0, top2: 0, share: null, mean: null, interval: null, lowSample: false },
    ces: { n: 0, mean: null, sd: null, easyShare: null, scaleMax: 5, interval: null, lowSample: false },
    answers: n,
    ...rest,
  };
}
