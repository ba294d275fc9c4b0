/**
 * The forms one phone number is stored in across WxM answers (issue 10, item 4): CVP writes the ANI as the network
 * delivers it, SMS gateways write E.164, web and email surveys keep what the customer typed. WxM compares text
 * answers as stored, so a lookup must send every plausible form (the client's job, not the server's).
 */
export const PHONE_FORMS = ['e164', 'digits', 'national', 'formatted'] as const;
export type PhoneForm = (typeof PHONE_FORMS)[number];

/** Country code → national trunk prefix of the countries the world's numbers come from. */
const TRUNK: [string, string][] = [['1', ''], ['44', '0'], ['49', '0'], ['33', '0'], ['34', '']];

/** "+14085550100" written as `form` ("+14085550100", "14085550100", "4085550100", "(408) 555-0100"). */
export function formatPhone(e164: string, form: PhoneForm): string {
  const digits = e164.replace(/\D/g, '');
  if (form === 'e164') return `+${digits}`;
  if (form === 'digits') return digits;
  const [cc, trunk] = TRUNK.find(([code]) => digits.startsWith(code)) ?? ['', ''];
  const national = digits.slice(cc.length);
  if (form === 'national') return trunk + national;
  if (cc === '1' && national.length === 10) return `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
  return `+${cc} ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`.trimEnd();
}

/** Index of the form a survey of this channel stores (u uniform in [0, 1)); see the header for why. */
export function formForChannel(channel: string, u: number): number {
  const weights: Record<string, number[]> = {
    voice: [0.2, 0.3, 0.5, 0],
    sms: [0.6, 0.4, 0, 0],
    email: [0.3, 0, 0.3, 0.4],
    'JS-MicroWeb': [0.3, 0, 0.3, 0.4],
  };
  const w = weights[channel] ?? [1, 0, 0, 0];
  for (let k = 0; k < w.length; k++) if ((u -= w[k]!) < 0) return k;
  return 0;
}
