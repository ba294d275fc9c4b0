/** CSAT from streaming sums (docs/metrics.md): top-2-box share, mean, interval per formula. */
import type { CsatFormula } from '../config/types.js';
import { meanInterval, sampleSd, wilsonInterval } from './interval.js';
import type { CsatResult } from './types.js';

/**
 * `interval` follows the formula: Wilson 95% for the share (percent) under 'top2', mean ± 1.96 sd/√n under 'mean'
 * (null for n < 2, where the spread is unknown).
 */
export function csatResult(
  n: number,
  top2: number,
  sum: number,
  sumSq: number,
  formula: CsatFormula,
  minSample: number,
): CsatResult {
  const mean = n > 0 ? sum / n : null;
  const sd = sampleSd(n, sum, sumSq);
  return {
    n,
    top2,
    share: n > 0 ? (100 * top2) / n : null,
    mean,
    sd,
    interval: formula === 'mean' ? meanInterval(mean, sd, n) : wilsonInterval(top2, n),
    lowSample: n > 0 && n < minSample,
  };
}
