/** Streaming folds: feed answers page by page, read summaries at any time; raw answers are never kept. */
import type { TagMap } from '../wxm/api.js';
import { answerText, valueKind } from '../wxm/answer-value.js';
import { contextIds } from '../wxm/tag-map.js';
import type { Answer } from '../wxm/types.js';
import { Lookup, Tally } from './tally.js';
import type { FoldOptions, MetricsSummary } from './types.js';

/** Folds answers into one summary. */
export class MetricFold {
  readonly #tally: Tally;

  constructor(readonly options: FoldOptions) {
    this.#tally = new Tally(new Lookup(options.tagMap, options.bands));
  }

  add(answer: Answer): void {
    this.#tally.add(answer);
  }

  result(): MetricsSummary {
    return this.#tally.summary(this.options);
  }
}

/** Folds answers per key (e.g. per cc_AgentId value); answers without a key are skipped. */
export class GroupedFold {
  readonly #lookup: Lookup;
  readonly #tallies = new Map<string, Tally>();

  constructor(readonly options: FoldOptions & { key: (answer: Answer) => string | undefined }) {
    this.#lookup = new Lookup(options.tagMap, options.bands);
  }

  add(answer: Answer): void {
    const key = this.options.key(answer);
    if (key === undefined) return;
    let tally = this.#tallies.get(key);
    if (!tally) {
      tally = new Tally(this.#lookup);
      this.#tallies.set(key, tally);
    }
    tally.add(answer);
  }

  /** One summary per key, in first-seen order. */
  groups(): Map<string, MetricsSummary> {
    const out = new Map<string, MetricsSummary>();
    for (const [key, tally] of this.#tallies) out.set(key, tally.summary(this.options));
    return out;
  }
}

/** The text/number an answer holds for the first question carrying a context tag (e.g. cc_AgentId). */
export function contextValue(answer: Answer, tagMap: TagMap, tag: string): string | undefined {
  const ids = contextIds(tagMap, tag);
  if (ids.length === 0 || !answer.responses) return undefined;
  for (const id of ids) {
    const kind = valueKind(tagMap.byId?.get(id));
    for (const r of answer.responses) {
      if (r.questionId !== id) continue;
      const value = answerText(r, kind);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}
