/** Result shapes of the metric maths in docs/metrics.md. Values are unrounded; rounding is display-only. */
import type { TagMap } from '../wxm/api.js';
import type { CesFormula, CsatFormula } from '../config/types.js';


export interface Interval {
  low: number;
  high: number;
}

/** From WxM settings `npsRange` ("7,8" = passive band). */
export interface NpsBands {
  passiveMin: number;
  passiveMax: number;
}

export interface NpsResult {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100..100, null when n = 0 ("no responses", never 0). */
  score: number | null;
  interval: Interval | null;
  /** 0 < n < minSample (an empty set is "no responses", not low-sample). */
  lowSample: boolean;
}

export interface CsatResult {
  n: number;
  /** Answers scoring 4 or 5. */
  top2: number;
  /** 100 × top2 / n, null when n = 0. */
  share: number | null;
  /** Mean on 1..5, null when n = 0. */
  mean: number | null;
  /** Sample standard deviation of the 1..5 values, null when n < 2. */
  sd?: number | null;
  /** Wilson 95% interval for the share (percent) — or for the mean when the formula is 'mean'. */
  interval: Interval | null;
  lowSample: boolean;
}

export interface CesResult {
  n: number;
  mean: number | null;
  sd: number | null;
  /** % of answers in the top band (4–5 of 5, 5–7 of 7). */
  easyShare: number | null;
  /** The highest scale in the set (5 or 7); answers on different scales are not mixed into one mean. */
  scaleMax: number;
  /** CES answers on the other (smaller) scale, left out of this result so scales never mix; 0 when none. */
  otherScaleN?: number;
  interval: Interval | null;
  lowSample: boolean;
}

export interface MetricsSummary {
  nps: NpsResult;
  csat: CsatResult;
  ces: CesResult;
  /** Answers folded (whether or not they carried a metric). */
  answers: number;
}

export interface Change {
  /** current − previous in display units, null when either side has no value. */
  delta: number | null;
  /** Only when the two 95% intervals do not overlap. */
  significant: boolean;
}

export type BucketSize = 'day' | 'week' | 'month';

export interface Bucket {
  /** Start of the bucket in the account's time zone, as "yyyy-MM-dd". */
  start: string;
  summary: MetricsSummary;
}

export type MetricName = 'nps' | 'csat' | 'ces';

export interface FoldOptions {
  tagMap: TagMap;
  bands: NpsBands;
  minSample: number;
  csatFormula: CsatFormula;
  cesFormula: CesFormula;
}

export type ScoreClass = 'good' | 'neutral' | 'bad';

export interface Formulas {
  csatFormula: CsatFormula;
  cesFormula: CesFormula;
}
