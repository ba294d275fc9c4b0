/**
 * Who is calling, from a Finesse dialog's media properties and ANI (finesse.md, wxm-api.md "journey lookup"):
 * the ECC variable POD.ID (exposed as `POD.ID` or `user.POD.ID`) holds `k=v;` pairs (cc_CustomerId, Mobile,
 * Email; keys case-insensitive) or a bare value that is the cc_CustomerId; then the ANI (getFromAddress).
 */
import type { CallerId } from './types.js';
import { isWithheld, normalisePhone } from './phone.js';

export interface PodId {
  customerId?: string;
  mobile?: string;
  email?: string;
}

const KEYS: Record<string, keyof PodId> = {
  cc_customerid: 'customerId',
  customerid: 'customerId',
  mobile: 'mobile',
  phone: 'mobile',
  email: 'email',
};

/** Parses a POD.ID value. Unknown keys and empty values are ignored; invalid phones/emails are dropped. */
export function parsePodId(raw: string | null | undefined): PodId {
  const text = (raw ?? '').trim();
  const out: PodId = {};
  if (text === '') return out;
  if (!text.includes('=')) {
    out.customerId = text;
    return out;
  }
  for (const pair of text.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const key = KEYS[pair.slice(0, at).trim().toLowerCase()];
    const value = pair.slice(at + 1).trim();
    if (!key || value === '' || out[key] !== undefined) continue;
    if (key === 'mobile') {
      const phone = normalisePhone(value);
      if (phone) out.mobile = phone;
    } else if (key === 'email') {
      if (/^[^\s@]+@[^\s@]+$/.test(value)) out.email = value.toLowerCase();
    } else out.customerId = value;
  }
  return out;
}

/** The POD.ID value among a dialog's media properties (either spelling). */
export function podIdOf(media: Record<string, unknown> | null | undefined): string | undefined {
  if (!media) return undefined;
  for (const key of ['POD.ID', 'user.POD.ID']) {
    const v = media[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return undefined;
}

/** Every identifier of the caller, best first, and whether the ANI was withheld. */
export function identifyCaller(
  media: Record<string, unknown> | null | undefined,
  fromAddress: string | null | undefined,
): { callerIds: CallerId[]; withheld: boolean } {
  const pod = parsePodId(podIdOf(media));
  const ids: CallerId[] = [];
  if (pod.customerId) ids.push({ kind: 'customerId', value: pod.customerId });
  if (pod.mobile) ids.push({ kind: 'mobile', value: pod.mobile });
  if (pod.email) ids.push({ kind: 'email', value: pod.email });
  const withheld = isWithheld(fromAddress);
  const ani = withheld ? null : normalisePhone(fromAddress);
  if (ani && ani !== pod.mobile) ids.push({ kind: 'ani', value: ani });
  return { callerIds: ids, withheld };
}
