/**
 * What CVP would know about the caller when the call ends: POD.ID (`k=v;` pairs or a bare cc_CustomerId),
 * else the ANI. Used for the post-call survey's prefills.
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
        else if (key === 'email') ctx.email = value.toLowerCase();
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
