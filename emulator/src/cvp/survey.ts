/**
 * Plays CVP's post-call survey over real HTTP, as the CVP–WxM integration does it: a WxM token from Cloud Connect
 * (`/cherrypoint/authtoken`), the questionnaire, a survey token carrying the call context as hidden prefills, then
 * the caller's answers (inline for voice; deferred for an SMS/email link, answered later with answerSurvey).
 * WxM faults (5xx, 429, network) are retried with back-off; the submission carries a client answer id, so a retry
 * after a lost reply is recognised by WxM as a replay: nothing is lost and nothing doubled.
 */
import { randomUUID } from 'node:crypto';
import type { Question, SurveyTokenResponse } from '../../../shared/wxm/types.js';
import { mulberry32, type Rng } from '../world/prng.js';

export interface CallContext {
  /** The agent's CCE skill target id (what cc_AgentId holds). */
  agentId: string;
  teamId: string;
  customerId?: string;
  /** "+digits" */
  mobile?: string;
  email?: string;
  queueId?: string;
  channel: 'voice' | 'sms' | 'email';
}

export interface SurveyAnswers { nps?: number; csat?: number; ces?: number; comment?: string }

export interface RetryOptions {
  /** Tries per request (default 5). */
  attempts?: number;
  /** First back-off (default 200 ms, doubling); a Retry-After header wins, capped at 5 s. */
  backoffMs?: number;
}

export interface PostCallSurveyOptions extends RetryOptions {
  wxmUrl: string;
  /** Where Cloud Connect's token service lives (the emulator serves it on the Finesse origin). */
  cloudConnectUrl: string;
  call: CallContext;
  /** Scripted answers; missing ones are drawn from `seed`. */
  answers?: SurveyAnswers;
  /** Hand out the token instead of answering now (default: true for sms/email, false for voice). */
  deferred?: boolean;
  seed?: number;
  /** Questionnaire name; default "Post-call voice" for voice, "Digital follow-up" otherwise. */
  questionnaire?: string;
}

export interface PostCallSurveyResult { surveyToken: string; answerId?: string; deferred: boolean }

export class SurveyError extends Error {
  constructor(readonly step: string, readonly status?: number) {
    super(`post-call survey failed at ${step}${status ? ` (${status})` : ''}`);
  }
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** fetch with retries on 5xx/429/network errors; returns the final Response (ok or a non-retryable error). */
async function fetchRetry(step: string, url: string, init: RequestInit, opts: RetryOptions): Promise<Response> {
  const attempts = opts.attempts ?? 5;
  let delay = opts.backoffMs ?? 200;
  for (let k = 1; ; k++) {
    let res: Response | undefined;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
      if (!RETRYABLE(res.status)) return res;
    } catch {
      // network error or timeout: retry below
    }
    if (k >= attempts) throw new SurveyError(step, res?.status);
    const retryAfter = Number(res?.headers.get('retry-after'));
    await res?.body?.cancel().catch(() => undefined);
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(5000, retryAfter * 1000) : delay);
    delay *= 2;
  }
}

async function json<T>(step: string, res: Response): Promise<T> {
  if (!res.ok) throw new SurveyError(step, res.status);
  return (await res.json()) as T;
}

const tagged = (qs: Question[], tag: string) =>
  qs.find((q) => q.questionTags?.some((t) => t.toLowerCase() === tag.toLowerCase()));

/** "1;Very difficult-7;Very easy" → [1, 7] */
function scaleOf(q: Question, fallback: [number, number]): [number, number] {
  const m = /^(-?\d+);.*-(\d+);/.exec(q.multiSelect?.[0] ?? '');
  return m ? [Number(m[1]), Number(m[2])] : fallback;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** The caller's replies, as `responses` for POST /api/SurveyByToken. */
export function buildResponses(questions: Question[], answers: SurveyAnswers = {}, rng: Rng = mulberry32(Date.now() >>> 0)) {
  const nps = answers.nps ?? clamp(rng.normal(7.5, 2.5), 0, 10);
  const out: { questionId: string; textInput: string | null; numberInput: number | null }[] = [];
  const npsQ = tagged(questions, 'NPS');
  if (npsQ) out.push({ questionId: npsQ.id, textInput: null, numberInput: nps });
  const csatQ = tagged(questions, 'CSAT');
  if (csatQ) {
    const [lo, hi] = scaleOf(csatQ, [1, 5]);
    out.push({ questionId: csatQ.id, textInput: null, numberInput: answers.csat ?? clamp(lo + ((hi - lo) * nps) / 10 + rng.normal(0, 0.6), lo, hi) });
  }
  const cesQ = tagged(questions, 'CES');
  if (cesQ) {
    const [lo, hi] = scaleOf(cesQ, [1, 7]);
    out.push({ questionId: cesQ.id, textInput: null, numberInput: answers.ces ?? clamp(lo + ((hi - lo) * nps) / 10 + rng.normal(0, 0.8), lo, hi) });
  }
  const commentQ = tagged(questions, 'Comments');
  const comment = answers.comment ?? (rng.chance(0.4) ? rng.pick(nps >= 9 ? ['Great help, thanks!', 'Quick and friendly.'] : nps >= 7 ? ['OK, a bit slow.'] : ['Took far too long.', 'Still not solved.']) : undefined);
  if (commentQ && comment !== undefined) out.push({ questionId: commentQ.id, textInput: comment, numberInput: null });
  return out;
}

/** Answer a survey token as the customer would (no WxM auth: the token is the credential). Returns the answer id. */
export async function answerSurvey(wxmUrl: string, token: string, answers: SurveyAnswers = {}, opts: RetryOptions & { seed?: number } = {}): Promise<string | undefined> {
  const url = `${wxmUrl.replace(/\/$/, '')}/api/SurveyByToken/${encodeURIComponent(token)}`;
  const questions = await json<Question[]>('survey questions', await fetchRetry('survey questions', url, {}, opts));
  const responses = buildResponses(questions, answers, mulberry32((opts.seed ?? Date.now()) >>> 0));
  // One client id for every retry of this submission: WxM stores it once.
  const body = JSON.stringify({ id: randomUUID(), responseDateTime: new Date().toISOString(), responses });
  const res = await fetchRetry('survey submit', url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, opts);
  const stored = await json<{ id?: unknown }>('survey submit', res);
  return typeof stored?.id === 'string' ? stored.id : undefined;
}

export async function runPostCallSurvey(opts: PostCallSurveyOptions): Promise<PostCallSurveyResult> {
  const wxm = opts.wxmUrl.replace(/\/$/, '');
  const { call } = opts;
  const deferred = opts.deferred ?? call.channel !== 'voice';
  const location = opts.questionnaire ?? (call.channel === 'voice' ? 'Post-call voice' : 'Digital follow-up');

  let bearer = '';
  const refreshToken = async () => {
    const res = await fetchRetry('cloud connect token', `${opts.cloudConnectUrl.replace(/\/$/, '')}/cherrypoint/authtoken`, {}, opts);
    const body = await json<{ access_token?: string }>('cloud connect token', res);
    if (typeof body.access_token !== 'string') throw new SurveyError('cloud connect token');
    bearer = body.access_token;
  };
  /** An authorised WxM call: one token refresh on 401, never a loop. */
  const wxmPost = async <T>(step: string, path: string, payload: unknown): Promise<T> => {
    const send = () => fetchRetry(step, wxm + path, {
      method: 'POST', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: JSON.stringify(payload),
    }, opts);
    let res = await send();
    if (res.status === 401) {
      await res.body?.cancel().catch(() => undefined);
      await refreshToken();
      res = await send();
    }
    return json<T>(step, res);
  };

  await refreshToken();
  const questions = await wxmPost<Question[]>('questionnaire', '/api/Questions/Questionnaire', { name: location });
  if (!Array.isArray(questions) || questions.length === 0) throw new SurveyError('questionnaire');
  const prefills: [string, string | undefined][] = [
    ['cc_AgentId', call.agentId], ['cc_TeamId', call.teamId], ['cc_CustomerId', call.customerId],
    ['cc_QueueId', call.queueId], ['Mobile', call.mobile], ['Email', call.email],
  ];
  const preFill = prefills.flatMap(([tag, value]) => {
    const q = value ? tagged(questions, tag) : undefined;
    return q ? [{ questionId: q.id, questionText: q.text, textInput: value!, numberInput: null }] : [];
  });
  const validTill = new Date(Date.now() + (deferred ? 7 * 86_400_000 : 3_600_000)).toISOString();
  const token = await wxmPost<SurveyTokenResponse>('survey token', '/api/SurveyToken', {
    location, validUses: 1, validTill, preFill, channel: call.channel, note: 'CVP post-call survey',
  });
  if (typeof token?.id !== 'string') throw new SurveyError('survey token');
  if (deferred) return { surveyToken: token.id, deferred: true };
  const answerId = await answerSurvey(wxm, token.id, opts.answers, { ...opts, seed: opts.seed });
  return { surveyToken: token.id, answerId, deferred: false };
}
