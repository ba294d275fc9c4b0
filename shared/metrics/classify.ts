/** Colour class of one individual score (a single customer's answer), per the contract in index.ts. */
import type { MetricName, NpsBands, ScoreClass } from './types.js';

/**
 * NPS detractor/passive/promoter → bad/neutral/good (passive band from `bands`);
 * CSAT 1–2 bad, 3 neutral, 4–5 good; CES on 5: 1–2 bad, 3 neutral, 4–5 good; on 7: 1–3 bad, 4 neutral, 5–7 good.
 * Fractional values (sliders) are classed by their nearest whole number.
 */
export function scoreClass(metric: MetricName, value: number, scaleMax: number, bands: NpsBands): ScoreClass {
  const v = Math.round(value);
  if (metric === 'nps') return v < bands.passiveMin ? 'bad' : v <= bands.passiveMax ? 'neutral' : 'good';
  if (metric === 'ces' && scaleMax >= 7) return v <= 3 ? 'bad' : v === 4 ? 'neutral' : 'good';
  return v <= 2 ? 'bad' : v === 3 ? 'neutral' : 'good';
}
