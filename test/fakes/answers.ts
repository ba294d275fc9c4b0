/**
 * Builders for WxM records: a question, an answer envelope, a tag map, and the two fixture sets the gadget tests
 * use (one customer's history for the journey; a team's answers with agent/team context for analytics).
 */
import type { TagMap } from '../../shared/wxm/api.js';
import { emptyTagMap } from '../../shared/wxm/tag-map.js';
import type { Answer, Question } from '../../shared/wxm/types.js';
import type { MetricsSummary } from '../../shared/metrics/types.js';

/** A question with neutral defaults (a visible Text question of "PostCall"). */
export function questionOf(over: Partial<Question> & { id: string }): Question {
  return {
    text: `Question ${over.id}`,
    displayType: 'Text',
    multiSelect: null,
    questionTags: [],
    apiFill: false,
    isRetired: false,
    setName: 'PostCall',
    sequence: 1,
    ...over,
  };
}

/** An answer envelope with neutral defaults (no notes, no ticket, not archived). */
export function answerOf(over: Partial<Answer> & { id: string }): Answer {
  return {
    user: 'u',
    locationId: 'post-call',
    responseDateTime: '2026-03-02T10:00:00Z',
    responseDuration: 30,
    surveyClient: 'voice',
    responses: [],
    archived: false,
    notes: null,
    openTicket: null,
    deviceId: null,
    ...over,
  };
}

/** A tag map with nothing discovered, plus what the test sets. */
export const tagMapOf = (over: Partial<TagMap> = {}): TagMap => ({ ...emptyTagMap(), ...over });

// ---- One customer's history (journey) ----

export const CUSTOMER_QUESTIONS = {
  nps: questionOf({ id: 'q-nps', questionTags: ['NPS'], displayType: 'Scale', text: 'How likely to recommend?' }),
  csat: questionOf({ id: 'q-csat', questionTags: ['CSAT', 'csat_satisfaction_5'], displayType: 'Scale', text: 'How satisfied?' }),
  comment: questionOf({ id: 'q-comment', questionTags: ['Comments'], text: 'Anything else?' }),
  reason: questionOf({ id: 'q-reason', text: 'Reason for calling' }),
  customerId: questionOf({ id: 'q-cust', questionTags: ['cc_CustomerId'], apiFill: true }),
  customerId2: questionOf({ id: 'q-cust2', questionTags: ['cc_CustomerId'], apiFill: true, setName: 'Email' }),
  mobile: questionOf({ id: 'q-mobile', questionTags: ['Mobile'] }),
  email: questionOf({ id: 'q-email', questionTags: ['Email'] }),
  agent: questionOf({ id: 'q-agent', questionTags: ['cc_AgentId'], apiFill: true }),
  team: questionOf({ id: 'q-team', questionTags: ['cc_TeamId'], apiFill: true }),
  secret: questionOf({ id: 'q-secret', piiSettings: { isPII: true, piiType: 'address' }, text: 'Home address' }),
};

export function customerTagMap(identity: Partial<TagMap['identity']> = {}): TagMap {
  const all = Object.values(CUSTOMER_QUESTIONS);
  return tagMapOf({
    nps: [{ id: 'q-nps', questionnaire: 'PostCall', scale: { min: 0, max: 10 } }],
    csat: [{ id: 'q-csat', questionnaire: 'PostCall', scale: { min: 1, max: 5 }, variant: 'csat_satisfaction_5' }],
    comments: ['q-comment'],
    identity: { customerId: ['q-cust'], mobile: ['q-mobile'], email: ['q-email'], name: [], ...identity },
    context: { cc_AgentId: ['q-agent'], cc_TeamId: ['q-team'] },
    byId: new Map(all.map((x) => [x.id, x])),
    hidden: new Set(all.filter((x) => x.apiFill || x.piiSettings?.isPII).map((x) => x.id)),
  });
}

let customerSeq = 0;
/** One of customer C-1's answers, `daysAgo` days before `now`, with a hidden field, a PII field and an unknown question. */
export function customerAnswer(
  daysAgo: number,
  values: { nps?: number; csat?: number; comment?: string; reason?: string } = {},
  now = new Date(),
): Answer {
  const text = (questionId: string, textInput: string, questionText = '') => ({ questionId, questionText, textInput, numberInput: null });
  const num = (questionId: string, numberInput: number) => ({ questionId, questionText: '', textInput: null, numberInput });
  const responses: Answer['responses'] = [
    text('q-cust', 'C-1'),
    text('q-mobile', '+15550100'),
    text('q-agent', '5001'),
    text('q-team', '200'),
    text('q-secret', '1 Secret Way', 'Home address'),
    text('q-unknown', 'mystery', 'Unknown'),
  ];
  if (values.nps !== undefined) responses.push(num('q-nps', values.nps));
  if (values.csat !== undefined) responses.push(num('q-csat', values.csat));
  if (values.comment !== undefined) responses.push(text('q-comment', values.comment));
  if (values.reason !== undefined) responses.push(text('q-reason', values.reason));
  return answerOf({
    id: `a-${++customerSeq}`,
    user: 'x',
    locationId: 'PostCall',
    responseDateTime: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    responses,
  });
}

// ---- A team's answers with agent/team context (analytics) ----

export const TEAM_Q = { nps: 'q-nps', csat: 'q-csat', ces: 'q-ces', comment: 'q-comment', agent: 'q-agent', team: 'q-team' };

export function teamTagMap(): TagMap {
  const q = (id: string, tags: string[], apiFill = false) =>
    questionOf({ id, text: id, displayType: ['NPS', 'CSAT', 'CES'].includes(tags[0]!) ? 'Scale' : 'Text', questionTags: tags, apiFill, setName: 'post-call' });
  const Q = TEAM_Q;
  return tagMapOf({
    nps: [{ id: Q.nps, questionnaire: 'post-call', scale: { min: 0, max: 10 } }],
    csat: [{ id: Q.csat, questionnaire: 'post-call', scale: { min: 1, max: 5 }, variant: 'csat_satisfaction_5' }],
    ces: [{ id: Q.ces, questionnaire: 'post-call', scale: { min: 1, max: 7 }, variant: 'ces_agree_7' }],
    comments: [Q.comment],
    context: { cc_AgentId: [Q.agent], cc_TeamId: [Q.team] },
    byId: new Map([
      [Q.nps, q(Q.nps, ['NPS'])],
      [Q.csat, q(Q.csat, ['CSAT', 'csat_satisfaction_5'])],
      [Q.ces, q(Q.ces, ['CES', 'ces_agree_7'])],
      [Q.comment, q(Q.comment, ['Comments'])],
      [Q.agent, q(Q.agent, ['cc_AgentId'], true)],
      [Q.team, q(Q.team, ['cc_TeamId'], true)],
    ]),
    hidden: new Set([Q.agent, Q.team]),
  });
}

export interface TeamAnswerSpec {
  id: string;
  time: string;
  agent: string;
  team: string;
  nps?: number;
  csat?: number;
  ces?: number;
  comment?: string;
}

export function teamAnswer(s: TeamAnswerSpec): Answer {
  const Q = TEAM_Q;
  const num = (questionId: string, v: number | undefined) =>
    v === undefined ? [] : [{ questionId, questionText: questionId, textInput: null, numberInput: v }];
  const text = (questionId: string, v: string | undefined) =>
    v === undefined ? [] : [{ questionId, questionText: questionId, textInput: v, numberInput: 0 }]; // as real WxM
  return answerOf({
    id: s.id,
    user: 'survey',
    responseDateTime: s.time,
    responses: [
      ...text(Q.agent, s.agent),
      ...text(Q.team, s.team),
      ...num(Q.nps, s.nps),
      ...num(Q.csat, s.csat),
      ...num(Q.ces, s.ces),
      ...text(Q.comment, s.comment),
    ],
  });
}

/** A summary with the NPS counts set, with their 95% interval (docs/metrics.md); CSAT and CES empty unless given. */
export function npsSummary(promoters: number, passives: number, detractors: number, rest: Partial<MetricsSummary> = {}): MetricsSummary {
  const n = promoters + passives + detractors;
  const p = promoters / n;
  const d = detractors / n;
  const score = 100 * (p - d);
  const half = 196 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return {
    nps: { n, promoters, passives, detractors, score, interval: { low: Math.max(-100, score - half), high: Math.min(100, score + half) }, lowSample: n < 10 },
    csat: { n: 0, top2: 0, share: null, mean: null, interval: null, lowSample: false },
    ces: { n: 0, mean: null, sd: null, easyShare: null, scaleMax: 5, interval: null, lowSample: false },
    answers: n,
    ...rest,
  };
}
