/**
 * CONTRACT (signatures agreed between the metrics and analytics work).
 * Pure, streaming-friendly metric maths per docs/metrics.md: fold answers page by page,
 * never hold raw answers. This file is the barrel; the maths lives in the modules it re-exports.
 */
export type { MetricName, FoldOptions, ScoreClass, Formulas } from './types.js';
export { npsBands, npsFromFlash, npsResult } from './nps.js';
export { DEFAULT_BANDS, DEFAULT_FORMULAS } from './defaults.js';
export { MetricFold, GroupedFold, contextValue } from './fold.js';
export { BucketedFold } from './bucket.js';
export { headline, headlineInterval, compare } from './headline.js';
export { scoreClass } from './classify.js';
