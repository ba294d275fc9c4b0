/**
 * Manual search: which kind of caller id the agent typed (phone, email or customer id), normalised like Finesse's.
 * A national number ("07913 221676": one trunk 0, no +) gets `countryCode` (the `defaultCountryCode` parameter).
 */
import type { CallerId } from '../../shared/finesse/types.js';
import { normalisePhone } from '../../shared/finesse/phone.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual phone punctuation, at least 6 digits: "+49 (0)30 1234-567", "0044 20 7946 0000".
const PHONE = /^\+?[\d\s().\-/]+$/;
/** A customer id as CRMs write them: letters, digits and . _ - : # / (no spaces), 2 to 64 characters. */
const ID = /^[\p{L}\d._:#/-]{2,64}$/u;

export function detectCallerId(input: string, countryCode?: number): CallerId | null {
  const text = input.trim();
  if (!text) return null;
  if (text.includes('@')) return EMAIL.test(text) ? { kind: 'email', value: text.toLowerCase() } : null;
  if (PHONE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6) {
    const national = countryCode !== undefined && /^0[1-9]/.test(text.replace(/[^\d+]/g, ''));
    const value = normalisePhone(national ? `+${countryCode}${text.replace(/\D/g, '').slice(1)}` : text);
    return value ? { kind: 'mobile', value } : null;
  }
  return ID.test(text) ? { kind: 'customerId', value: text } : null;
}
