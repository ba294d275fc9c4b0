/**
 * Survey tokens, as CVP and web/SMS/email surveys use them: created with hidden prefills and a validity
 * (uses, expiry), answered once per use. A submission that repeats a client-chosen answer id (`id`/`Id` in the
 * body, as WxM's own web survey sends) is a replay: it returns the stored answer and never stores a second one.
 *
 * Error bodies for unusable tokens were not found in any public source (assumed, ASP.NET style):
 *   unknown → 404 {"message":"Survey token not found."}
 *   expired → 400 {"message":"Survey token has expired."}
 *   used up → 400 {"message":"Survey token has already been used."}
 */
import { randomBytes } from 'node:crypto';
import type { Answer, Question, ResponseItem } from '../../../shared/wxm/types.js';
import { NUMERIC_DISPLAY } from '../world/catalogue.js';
import { addAnswer } from '../world/store.js';
import type { World } from '../world/types.js';
import { HttpError, INVALID } from './http.js';

export interface SurveyToken {
  id: string;
  user: string;
  location: string;
  validUses: number;
  validTill: string;
  preFill: ResponseItem[];
  /** surveyClient the answer gets: voice, sms, email, JS-MicroWeb. */
  surveyClient: string;
  note: string | null;
  created: string;
  /** client answer id → stored answer id (replays) */
  submissions: Map<string, string>;
  used: number;
}

/**
 * A response as WxM stores it: numberInput is a non-nullable integer, so a text/select/comment answer keeps
 * its value in textInput with numberInput 0; a numeric one its number (null here = not answered, never stored).
 */
function stored(q: Question, text: unknown, number: unknown): ResponseItem {
  if (NUMERIC_DISPLAY.has(q.displayType)) {
    return { questionId: q.id, questionText: q.text, textInput: null,
      numberInput: typeof number === 'number' && Number.isFinite(number) ? Math.round(number) : null };
  }
  const value = typeof text === 'string' ? text : typeof number === 'number' && Number.isFinite(number) ? String(number) : null;
  return { questionId: q.id, questionText: q.text, textInput: value, numberInput: 0 };
}

const CLIENTS: Record<string, string> = { voice: 'voice', ivr: 'voice', sms: 'sms', email: 'email', web: 'JS-MicroWeb' };
const WEEK = 7 * 86_400_000;

export class SurveyTokenStore {
  readonly tokens = new Map<string, SurveyToken>();
  private answerCounter = 0;

  constructor(private readonly world: World) {}

  private questionnaire(name: string): Question[] {
    return this.world.questions.filter((q) => q.setName === name);
  }

  create(body: Record<string, unknown> | undefined, user: string): SurveyToken {
    if (!body || typeof body.location !== 'string' || this.questionnaire(body.location).length === 0) {
      throw new HttpError(400, { message: 'Invalid location.' });
    }
    const questions = new Map(this.questionnaire(body.location).map((q) => [q.id, q]));
    const validUses = body.validUses === undefined || body.validUses === null ? 1 : Number(body.validUses);
    const validTill = body.validTill ? Date.parse(String(body.validTill)) : Date.now() + WEEK;
    if (!Number.isInteger(validUses) || validUses < 1 || Number.isNaN(validTill)) throw new HttpError(400, INVALID);
    const preFill: ResponseItem[] = [];
    for (const p of Array.isArray(body.preFill) ? (body.preFill as Record<string, unknown>[]) : []) {
      const q = p && typeof p.questionId === 'string' ? questions.get(p.questionId) : undefined;
      if (!q) throw new HttpError(400, { message: 'Invalid prefill question.' });
      preFill.push(stored(q, p.textInput, p.numberInput));
    }
    const channel = typeof body.channel === 'string' ? body.channel : 'web';
    const token: SurveyToken = {
      id: `EMU-${randomBytes(6).toString('base64url')}`,
      user, location: body.location, validUses, validTill: new Date(validTill).toISOString(), preFill,
      surveyClient: CLIENTS[channel.toLowerCase()] ?? channel,
      note: typeof body.note === 'string' ? body.note : null,
      created: new Date().toISOString(), submissions: new Map(), used: 0,
    };
    this.tokens.set(token.id, token);
    return token;
  }

  /** The wire view of a token (no internal bookkeeping). */
  describe(t: SurveyToken) {
    return { id: t.id, user: t.user, location: t.location, validUses: t.validUses - t.used, validTill: t.validTill,
      preFill: t.preFill, channel: t.surveyClient, note: t.note, created: t.created };
  }

  private usable(id: string): SurveyToken {
    const t = this.tokens.get(id);
    if (!t) throw new HttpError(404, { message: 'Survey token not found.' });
    if (Date.parse(t.validTill) <= Date.now()) throw new HttpError(400, { message: 'Survey token has expired.' });
    if (t.used >= t.validUses) throw new HttpError(400, { message: 'Survey token has already been used.' });
    return t;
  }

  /** What the respondent sees: the questionnaire's visible, active questions. */
  questions(id: string): Question[] {
    const t = this.usable(id);
    return this.questionnaire(t.location).filter((q) => !q.apiFill && !q.isRetired);
  }

  submit(id: string, body: Record<string, unknown> | undefined): Answer {
    const clientId = body && typeof (body.id ?? body.Id) === 'string' ? String(body.id ?? body.Id) : undefined;
    const replay = clientId ? this.tokens.get(id)?.submissions.get(clientId) : undefined;
    if (replay) return this.world.answers.get(replay)!;
    const t = this.usable(id);
    if (!body || !Array.isArray(body.responses)) throw new HttpError(400, INVALID);
    const visible = new Map(this.questions(id).map((q) => [q.id, q]));
    const given = new Map<string, ResponseItem>();
    for (const r of body.responses as Record<string, unknown>[]) {
      const q = r && typeof r.questionId === 'string' ? visible.get(r.questionId) : undefined;
      if (!q) continue; // hidden fields come from the token, unknown ids are dropped
      const item = stored(q, typeof r.textInput === 'string' && r.textInput !== '' ? r.textInput : null, r.numberInput);
      if (NUMERIC_DISPLAY.has(q.displayType) ? item.numberInput !== null : item.textInput !== null) given.set(q.id, item);
    }
    for (const p of t.preFill) given.set(p.questionId, p);
    const order = new Map(this.questionnaire(t.location).map((q) => [q.id, q.sequence]));
    const responses = [...given.values()].sort((a, b) => order.get(a.questionId)! - order.get(b.questionId)!);
    const now = Date.now();
    const answer: Answer = {
      id: `6a${(now % 0xffffffff).toString(16).padStart(8, '0')}${(++this.answerCounter).toString(16).padStart(6, '0')}${randomBytes(4).toString('hex')}`,
      user: t.user, locationId: t.location, responseDateTime: new Date(now).toISOString(),
      responseDuration: typeof body.responseDuration === 'number' ? body.responseDuration : Math.min(3600, Math.round((now - Date.parse(t.created)) / 1000)),
      surveyClient: t.surveyClient, responses, archived: false, notes: null, openTicket: null,
      deviceId: t.surveyClient === 'voice' ? 'CVP-01' : null,
    };
    addAnswer(this.world, answer);
    t.used += 1;
    if (clientId) t.submissions.set(clientId, answer.id);
    return answer;
  }
}
