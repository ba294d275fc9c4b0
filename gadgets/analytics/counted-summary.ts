/**
 * Metric summaries from answer distributions (WxM's /api/summary and compare give "value → count" per question).
 * Each counted value goes through the same tally as a streamed answer, so the scale limits, the NPS bands and the
 * "a text-type question holds no score" rule are exactly the fallback path's.
 */
import { Lookup, Tally } from '../../shared/metrics/tally.js';
import type { FoldOptions, MetricsSummary } from '../../shared/metrics/types.js';
import { numericKey, type Distribution } from '../../shared/wxm/aggregates.js';
import type { Answer } from '../../shared/wxm/types.js';

/** One answer holding only `value` for `questionId`: what a counted value stands for. */
const single = (questionId: string, value: number): Answer =>
  ({ responses: [{ questionId, questionText: '', textInput: null, numberInput: value }] }) as unknown as Answer;

/**
 * `questions`: question id → distribution (non-metric questions are ignored). `answers`: how many answers the set
 * holds; undefined = the largest metric n (compare gives no answer count).
 */
export function countedSummary(questions: ReadonlyMap<string, Distribution>, options: FoldOptions, answers?: number): MetricsSummary {
  const lookup = new Lookup(options.tagMap, options.bands);
  const tally = new Tally(lookup);
  for (const [questionId, counts] of questions) {
    if (!lookup.slots.has(questionId)) continue;
    for (const [key, count] of counts) {
      const value = numericKey(key);
      if (value === undefined) continue;
      const answer = single(questionId, value);
      for (let i = 0; i < count; i++) tally.add(answer);
    }
  }
  const summary = tally.summary(options);
  summary.answers = answers ?? Math.max(summary.nps.n, summary.csat.n, summary.ces.n + (summary.ces.otherScaleN ?? 0));
  return summary;
}
