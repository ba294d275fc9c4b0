/** Manual search: which kind of caller id the agent typed (phone, email or customer id), normalised like Finesse's. */
import type { CallerId } from '../../shared/finesse/types.js';
import { normalisePhone } from '../../shared/finesse/phone.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual phone punctuation, at least 6 digits: "+49 (0)30 1234-567", "0044 20 7946 0000".
const PHONE = /^\+?[\d\s().\-/]+$/;

export function detectCallerId(input: string): CallerId | null {
  const text = input.trim();
  if (!text) return null;
  if (text.includes('@')) return EMAIL.test(text) ? { kind: 'email', value: text.toLowerCase() } : null;
  if (PHONE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6) {
    const value = normalisePhone(text);
    return value ? { kind: 'mobile', value } : null;
  }
  return { kind: 'customerId', value: text };
}
