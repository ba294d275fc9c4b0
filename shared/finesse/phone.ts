/**
 * Phone numbers as WxM stores them: "+digits" (E.164 without separators).
 * Separators (spaces, dashes, dots, parentheses, slashes) are dropped; a leading "00" becomes "+".
 * A number without a country code (national or an internal extension) keeps its digits behind a "+":
 * we cannot know the country from inside Finesse, and guessing one would produce a confident wrong match,
 * whereas "+digits" of a national number simply finds nothing (the UI then offers manual search).
 */

const WITHHELD = /^(anonymous|withheld|private|restricted|unknown|unavailable|blocked|not available|n\/a)( (caller|number|id))?$/i;

/** True when an ANI is absent or a "no caller id" keyword. */
export function isWithheld(raw: string | null | undefined): boolean {
  const v = (raw ?? '').trim();
  return v === '' || WITHHELD.test(v);
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
