/**
 * CONTRACT (signatures agreed between the metrics and analytics work; bodies land with the metrics module).
 * Pure, streaming-friendly metric maths per ../shared/specs/metrics.md: fold answers page by page,
 * never hold raw answers.
 */
import type { Answer, FlashNps, WxmSettings } from '../wxm/types.js';
import type { TagMap } from '../wxm/api.js';
import type { CesFormula, CsatFormula } from '../config/types.js';
import type { Bucket, BucketSize, Change, MetricsSummary, NpsBands, NpsResult } from './types.js';

export type MetricName = 'nps' | 'csat' | 'ces';

export interface FoldOptions {
  tagMap: TagMap;
  bands: NpsBands;
  minSample: number;
  csatFormula: CsatFormula;
  cesFormula: CesFormula;
}

const todo = (): never => {
  throw new Error('metrics: not implemented yet');
};

/** Passive band from settings.npsRange ("7,8"); default 7–8; invalid → default. */
export function npsBands(_settings: WxmSettings | undefined): NpsBands {
  return todo();
}

/** Folds answers into one summary. */
export class MetricFold {
  constructor(readonly options: FoldOptions) {}
  add(_answer: Answer): void {
    todo();
  }
  result(): MetricsSummary {
    return todo();
  }
}

/** Folds answers into day/week buckets in the account's time zone (settings.timeZoneOffset minutes). */
export class BucketedFold {
  constructor(readonly options: FoldOptions & { size: BucketSize; timeZoneOffset: number }) {}
  add(_answer: Answer): void {
    todo();
  }
  /** Non-empty buckets, oldest first. */
  buckets(): Bucket[] {
    return todo();
  }
}

/** Folds answers per key (e.g. per cc_AgentId value); answers without a key are skipped. */
export class GroupedFold {
  constructor(readonly options: FoldOptions & { key: (answer: Answer) => string | undefined }) {}
  add(_answer: Answer): void {
    todo();
  }
  groups(): Map<string, MetricsSummary> {
    return todo();
  }
}

/** The text/number an answer holds for the first question carrying a context tag (e.g. cc_AgentId). */
export function contextValue(_answer: Answer, _tagMap: TagMap, _tag: string): string | undefined {
  return todo();
}

/** The headline number for a metric under the configured formula (NPS score, CSAT share or mean, CES mean or easy share). */
export function headline(_metric: MetricName, _summary: MetricsSummary, _formulas: { csatFormula: CsatFormula; cesFormula: CesFormula }): number | null {
  return todo();
}

/** Period-over-period change of the headline; significant only when the 95% intervals do not overlap. */
export function compare(
  _metric: MetricName,
  _current: MetricsSummary,
  _previous: MetricsSummary,
  _formulas: { csatFormula: CsatFormula; cesFormula: CesFormula },
): Change {
  return todo();
}

export type ScoreClass = 'good' | 'neutral' | 'bad';

/**
 * Class of one score for colouring: NPS detractor/passive/promoter → bad/neutral/good (passive band from `bands`);
 * CSAT 1–2 bad, 3 neutral, 4–5 good; CES on 5: 1–2 bad, 3 neutral, 4–5 good; on 7: 1–3 bad, 4 neutral, 5–7 good.
 */
export function scoreClass(_metric: MetricName, _value: number, _scaleMax: number, _bands: NpsBands): ScoreClass {
  return todo();
}

/** NPS from the FlashNPS aggregate (no raw answers needed). */
export function npsFromFlash(_flash: FlashNps, _minSample: number): NpsResult {
  return todo();
}
