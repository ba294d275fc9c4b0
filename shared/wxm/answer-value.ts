/**
 * Which field of a response holds the answer. WxM's `numberInput` is a non-nullable integer (vendor client
 * `Response.NumberInput`; the BYOS sample posts `numberInput: 0` for text), so text, select and comment answers
 * arrive with `numberInput: 0` and the value in `textInput`. The question's `displayType` decides, never
 * null-ness: numeric types → numberInput, every other type → textInput.
 *
 * When the display type is unknown (absent on an odd record) there is nothing better to go on than the fields:
 * a non-empty text wins over a number, since the number may be the 0 filler. `numberInput: null` (older data,
 * other variants) simply means "no number".
 */
import type { Question, ResponseItem } from './types.js';

export type ValueKind = 'number' | 'text' | 'unknown';

const NUMERIC = /^(scale|slider|number|smile-\d+|star-\d+)$/i;

export function valueKind(question: Pick<Question, 'displayType'> | undefined): ValueKind {
  const type = question?.displayType?.trim() ?? '';
  if (type === '') return 'unknown';
  return NUMERIC.test(type) ? 'number' : 'text';
}

type Response = Pick<ResponseItem, 'textInput' | 'numberInput'>;

const text = (r: Response): string | undefined => (typeof r.textInput === 'string' && r.textInput.trim() !== '' ? r.textInput.trim() : undefined);
const num = (r: Response): number | undefined =>
  typeof r.numberInput === 'number' && Number.isFinite(r.numberInput) ? r.numberInput : undefined;

/** The number a response holds, or undefined when its question is not numeric (or it holds none). */
export function numberAnswer(r: Response, kind: ValueKind): number | undefined {
  if (kind === 'text') return undefined;
  if (kind === 'unknown' && text(r) !== undefined) return undefined;
  return num(r);
}

/** The answer as the agent reads it (a number as digits), or undefined when empty. */
export function answerText(r: Response, kind: ValueKind): string | undefined {
  if (kind === 'text') return text(r);
  if (kind === 'number') return num(r) === undefined ? undefined : String(num(r));
  return text(r) ?? (num(r) === undefined ? undefined : String(num(r)));
}
