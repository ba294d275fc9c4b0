/** Fakes for the journey's unit tests: a tag map, answers and a WxmApi whose pages the test controls. */
import type { TagMap, WxmApi } from '../../shared/wxm/api.js';
import type { Answer, FilterBy, Question } from '../../shared/wxm/types.js';
import type { CallInfo, CallerId } from '../../shared/finesse/types.js';

const q = (id: string, tags: string[], extra: Partial<Question> = {}): Question => ({
  id,
  text: `Question ${id}`,
  displayType: 'Text',
  multiSelect: null,
  questionTags: tags,
  apiFill: false,
  isRetired: false,
  setName: 'PostCall',
  sequence: 1,
  ...extra,
});

export const QUESTIONS = {
  nps: q('q-nps', ['NPS'], { displayType: 'Scale', text: 'How likely to recommend?' }),
  csat: q('q-csat', ['CSAT', 'csat_satisfaction_5'], { displayType: 'Scale', text: 'How satisfied?' }),
  comment: q('q-comment', ['Comments'], { text: 'Anything else?' }),
  reason: q('q-reason', [], { text: 'Reason for calling' }),
  customerId: q('q-cust', ['cc_CustomerId'], { apiFill: true }),
  customerId2: q('q-cust2', ['cc_CustomerId'], { apiFill: true, setName: 'Email' }),
  mobile: q('q-mobile', ['Mobile']),
  email: q('q-email', ['Email']),
  agent: q('q-agent', ['cc_AgentId'], { apiFill: true }),
  team: q('q-team', ['cc_TeamId'], { apiFill: true }),
  secret: q('q-secret', [], { piiSettings: { isPII: true, piiType: 'address' }, text: 'Home address' }),
};

export function tagMap(overrides: Partial<TagMap['identity']> = {}): TagMap {
  const all = Object.values(QUESTIONS);
  return {
    nps: [{ id: 'q-nps', questionnaire: 'PostCall', scale: { min: 0, max: 10 } }],
    csat: [{ id: 'q-csat', questionnaire: 'PostCall', scale: { min: 1, max: 5 }, variant: 'csat_satisfaction_5' }],
    ces: [],
    comments: ['q-comment'],
    identity: { customerId: ['q-cust'], mobile: ['q-mobile'], email: ['q-email'], name: [], ...overrides },
    context: { cc_AgentId: ['q-agent'], cc_TeamId: ['q-team'] },
    byId: new Map(all.map((x) => [x.id, x])),
    hidden: new Set(all.filter((x) => x.apiFill || x.piiSettings?.isPII).map((x) => x.id)),
  };
}

let seq = 0;
export function answer(daysAgo: number, values: { nps?: number; csat?: number; comment?: string; reason?: string } = {}, now = new Date()): Answer {
  const responses: Answer['responses'] = [
    { questionId: 'q-cust', questionText: '', textInput: 'C-1', numberInput: null },
    { questionId: 'q-mobile', questionText: '', textInput: '+15550100', numberInput: null },
    { questionId: 'q-agent', questionText: '', textInput: '5001', numberInput: null },
    { questionId: 'q-team', questionText: '', textInput: '200', numberInput: null },
    { questionId: 'q-secret', questionText: 'Home address', textInput: '1 Secret Way', numberInput: null },
    { questionId: 'q-unknown', questionText: 'Unknown', textInput: 'mystery', numberInput: null },
  ];
  if (values.nps !== undefined) responses.push({ questionId: 'q-nps', questionText: '', textInput: null, numberInput: values.nps });
  if (values.csat !== undefined) responses.push({ questionId: 'q-csat', questionText: '', textInput: null, numberInput: values.csat });
  if (values.comment !== undefined) responses.push({ questionId: 'q-comment', questionText: '', textInput: values.comment, numberInput: null });
  if (values.reason !== undefined) responses.push({ questionId: 'q-reason', questionText: '', textInput: values.reason, numberInput: null });
  return {
    id: `a-${++seq}`,
    user: 'x',
    locationId: 'PostCall',
    responseDateTime: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    responseDuration: 30,
    surveyClient: 'voice',
    responses,
    archived: false,
    notes: null,
    openTicket: null,
    deviceId: null,
  };
}

export interface PageCall {
  filter: FilterBy;
  page: number;
  rows: number;
  signal?: AbortSignal;
  resolve(answers: Answer[], totalCount?: number, malformed?: number): void;
  reject(e: unknown): void;
}

/** A WxmApi whose answersPage calls wait until the test resolves them (or answer at once with `auto`). */
export class FakeWxm implements Partial<WxmApi> {
  calls: PageCall[] = [];
  auto?: (filter: FilterBy, page: number, rows: number) => { answers: Answer[]; totalCount: number; malformed?: number };
  constructor(readonly map: TagMap = tagMap()) {}

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

export function call(dialogId: string, callerIds: CallerId[], extra: Partial<CallInfo> = {}): CallInfo {
  return {
    dialogId,
    state: 'ALERTING',
    agentState: 'ALERTING',
    callType: 'ACD_IN',
    monitor: false,
    callerIds,
    withheld: false,
    ...extra,
  };
}

/** Let pending promise callbacks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
