/**
 * What one survey and one caller's history look like on screen, computed from the wire records.
 * Pure: the components only format these.
 */
import type { TagMap } from '../../shared/wxm/api.js';
import type { Answer, Note } from '../../shared/wxm/types.js';
import { answerText, numberAnswer, valueKind } from '../../shared/wxm/answer-value.js';
import type { NpsBands } from '../../shared/metrics/types.js';
import { contextValue, scoreClass, type MetricName, type ScoreClass } from '../../shared/metrics/index.js';
import type { CallerId } from '../../shared/finesse/types.js';
import { channelOf, type Channel } from './query.js';

export interface Score {
  metric: MetricName;
  value: number;
  scaleMax: number;
  klass: ScoreClass;
}

export interface Detail {
  questionId: string;
  text: string;
  value: string;
}

export interface EntryModel {
  id: string;
  when: Date;
  channel: Channel;
  questionnaire: string;
  scores: Score[];
  /** Untrusted customer text: render as text only. */
  comment: string | null;
  agentId?: string;
  teamId?: string;
  /** Loop-closure ticket status ("Open", "Resolved", ...), when a ticket exists. */
  ticket: string | null;
  /** The ticket is still open (not resolved, closed or declined): it stands out. */
  ticketOpen: boolean;
  /** Every answered question the agent may see (never hidden/PII/identity questions). */
  details: Detail[];
  /** Notes on the response (follow-ups written in WxM); untrusted text. */
  notes: Note[];
}

const METRICS: readonly MetricName[] = ['nps', 'csat', 'ces'];

const CLOSED_TICKET = /^(resolved|closed|declined)$/i;
const isOpenTicket = (a: Answer): boolean => !!a.openTicket?.status && !CLOSED_TICKET.test(String(a.openTicket.status));

/**
 * Customer text rendered at first: a 1 MB comment laid out in full freezes the whole desktop for seconds (its
 * gadgets share one thread; about 7 ms per 1,000 characters in Chromium). More is shown on demand, a step at a time.
 */
export const TEXT_CAP = 2_000;
export const TEXT_STEP = 10_000;

/** The first `max` characters of `text` and an ellipsis, or all of it (never half a surrogate pair). */
export function capped(text: string, max = TEXT_CAP): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** The answer's value for a metric (first question carrying it that was answered). */
export function scoreOf(answer: Answer, metric: MetricName, tagMap: TagMap, bands: NpsBands): Score | null {
  for (const q of tagMap[metric]) {
    const r = answer.responses.find((x) => x.questionId === q.id);
    const value = r && numberAnswer(r, valueKind(tagMap.byId.get(q.id)));
    if (value !== undefined) {
      return { metric, value, scaleMax: q.scale.max, klass: scoreClass(metric, value, q.scale.max, bands) };
    }
  }
  return null;
}

export function commentOf(answer: Answer, tagMap: TagMap): string | null {
  for (const id of tagMap.comments) {
    const r = answer.responses.find((x) => x.questionId === id);
    const text = r && answerText(r, 'text'); // free text by its tag, whatever its numberInput
    if (text) return text;
  }
  return null;
}

/** Questions never shown in the expanded entry: hidden (apiFill / PII) and the caller's own identity answers. */
function invisible(tagMap: TagMap): Set<string> {
  const { customerId, mobile, email, name } = tagMap.identity;
  return new Set([...tagMap.hidden, ...customerId, ...mobile, ...email, ...name]);
}

export function entryModel(answer: Answer, tagMap: TagMap, bands: NpsBands): EntryModel {
  const skip = invisible(tagMap);
  const details: Detail[] = [];
  for (const r of answer.responses) {
    // Only questions the tag map knows: an unknown question could be PII we were not told about.
    const q = tagMap.byId.get(r.questionId);
    if (!q || skip.has(q.id) || q.apiFill || q.piiSettings?.isPII || q.restrictedData || q.sensitiveData) continue;
    // Never "0" for a text or select answer: WxM sends numberInput 0 with every one of them.
    const value = answerText(r, valueKind(q));
    if (value) details.push({ questionId: q.id, text: q.text || r.questionText, value });
  }
  return {
    id: answer.id,
    when: new Date(answer.responseDateTime),
    channel: channelOf(answer.surveyClient),
    questionnaire: answer.locationId,
    scores: METRICS.map((m) => scoreOf(answer, m, tagMap, bands)).filter((s): s is Score => s !== null),
    comment: commentOf(answer, tagMap),
    agentId: contextValue(answer, tagMap, 'cc_AgentId'),
    teamId: contextValue(answer, tagMap, 'cc_TeamId'),
    ticket: answer.openTicket?.status ? String(answer.openTicket.status) : null,
    ticketOpen: isOpenTicket(answer),
    notes: answer.notes ?? [],
    details,
  };
}

export interface Day {
  /** The first entry's time: names the local day. */
  day: Date;
  entries: EntryModel[];
}

/** Entries (newest first) grouped by local calendar day, in the same order. */
export function groupByDay(entries: readonly EntryModel[]): Day[] {
  const days = new Map<string, Day>();
  for (const e of entries) {
    const key = e.when.toDateString();
    const day = days.get(key);
    if (day) day.entries.push(e);
    else days.set(key, { day: e.when, entries: [e] });
  }
  return [...days.values()];
}

/** Two scores are a coincidence, not a trend. */
export const MIN_TREND = 3;

export type Trend = 'improving' | 'declining' | 'steady';

export interface Brief {
  /** The newest score of each metric, with when it was given. */
  last: Array<Score & { at: Date }>;
  lastSurveyAt: Date | null;
  /** From the first metric with MIN_TREND or more values (NPS first); null when no metric has that many. */
  trend: { metric: MetricName; direction: Trend } | null;
  detractors90: number;
  /** false when older pages may hold more detractors within 90 days (show "n+"). */
  detractorsComplete: boolean;
  lastComment: { text: string; at: Date } | null;
}

const DAY_MS = 86_400_000;
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Direction of a caller's scores (values newest first): the mean of the newest few against the mean of the few
 * before, with a dead band of a tenth of the scale so that one point of noise on a 0–10 scale reads "steady".
 */
export function trendOf(valuesNewestFirst: readonly number[], scaleMax: number): Trend | null {
  if (valuesNewestFirst.length < MIN_TREND) return null;
  const k = Math.min(3, Math.ceil(valuesNewestFirst.length / 2));
  const recent = valuesNewestFirst.slice(0, k);
  const before = valuesNewestFirst.slice(k, k + 3);
  const delta = mean(recent) - mean(before);
  const band = scaleMax / 10;
  if (delta >= band) return 'improving';
  if (delta <= -band) return 'declining';
  return 'steady';
}

/** The caller brief from the loaded answers (newest first). `complete`: no more pages on the server. */
export function buildBrief(answersNewestFirst: readonly Answer[], tagMap: TagMap, bands: NpsBands, now: Date, complete: boolean): Brief {
  const last: Brief['last'] = [];
  let trend: Brief['trend'] = null;
  for (const metric of METRICS) {
    const scores = answersNewestFirst
      .map((a) => ({ a, s: scoreOf(a, metric, tagMap, bands) }))
      .filter((x): x is { a: Answer; s: Score } => x.s !== null);
    const newest = scores[0];
    if (newest) last.push({ ...newest.s, at: new Date(newest.a.responseDateTime) });
    const direction = trendOf(
      scores.map((x) => x.s.value),
      newest?.s.scaleMax ?? 10,
    );
    if (!trend && direction) trend = { metric, direction };
  }
  const since = now.getTime() - 90 * DAY_MS;
  const recent = answersNewestFirst.filter((a) => Date.parse(a.responseDateTime) >= since);
  const detractors90 = recent.filter((a) => scoreOf(a, 'nps', tagMap, bands)?.klass === 'bad').length;
  const oldest = answersNewestFirst[answersNewestFirst.length - 1];
  const reachesBack = !!oldest && Date.parse(oldest.responseDateTime) < since;
  let lastComment: Brief['lastComment'] = null;
  for (const a of answersNewestFirst) {
    const text = commentOf(a, tagMap);
    if (text) {
      lastComment = { text, at: new Date(a.responseDateTime) };
      break;
    }
  }
  const first = answersNewestFirst[0];
  return {
    last,
    lastSurveyAt: first ? new Date(first.responseDateTime) : null,
    trend,
    detractors90,
    detractorsComplete: complete || reachesBack,
    lastComment,
  };
}

/** Who the caller is, at a glance (from the unfiltered journey). */
export interface CallerHeader {
  /** From a Name-tagged answer (newest first), when one was given. */
  name: string | null;
  /** The identifiers searched, as shown (phone and email masked when `maskPii` is on). */
  ids: CallerId[];
  /** Surveys on the server. */
  total: number;
  /** The oldest survey, when every page is loaded. */
  since: Date | null;
  /** Why the caller may well call again: an open loop-closure ticket, or a detractor response within 7 days. */
  risk: 'ticket' | 'detractor' | null;
  /** The survey behind the risk (the banner links to it). */
  riskAnswerId: string | null;
}


/** "+447913221676" → "••• 1676"; "jane.doe@example.com" → "j•••@example.com"; anything else as it is. */
export function maskPii(id: CallerId): string {
  if (id.kind === 'mobile' || id.kind === 'ani') return `••• ${id.value.slice(-4)}`;
  const at = id.value.indexOf('@');
  return id.kind === 'email' && at > 0 ? `${id.value[0]}•••${id.value.slice(at)}` : id.value;
}

export function callerHeader(
  callerIds: readonly CallerId[],
  data: { answers: readonly Answer[]; tagMap: TagMap; bands: NpsBands; totalCount: number; hasMore: boolean },
  now: Date,
  mask: boolean,
): CallerHeader {
  const { answers, tagMap, bands } = data;
  let name: string | null = null;
  for (const a of answers) {
    const r = a.responses.find((x) => tagMap.identity.name.includes(x.questionId));
    const text = r && answerText(r, 'text')?.trim();
    if (text) {
      name = text;
      break;
    }
  }
  const week = now.getTime() - 7 * DAY_MS;
  const ticket = answers.find(isOpenTicket);
  const detractor = answers.find((a) => Date.parse(a.responseDateTime) >= week && scoreOf(a, 'nps', tagMap, bands)?.klass === 'bad');
  const oldest = answers[answers.length - 1];
  return {
    name,
    ids: callerIds.map((id) => (mask ? { ...id, value: maskPii(id) } : id)),
    total: data.totalCount,
    since: oldest && !data.hasMore ? new Date(oldest.responseDateTime) : null,
    risk: ticket ? 'ticket' : detractor ? 'detractor' : null,
    riskAnswerId: (ticket ?? detractor)?.id ?? null,
  };
}

