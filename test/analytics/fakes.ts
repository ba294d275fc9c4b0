/** Test fakes for the analytics data plan: a tag map, answers, and an in-memory WxmApi that honours FilterBy. */
import type { AnswerBatch, StreamOptions, TagMap, WxmApi } from '../../shared/wxm/api.js';
import type { Answer, FilterBy, FlashNps, Question, WxmSettings } from '../../shared/wxm/types.js';

export const Q = { nps: 'q-nps', csat: 'q-csat', ces: 'q-ces', comment: 'q-comment', agent: 'q-agent', team: 'q-team' };

export function fakeTagMap(): TagMap {
  const q = (id: string, tags: string[], apiFill = false): Question => ({
    id,
    text: id,
    displayType: ['NPS', 'CSAT', 'CES'].includes(tags[0]!) ? 'Scale' : 'Text',
    multiSelect: null,
    questionTags: tags,
    apiFill,
    isRetired: false,
    setName: 'post-call',
    sequence: 1,
  });
  const byId = new Map<string, Question>([
    [Q.nps, q(Q.nps, ['NPS'])],
    [Q.csat, q(Q.csat, ['CSAT', 'csat_satisfaction_5'])],
    [Q.ces, q(Q.ces, ['CES', 'ces_agree_7'])],
    [Q.comment, q(Q.comment, ['Comments'])],
    [Q.agent, q(Q.agent, ['cc_AgentId'], true)],
    [Q.team, q(Q.team, ['cc_TeamId'], true)],
  ]);
  return {
    nps: [{ id: Q.nps, questionnaire: 'post-call', scale: { min: 0, max: 10 } }],
    csat: [{ id: Q.csat, questionnaire: 'post-call', scale: { min: 1, max: 5 }, variant: 'csat_satisfaction_5' }],
    ces: [{ id: Q.ces, questionnaire: 'post-call', scale: { min: 1, max: 7 }, variant: 'ces_agree_7' }],
    comments: [Q.comment],
    identity: { customerId: [], mobile: [], email: [], name: [] },
    context: { cc_AgentId: [Q.agent], cc_TeamId: [Q.team] },
    byId,
    hidden: new Set([Q.agent, Q.team]),
  };
}

export interface AnswerSpec {
  id: string;
  time: string;
  agent: string;
  team: string;
  nps?: number;
  csat?: number;
  ces?: number;
  comment?: string;
}

export function answer(s: AnswerSpec): Answer {
  const num = (questionId: string, v: number | undefined) =>
    v === undefined ? [] : [{ questionId, questionText: questionId, textInput: null, numberInput: v }];
  const text = (questionId: string, v: string | undefined) =>
    v === undefined ? [] : [{ questionId, questionText: questionId, textInput: v, numberInput: 0 }]; // as real WxM
  return {
    id: s.id,
    user: 'survey',
    locationId: 'post-call',
    responseDateTime: s.time,
    responseDuration: 30,
    surveyClient: 'voice',
    responses: [
      ...text(Q.agent, s.agent),
      ...text(Q.team, s.team),
      ...num(Q.nps, s.nps),
      ...num(Q.csat, s.csat),
      ...num(Q.ces, s.ces),
      ...text(Q.comment, s.comment),
    ],
    archived: false,
    notes: null,
    openTicket: null,
    deviceId: null,
  };
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

export class FakeWxm implements WxmApi {
  calls: { kind: string; filter?: FilterBy }[] = [];
  /** Makes every call fail with this error. */
  failWith?: Error;
  /** Malformed records the first page of every stream reports (dropped by a real client). */
  malformedPerStream = 0;
  /** Resolve streamed pages only when released (to test aborts). */
  gate?: Promise<void>;
  constructor(
    public answers: Answer[],
    public settingsValue: WxmSettings = { timeZoneOffset: 0, npsRange: '7,8', locationList: [] },
  ) {}

  private check() {
    if (this.failWith) throw this.failWith;
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
    return fakeTagMap();
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
    for (let i = 0; i < all.length && i < max; i += size) {
      if (this.gate) await this.gate;
      if (o.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      yield { answers: all.slice(i, Math.min(i + size, max)), malformed: i === 0 ? this.malformedPerStream : 0, totalCount: all.length };
    }
    if (all.length === 0) yield { answers: [], malformed: this.malformedPerStream, totalCount: 0 };
  }
  async count(filter: FilterBy) {
    return this.answers.filter((a) => matches(a, filter)).length;
  }
  async flashNps(filter: FilterBy): Promise<FlashNps> {
    this.calls.push({ kind: 'flash', filter });
    this.check();
    const values = this.answers
      .filter((a) => matches(a, filter))
      .flatMap((a) => a.responses.filter((r) => r.questionId === Q.nps && typeof r.numberInput === 'number'))
      .map((r) => r.numberInput!);
    const promoters = values.filter((v) => v >= 9).length;
    const detractors = values.filter((v) => v <= 6).length;
    return {
      totalResponses: values.length,
      netPromoter: {
        questionID: Q.nps,
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
