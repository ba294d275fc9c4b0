/**
 * Phone numbers as WxM stores them: "+digits" (E.164 without separators).
 * Separators (spaces, dashes, dots, parentheses, slashes) are dropped; a leading "00" becomes "+".
 * A number without a country code (national or an internal extension) keeps its digits behind a "+":
 * we cannot know the country from inside Finesse, and guessing one would produce a confident wrong match,
 * whereas "+digits" of a national number simply finds nothing (the UI then offers manual search).
 */

const WITHHELD = /^(anonymous|withheld|private|restricted|unknown|unavailable|blocked|not available|n\/a)( (caller|number|id))?$/i;

/** True when the ANI is a "no caller id" keyword (an absent ANI is unknown, not withheld). */
export function isWithheld(raw: string | null | undefined): boolean {
  return WITHHELD.test((raw ?? '').trim());
}

/** "+digits", or null when the text is not a phone number. */
export function normalisePhone(raw: string | null | undefined): string | null {
  let v = (raw ?? '').trim().replace(/^tel:/i, '');
  v = v.replace(/[\s\-.()/\u00a0]/g, '');
  if (v.startsWith('00')) v = '+' + v.slice(2);
  const digits = v.startsWith('+') ? v.slice(1) : v;
  if (!/^\d{3,15}$/.test(digits)) return null;
  return '+' + digits;
}

/** NANP: +1, then an area code and an exchange that both start with 2–9 (10 national digits). */
const NANP = /^\+1([2-9]\d\d)([2-9]\d\d)(\d{4})$/;

/**
 * The forms one "+digits" number is commonly stored in by WxM surveys (CVP prefills +E.164; web, email and imported
 * records keep what people typed), for one `answerCheck` list. NANP numbers: E.164, digits, the 10-digit national
 * number and "(AAA) BBB-CCCC". Others: E.164, digits and the 00-prefixed form — their national forms (trunk
 * prefix, grouping) depend on a numbering plan we do not know, and a guess could match somebody else.
 * Short on purpose: every value is an exact match the server evaluates per answer.
 */
export function phoneVariants(e164: string): string[] {
  const digits = e164.replace(/^\+/, '');
  const nanp = NANP.exec(e164);
  if (nanp) {
    const [, area, exchange, line] = nanp as unknown as [string, string, string, string];
    return [e164, digits, `${area}${exchange}${line}`, `(${area}) ${exchange}-${line}`];
  }
  return [...new Set([e164, digits, `00${digits}`])];
}
