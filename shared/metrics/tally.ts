/**
 * The hot path: a precomputed question-id → metric lookup and a tally of counts and sums.
 * A tally never keeps an answer; adding one allocates nothing.
 */
import type { TagMap, MetricQuestion } from '../wxm/api.js';
import { numberAnswer, valueKind, type ValueKind } from '../wxm/answer-value.js';
import type { Answer } from '../wxm/types.js';
import { cesResult } from './ces.js';
import { csatResult } from './csat.js';
import { npsResult } from './nps.js';
import type { FoldOptions, MetricsSummary, NpsBands } from './types.js';

const NPS = 0;
const CSAT = 1;
const CES5 = 2;
const CES7 = 3;
const MEMO = 32;

/** One metric question: which tally it feeds and which values count (the question's own scale). */
interface Slot {
  kind: number;
  /** One bit per metric, so an answer counts at most once per metric (first matching question wins). */
  bit: number;
  min: number;
  max: number;
  /** How the question answers (answer-value.ts): a metric question of a text type holds no score. */
  value: ValueKind;
}

function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** 5 or 7 from the scale, else from the tag (ces_agree_7 …); other scales are not CES we can read. */
function cesScale(q: MetricQuestion): number | undefined {
  const max = q.scale?.max;
  if (max === 5 || max === 7) return max;
  const tagged = /_(5|7)$/.exec(q.variant ?? '');
  return tagged ? Number(tagged[1]) : undefined;
}

export class Lookup {
  readonly slots = new Map<string, Slot>();
  /**
   * Per-position memo of the last question id seen there and its slot. Answers of one questionnaire repeat
   * their layout, and comparing two 24-character ids is cheaper than hashing a freshly parsed one.
   */
  readonly #memoIds: (string | undefined)[] = new Array<string | undefined>(MEMO).fill(undefined);
  readonly #memoSlots: (Slot | undefined)[] = new Array<Slot | undefined>(MEMO).fill(undefined);

  constructor(tagMap: TagMap, readonly bands: NpsBands) {
    const put = (id: string, slot: Omit<Slot, 'value'>) => {
      const value = valueKind(tagMap.byId?.get(id));
      // Its numberInput is WxM's 0 filler, not a score: such a question feeds no metric.
      if (value === 'text' || this.slots.has(id)) return;
      this.slots.set(id, { ...slot, value });
    };
    for (const q of tagMap.nps ?? []) {
      put(q.id, { kind: NPS, bit: 1, min: finiteOr(q.scale?.min, 0), max: finiteOr(q.scale?.max, 10) });
    }
    for (const q of tagMap.csat ?? []) {
      put(q.id, { kind: CSAT, bit: 2, min: finiteOr(q.scale?.min, 1), max: finiteOr(q.scale?.max, 5) });
    }
    for (const q of tagMap.ces ?? []) {
      const scale = cesScale(q);
      if (scale === undefined) continue;
      put(q.id, { kind: scale === 7 ? CES7 : CES5, bit: 4, min: finiteOr(q.scale?.min, 1), max: scale });
    }
  }

  /** The slot of the question at position `i` of an answer, or undefined when it carries no metric. */
  slotAt(i: number, id: string): Slot | undefined {
    if (i < MEMO) {
      if (this.#memoIds[i] === id) return this.#memoSlots[i];
      const slot = this.slots.get(id);
      this.#memoIds[i] = id;
      this.#memoSlots[i] = slot;
      return slot;
    }
    return this.slots.get(id);
  }
}

export class Tally {
  answers = 0;
  promoters = 0;
  passives = 0;
  detractors = 0;
  csatN = 0;
  csatTop2 = 0;
  csatSum = 0;
  csatSumSq = 0;
  ces5N = 0;
  ces5Sum = 0;
  ces5SumSq = 0;
  ces5Easy = 0;
  ces7N = 0;
  ces7Sum = 0;
  ces7SumSq = 0;
  ces7Easy = 0;

  constructor(private readonly lookup: Lookup) {}

  add(answer: Answer): void {
    this.answers++;
    const responses = answer.responses;
    if (!responses) return;
    const lookup = this.lookup;
    const bands = lookup.bands;
    let seen = 0;
    for (let i = 0; i < responses.length; i++) {
      const r = responses[i]!;
      const slot = lookup.slotAt(i, r.questionId);
      if (slot === undefined) continue;
      const v = slot.value === 'number' ? r.numberInput : numberAnswer(r, slot.value);
      // Written so NaN, null and out-of-scale values all fail: they count nowhere.
      if (typeof v !== 'number' || !(v >= slot.min && v <= slot.max) || (seen & slot.bit) !== 0) continue;
      seen |= slot.bit;
      switch (slot.kind) {
        case NPS:
          if (v < bands.passiveMin) this.detractors++;
          else if (v <= bands.passiveMax) this.passives++;
          else this.promoters++;
          break;
        case CSAT:
          this.csatN++;
          this.csatSum += v;
          this.csatSumSq += v * v;
          if (v >= slot.max - 1) this.csatTop2++;
          break;
        case CES5:
          this.ces5N++;
          this.ces5Sum += v;
          this.ces5SumSq += v * v;
          if (v >= 4) this.ces5Easy++; // easy = 4–5 of 5, 5–7 of 7 (see ces.ts easyFrom)
          break;
        default:
          this.ces7N++;
          this.ces7Sum += v;
          this.ces7SumSq += v * v;
          if (v >= 5) this.ces7Easy++;
      }
    }
  }

  /** Adds the counts of another tally of the same lookup (a week or month from its days); returns this. */
  merge(other: Tally): this {
    const to = this as unknown as Record<string, unknown>;
    const from = other as unknown as Record<string, number>;
    for (const k of Object.keys(to)) if (typeof to[k] === 'number') to[k] = (to[k] as number) + from[k]!;
    return this;
  }

  summary(options: FoldOptions): MetricsSummary {
    return {
      answers: this.answers,
      nps: npsResult(this.promoters, this.passives, this.detractors, options.minSample),
      csat: csatResult(this.csatN, this.csatTop2, this.csatSum, this.csatSumSq, options.csatFormula, options.minSample),
      ces: cesResult(
        { n: this.ces5N, sum: this.ces5Sum, sumSq: this.ces5SumSq, easy: this.ces5Easy },
        { n: this.ces7N, sum: this.ces7Sum, sumSq: this.ces7SumSq, easy: this.ces7Easy },
        options.cesFormula,
        options.minSample,
      ),
    };
  }
}
