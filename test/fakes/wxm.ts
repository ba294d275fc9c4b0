/** Fake WxM clients: one whose pages the test answers by hand, one in memory over a list of answers. */
import type { AnswerBatch, StreamOptions, TagMap, WxmApi } from '../../shared/wxm/api.js';
import type { Answer, FilterBy, FlashNps, WxmSettings } from '../../shared/wxm/types.js';
import { TEAM_Q, customerTagMap, teamTagMap } from './answers.js';

export interface PageCall {
  filter: FilterBy;
  page: number;
  rows: number;
  signal?: AbortSignal;
  resolve(answers: Answer[], totalCount?: number, malformed?: number): void;
  reject(e: unknown): void;
}

/** A WxmApi (the journey's reads) whose answersPage calls wait until the test resolves them (or answer at once with `auto`). */
export class ScriptedWxm implements Partial<WxmApi> {
  calls: PageCall[] = [];
  auto?: (filter: FilterBy, page: number, rows: number) => { answers: Answer[]; totalCount: number; malformed?: number };
  constructor(readonly map: TagMap = customerTagMap()) {}

  tagMap = async () => this.map;
  settings = async () => ({ timeZoneOffset: 0, npsRange: '7,8', locationList: [] });

  answersPage = (filter: FilterBy, page: number, rows: number, signal?: AbortSignal) =>
    new Promise<{ answers: Answer[]; malformed: number; totalCount: number; totalPages: number }>((res, rej) => {
      const done = (answers: Answer[], totalCount = answers.length, malformed = 0) =>
        res({ answers, malformed, totalCount, totalPages: Math.max(1, Math.ceil(totalCount / rows)) });
      signal?.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError')));
      if (this.auto) {
        const r = this.auto(filter, page, rows);
        return done(r.answers, r.totalCount, r.malformed);
      }
      this.calls.push({ filter, page, rows, signal, resolve: done, reject: rej });
    });

  asApi(): WxmApi {
    return this as unknown as WxmApi;
  }
}

/** Matches FilterBy the way the spec describes it (dates, text filterquestions OR-ed when groupBy OR). */
export function matches(a: Answer, f: FilterBy): boolean {
  const t = Date.parse(a.responseDateTime);
  if (f.afterdate && t < Date.parse(f.afterdate)) return false;
  if (f.beforedate && t >= Date.parse(f.beforedate)) return false;
  if (f.location && !f.location.includes(a.locationId)) return false;
  const fq = f.filterquestions ?? [];
  if (fq.length === 0) return true;
  const hit = (q: (typeof fq)[number]) =>
    a.responses.some((r) => r.questionId === q.questionId && q.answerCheck.includes(r.textInput ?? ''));
  return fq.some((q) => q.groupBy === 'OR') ? fq.some(hit) : fq.every(hit);
}

/** An in-memory WxmApi over `answers` that honours FilterBy (dates, locations, text filterquestions). */
export class MemoryWxm implements WxmApi {
  calls: { kind: string; filter?: FilterBy }[] = [];
  /** Makes every call fail with this error. */
  failWith?: Error;
  /** Malformed records the first page of every stream reports (dropped by a real client). */
  malformedPerStream = 0;
  /** Resolve streamed pages only when released (to test aborts). */
  gate?: Promise<void>;
  /** With a delay, FlashNPS and stream pages take that long, and the most requests ever in flight at once is kept. */
  delayMs = 0;
  maxInFlight = 0;
  #inFlight = 0;
  constructor(
    public answers: Answer[],
    public settingsValue: WxmSettings = { timeZoneOffset: 0, npsRange: '7,8', locationList: [] },
  ) {}

  private check() {
    if (this.failWith) throw this.failWith;
  }
  /** One WxM request: counted in flight for its delay. */
  async #serve<T>(answer: () => T): Promise<T> {
    this.maxInFlight = Math.max(this.maxInFlight, ++this.#inFlight);
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      return answer();
    } finally {
      this.#inFlight--;
    }
  }
  async settings() {
    this.check();
    return this.settingsValue;
  }
  async questionnaires() {
    return [];
  }
  async tagMap() {
    this.check();
    return teamTagMap();
  }
  async answersPage(filter: FilterBy, page: number, rows: number) {
    const all = this.answers.filter((a) => matches(a, filter));
    return {
      answers: all.slice((page - 1) * rows, page * rows),
      malformed: 0,
      totalCount: all.length,
      totalPages: Math.ceil(all.length / rows),
    };
  }
  async *streamAnswers(filter: FilterBy, o: StreamOptions = {}): AsyncGenerator<AnswerBatch> {
    this.calls.push({ kind: 'stream', filter });
    this.check();
    const all = this.answers
      .filter((a) => matches(a, filter))
      .sort((x, y) => Date.parse(y.responseDateTime) - Date.parse(x.responseDateTime));
    const size = o.pageSize ?? 100;
    const max = o.maxAnswers ?? Infinity;
    // Each page is a request, run when the caller's pacer allows it (as the real client does).
    const pace = o.pace ?? (<T,>(r: () => Promise<T>) => r());
    for (let i = 0; i < all.length && i < max; i += size) {
      if (this.gate) await this.gate;
      if (o.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const page = { answers: all.slice(i, Math.min(i + size, max)), malformed: i === 0 ? this.malformedPerStream : 0, totalCount: all.length };
      yield await pace(() => this.#serve(() => page));
    }
    if (all.length === 0) yield { answers: [], malformed: this.malformedPerStream, totalCount: 0 };
  }
  async count(filter: FilterBy) {
    return this.answers.filter((a) => matches(a, filter)).length;
  }
  async flashNps(filter: FilterBy): Promise<FlashNps> {
    this.calls.push({ kind: 'flash', filter });
    this.check();
    await this.#serve(() => undefined);
    const values = this.answers
      .filter((a) => matches(a, filter))
      .flatMap((a) => a.responses.filter((r) => r.questionId === TEAM_Q.nps && typeof r.numberInput === 'number'))
      .map((r) => r.numberInput!);
    const promoters = values.filter((v) => v >= 9).length;
    const detractors = values.filter((v) => v <= 6).length;
    return {
      totalResponses: values.length,
      netPromoter: {
        questionID: TEAM_Q.nps,
        questionText: 'nps',
        promoters,
        passive: values.length - promoters - detractors,
        detractors,
        netPromoters: values.length ? Math.round((100 * (promoters - detractors)) / values.length) : 0,
        defaultIndex: 0,
      },
    };
  }
  async answer() {
    return null;
  }
}
