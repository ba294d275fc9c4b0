/**
 * Who the customer is, from a Finesse dialog's media properties and addresses (docs/finesse.md, docs/wxm-api.md "journey
 * lookup"): the ECC variable POD.ID (exposed as `POD.ID` or `user.POD.ID`) holds `k=v;` pairs — as Cisco writes
 * them `cc_CustomerId=…;emailId=…;mobile=…`, or with `Email`, `Mobile`, `phone`, `customerId` keys, any case — or
 * a bare value that is the cc_CustomerId; then the other party's number (the ANI on inbound calls).
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
  emailid: 'email',
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

/** A dialog's addresses (Finesse Dialog: fromAddress, toAddress, mediaProperties.dialedNumber). */
export interface DialogAddresses {
  from?: string | null;
  to?: string | null;
  dialedNumber?: string | null;
}

/**
 * The customer's side of a call. On inbound calls that is fromAddress (the ANI). On outbound and agent-initiated
 * calls fromAddress is the agent's own extension (Finesse "Dialog Notification") and the customer is the dialed
 * party: toAddress, else dialedNumber. The agent's own extension is never returned: nobody to look up then.
 */
export function customerAddress(d: DialogAddresses, ownExtension: string | null | undefined): string | undefined {
  const own = ownExtension?.trim();
  const isOwn = (v: string | null | undefined) => !!own && v?.trim() === own;
  if (!isOwn(d.from)) return d.from ?? undefined;
  for (const v of [d.to, d.dialedNumber]) if (v && v.trim() !== '' && !isOwn(v)) return v;
  return undefined;
}

/** Every identifier of the caller, best first, and whether the ANI was withheld. */
export function identifyCaller(
  media: Record<string, unknown> | null | undefined,
  /** The customer's number: fromAddress on inbound calls, see customerAddress(). */
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
