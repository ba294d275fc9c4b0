/**
 * POD.ID, the ECC variable that carries the customer: how an ICM script writes it for a world customer, and what
 * CVP reads back from it when the call ends (`k=v;` pairs or a bare cc_CustomerId, else the customer's number),
 * for the post-call survey's prefills.
 */

export interface CallerContext {
  customerId?: string;
  mobile?: string;
  email?: string;
}

/** "+1 (408) 555-0100" → "+14085550100"; undefined when it has no digits. */
export function normalisePhone(value: string): string | undefined {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 3 ? `+${digits}` : undefined;
}

const WITHHELD = new Set(['anonymous', 'restricted', 'private', 'unknown', 'withheld']);

/**
 * The POD.ID spellings seen in the field: Cisco's own (cjaas-widgets Finesse bootstrap), the one docs/wxm-api.md
 * describes, a generic customerId/phone one and a bare customer id. Keys are case-insensitive on the reading side.
 */
export const POD_ID_FORMS = ['cisco', 'classic', 'generic', 'bare'] as const;
export type PodIdForm = (typeof POD_ID_FORMS)[number];

const FORM_KEYS: Record<Exclude<PodIdForm, 'bare'>, [string, string, string]> = {
  cisco: ['cc_CustomerId', 'emailId', 'mobile'],
  classic: ['cc_CustomerId', 'Email', 'Mobile'],
  generic: ['customerId', 'email', 'phone'],
};

export const isPodIdForm = (v: unknown): v is PodIdForm => POD_ID_FORMS.includes(v as PodIdForm);

/** A world customer's POD.ID in `form`; without a form, one of them, fixed per customer (so a run mixes them). */
export function podIdFor(c: { id: string; email?: string | null; mobile?: string | null }, form?: PodIdForm): string {
  const f = form ?? POD_ID_FORMS[[...c.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % POD_ID_FORMS.length]!;
  if (f === 'bare') return c.id;
  const [idKey, emailKey, mobileKey] = FORM_KEYS[f];
  const pairs: Array<[string, string | null | undefined]> = [[idKey, c.id], [emailKey, c.email], [mobileKey, c.mobile]];
  return pairs.filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join(';');
}

export function callerContext(podId: string | undefined, ani: string | undefined): CallerContext {
  const ctx: CallerContext = {};
  const pod = podId?.trim();
  if (pod) {
    if (pod.includes('=')) {
      for (const pair of pod.split(';')) {
        const at = pair.indexOf('=');
        if (at < 0) continue;
        const key = pair.slice(0, at).trim().toLowerCase();
        const value = pair.slice(at + 1).trim();
        if (!value) continue;
        if (key === 'cc_customerid' || key === 'customerid') ctx.customerId = value;
        else if (key === 'mobile' || key === 'phone') ctx.mobile = normalisePhone(value) ?? value;
        else if (key === 'email' || key === 'emailid') ctx.email = value.toLowerCase();
      }
    } else {
      ctx.customerId = pod;
    }
  }
  const a = ani?.trim();
  if (!ctx.customerId && !ctx.mobile && !ctx.email && a && !WITHHELD.has(a.toLowerCase())) {
    const phone = normalisePhone(a);
    if (phone) ctx.mobile = phone;
  }
  return ctx;
}
