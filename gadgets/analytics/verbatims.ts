/**
 * Recent comments ("verbatims"), kept as small extracted records while answers stream past:
 * only the newest N survive, whatever order the pages arrive in. Comment text is untrusted.
 */
import type { Answer } from '../../shared/wxm/types.js';
import type { TagMap } from '../../shared/wxm/api.js';
import { answerText, numberAnswer, valueKind } from '../../shared/wxm/answer-value.js';
import type { NpsBands } from '../../shared/metrics/types.js';
import { scoreClass, type ScoreClass } from '../../shared/metrics/index.js';

export interface Verbatim {
  answerId: string;
  /** ISO time of the response. */
  time: string;
  text: string;
  /** The answer's NPS rating, when it has one. */
  nps?: number;
  /** Class of that rating (bad = detractor). */
  npsClass?: ScoreClass;
  agentId?: string;
}

/** Keeps the `limit` newest items by time; O(limit) memory. */
export class NewestList<T extends { time: string }> {
  #items: { at: number; item: T }[] = [];
  constructor(readonly limit: number) {}

  add(item: T): void {
    const at = Date.parse(item.time);
    if (!Number.isFinite(at)) return;
    const full = this.#items.length >= this.limit;
    if (full && at <= this.#items[this.#items.length - 1]!.at) return;
    // Insert keeping newest-first order, then trim.
    let i = this.#items.findIndex((x) => x.at < at);
    if (i < 0) i = this.#items.length;
    this.#items.splice(i, 0, { at, item });
    if (this.#items.length > this.limit) this.#items.pop();
  }

  /** Newest first. */
  list(): T[] {
    return this.#items.map((x) => x.item);
  }
}

/**
 * Reader of the first non-empty, displayable comment of an answer, with its NPS rating (undefined when the
 * answer has no comment). Built once per tag map: it runs for every streamed answer.
 */
export function verbatimReader(tagMap: TagMap, bands: NpsBands): (answer: Answer, agentId?: string) => Verbatim | undefined {
  const commentIds = new Set(tagMap.comments.filter((id) => !tagMap.hidden.has(id)));
  const npsKinds = new Map(tagMap.nps.map((q) => [q.id, valueKind(tagMap.byId.get(q.id))]));
  return (answer, agentId) => {
    let text: string | undefined;
    let nps: number | undefined;
    for (const r of answer.responses) {
      // A comment is free text by its tag: never its numberInput (the 0 WxM sends with every text answer).
      if (text === undefined && commentIds.has(r.questionId)) text = answerText(r, 'text');
      const npsKind = npsKinds.get(r.questionId);
      if (nps === undefined && npsKind !== undefined) nps = numberAnswer(r, npsKind);
    }
    if (text === undefined) return undefined;
    const v: Verbatim = { answerId: answer.id, time: answer.responseDateTime, text };
    if (nps !== undefined) {
      v.nps = nps;
      v.npsClass = scoreClass('nps', nps, 10, bands);
    }
    if (agentId !== undefined) v.agentId = agentId;
    return v;
  };
}

const CLASS_ORDER: Record<ScoreClass, number> = { bad: 0, neutral: 1, good: 2 };

/** Detractors first, then passives, promoters and unrated; newest first within each. Input newest first. */
export function detractorsFirst(list: readonly Verbatim[]): Verbatim[] {
  const rank = (v: Verbatim) => (v.npsClass ? CLASS_ORDER[v.npsClass] : 3);
  return list
    .map((v, i) => ({ v, i }))
    .sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i)
    .map((x) => x.v);
}

/** The newest comments of a view, overall and per agent, collected from answers as they pass (both data paths). */
export class CommentCollector {
  readonly #read: (answer: Answer, agentId?: string) => Verbatim | undefined;
  readonly #newest: NewestList<Verbatim>;
  readonly #byAgent = new Map<string, NewestList<Verbatim>>();

  readonly #perAgentLimit: number;

  constructor(tagMap: TagMap, bands: NpsBands, limits: { verbatims: number; verbatimsPerAgent: number }) {
    this.#perAgentLimit = limits.verbatimsPerAgent;
    this.#read = verbatimReader(tagMap, bands);
    this.#newest = new NewestList<Verbatim>(limits.verbatims);
  }

  add(answer: Answer, agentId?: string): void {
    const v = this.#read(answer, agentId);
    if (!v) return;
    this.#newest.add(v);
    if (agentId === undefined) return;
    let list = this.#byAgent.get(agentId);
    if (!list) this.#byAgent.set(agentId, (list = new NewestList<Verbatim>(this.#perAgentLimit)));
    list.add(v);
  }

  /** Newest first. */
  list(): Verbatim[] {
    return this.#newest.list();
  }

  of(agentId: string): Verbatim[] {
    return this.#byAgent.get(agentId)?.list() ?? [];
  }
}
