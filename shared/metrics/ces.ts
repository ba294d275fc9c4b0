/**
 * CES from streaming sums (docs/metrics.md).
 *
 * Scales are never mixed: the fold keeps separate sums for 5-point and 7-point questions, and the result reports
 * the larger scale present (7 when any 7-point answer exists, else 5), so `scaleMax` says which scale `mean` is on.
 * Answers on the other scale are left out and counted in `otherScaleN` so the UI can say so. We chose this over
 * rescaling because a rescaled 5-point "4" is not what any customer answered, and over "most answers wins"
 * because the choice must not flip between periods with similar data.
 * `interval` follows the formula: mean ± 1.96 sd/√n for 'mean' (null for n < 2), Wilson for 'easyShare' (percent).
 */
import type { CesFormula } from '../config/types.js';
import { meanInterval, sampleSd, wilsonInterval } from './interval.js';
import type { CesResult } from './types.js';

export interface CesSums {
  n: number;
  sum: number;
  sumSq: number;
  easy: number;
}

/** Lowest value counted as "easy": 4 of 5, 5 of 7. */
export const easyFrom = (scaleMax: number): number => (scaleMax >= 7 ? 5 : 4);

export function cesResult(on5: CesSums, on7: CesSums, formula: CesFormula, minSample: number): CesResult {
  const use7 = on7.n > 0;
  const s = use7 ? on7 : on5;
  const n = s.n;
  const mean = n > 0 ? s.sum / n : null;
  const sd = sampleSd(n, s.sum, s.sumSq);
  return {
    n,
    mean,
    sd,
    easyShare: n > 0 ? (100 * s.easy) / n : null,
    scaleMax: use7 ? 7 : 5,
    otherScaleN: use7 ? on5.n : 0,
    interval: formula === 'easyShare' ? wilsonInterval(s.easy, n) : meanInterval(mean, sd, n),
    lowSample: n > 0 && n < minSample,
  };
}
