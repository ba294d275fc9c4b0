/**
 * Run-time checks of WxM records. Real tenants send odd records; one bad record must not fail a view, so
 * every Answer and Question is checked, rebuilt with only the known fields (nothing else from the wire
 * travels on), and dropped and counted when it is unusable.
 *
 * Decision on out-of-scale numbers: a `numberInput` outside its question's scale (e.g. NPS 11) drops that
 * one response, not the whole answer — the rest (comments, other scores, context) is still true and useful.
 * Dropped responses are counted apart from dropped records. Responses to question ids we do not know are kept.
 * `scales` only holds numeric questions (tag-map.ts scaleIndex), so the `numberInput: 0` WxM sends with every text
 * answer is never checked against a scale (answer-value.ts).
 */
import type { ScaleInfo } from './api.js';
import type { Answer, Note, OpenTicket, Question, ResponseItem, WxmSettings } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export interface ValidatedAnswers {
  answers: Answer[];
  /** Records dropped whole (no id, no usable date, responses not a list, not an object). */
  malformed: number;
  /** Single responses dropped (bad shape, non-finite or out-of-scale number). */
  droppedResponses: number;
}

/** Checks one response; `null` = drop it. */
function validateResponse(raw: unknown, scales?: ReadonlyMap<string, ScaleInfo>): ResponseItem | null {
  if (!isObj(raw) || !nonEmpty(raw.questionId)) return null;
  let numberInput: number | null = null;
  if (raw.numberInput !== null && raw.numberInput !== undefined) {
    if (typeof raw.numberInput !== 'number' || !Number.isFinite(raw.numberInput)) return null;
    numberInput = raw.numberInput;
    const scale = scales?.get(raw.questionId);
    if (scale && (numberInput < scale.min || numberInput > scale.max)) return null;
  }
  let textInput: string | null = null;
  if (typeof raw.textInput === 'string') textInput = raw.textInput;
  else if (typeof raw.textInput === 'number' || typeof raw.textInput === 'boolean') textInput = String(raw.textInput);
  else if (raw.textInput !== null && raw.textInput !== undefined) return null;
  return { questionId: raw.questionId, questionText: str(raw.questionText), textInput, numberInput };
}

export function validateNotes(v: unknown): Note[] | null {
  if (!Array.isArray(v)) return null;
  return v.filter(isObj).map((n) => ({ user: str(n.user), authorName: str(n.authorName), noteTime: str(n.noteTime), note: str(n.note) }));
}

function validateTicket(v: unknown): OpenTicket | null {
  if (!isObj(v) || typeof v.status !== 'string') return null;
  return { ...v, status: v.status };
}

/** One answer, or null when unusable. `dropped` counts responses removed from it. */
export function validateAnswer(
  raw: unknown,
  scales?: ReadonlyMap<string, ScaleInfo>,
): { answer: Answer; dropped: number } | null {
  if (!isObj(raw) || !nonEmpty(raw.id)) return null;
  if (typeof raw.responseDateTime !== 'string' || !Number.isFinite(Date.parse(raw.responseDateTime))) return null;
  if (!Array.isArray(raw.responses)) return null;
  const responses: ResponseItem[] = [];
  for (const r of raw.responses) {
    const ok = validateResponse(r, scales);
    if (ok) responses.push(ok);
  }
  const answer: Answer = {
    id: raw.id,
    user: str(raw.user),
    locationId: str(raw.locationId),
    responseDateTime: raw.responseDateTime,
    responseDuration: typeof raw.responseDuration === 'number' && Number.isFinite(raw.responseDuration) ? raw.responseDuration : 0,
    surveyClient: str(raw.surveyClient),
    responses,
    archived: raw.archived === true,
    notes: validateNotes(raw.notes),
    openTicket: validateTicket(raw.openTicket),
    deviceId: typeof raw.deviceId === 'string' ? raw.deviceId : null,
  };
  return { answer, dropped: raw.responses.length - responses.length };
}

export function validateAnswers(raw: unknown, scales?: ReadonlyMap<string, ScaleInfo>): ValidatedAnswers {
  const out: ValidatedAnswers = { answers: [], malformed: 0, droppedResponses: 0 };
  if (!Array.isArray(raw)) return out;
  for (const item of raw) {
    const ok = validateAnswer(item, scales);
    if (!ok) out.malformed++;
    else {
      out.answers.push(ok.answer);
      out.droppedResponses += ok.dropped;
    }
  }
  return out;
}

/** One question, or null when unusable (no id, tags not a list). */
export function validateQuestion(raw: unknown): Question | null {
  if (!isObj(raw) || !nonEmpty(raw.id)) return null;
  const tags = raw.questionTags ?? [];
  if (!Array.isArray(tags)) return null;
  const multiSelect = Array.isArray(raw.multiSelect) ? raw.multiSelect.filter((c): c is string => typeof c === 'string') : null;
  const pii = isObj(raw.piiSettings)
    ? { isPII: raw.piiSettings.isPII === true, ...(typeof raw.piiSettings.piiType === 'string' ? { piiType: raw.piiSettings.piiType } : {}) }
    : null;
  return {
    id: raw.id,
    text: str(raw.text),
    displayType: str(raw.displayType),
    multiSelect,
    questionTags: tags.filter((t): t is string => typeof t === 'string'),
    apiFill: raw.apiFill === true,
    isRetired: raw.isRetired === true,
    setName: str(raw.setName),
    sequence: typeof raw.sequence === 'number' ? raw.sequence : 0,
    piiSettings: pii,
    ...(raw.restrictedData === true ? { restrictedData: true } : {}),
    ...(raw.sensitiveData === true ? { sensitiveData: true } : {}),
  };
}

export function validateQuestions(raw: unknown): { questions: Question[]; malformed: number } {
  const out = { questions: [] as Question[], malformed: 0 };
  if (!Array.isArray(raw)) return out;
  for (const item of raw) {
    const q = validateQuestion(item);
    if (q) out.questions.push(q);
    else out.malformed++;
  }
  return out;
}

/** The account settings a gadget reads (the rest of the body holds account integration secrets); null if no object. */
export function validateSettings(raw: unknown): WxmSettings | null {
  if (!isObj(raw)) return null;
  return {
    timeZoneOffset: typeof raw.timeZoneOffset === 'number' && Number.isFinite(raw.timeZoneOffset) ? raw.timeZoneOffset : 0,
    ...(typeof raw.npsRange === 'string' ? { npsRange: raw.npsRange } : {}),
  };
}
