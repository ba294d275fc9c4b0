/** 95% intervals used by the metrics (docs/metrics.md). All inputs and outputs unrounded. */
import type { Interval } from './types.js';

const Z95 = 1.96;

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/** NPS ± 196 × sqrt((p + d − (p − d)²) / n), in NPS points, clamped to [−100, 100]. */
export function npsInterval(promoters: number, detractors: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  const score = 100 * (p - d);
  const variance = Math.max(0, (p + d - (p - d) ** 2) / n);
  const half = 100 * Z95 * Math.sqrt(variance);
  return { low: clamp(score - half, -100, 100), high: clamp(score + half, -100, 100) };
}

/** Wilson score interval for a proportion successes/n, in percent. */
export function wilsonInterval(successes: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 / denominator) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  return { low: 100 * clamp(centre - half, 0, 1), high: 100 * clamp(centre + half, 0, 1) };
}

/** mean ± 1.96 × sd / sqrt(n); null when sd is unknown (n < 2: one answer says nothing about spread). */
export function meanInterval(mean: number | null, sd: number | null, n: number): Interval | null {
  if (mean === null || sd === null || n < 2) return null;
  const half = (Z95 * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}

/** Sample standard deviation (n − 1) from a streaming sum and sum of squares; null for n < 2. */
export function sampleSd(n: number, sum: number, sumSq: number): number | null {
  if (n < 2) return null;
  const variance = (sumSq - (sum * sum) / n) / (n - 1);
  // Cancellation can leave a tiny negative number when every value is equal.
  return Math.sqrt(Math.max(0, variance));
}

/** True when both intervals exist and share no point. */
export function disjoint(a: Interval | null, b: Interval | null): boolean {
  if (!a || !b) return false;
  return a.low > b.high || b.low > a.high;
}
