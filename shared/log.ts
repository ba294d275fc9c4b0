/**
 * Console diagnostics for every module: a `[cx]` prefix (Finesse desktops host ~20 gadgets; admins filter by it)
 * and redaction as a last line of defence. Callers must still never pass secrets or PII on purpose: redaction is
 * pattern-based and can miss unusual shapes, so it is a safety net, not a licence.
 */

const SECRET_KEYS = /^(access_token|token|authorization|authtoken|password|auth|bearer)$/i;

const PATTERNS: Array<[RegExp, string | ((m: string) => string)]> = [
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, '$1 [redacted]'],
  // (a value that starts with a scheme was handled by the line above)
  [/("?(?:access_token|authToken|authorization|password)"?\s*[:=]\s*)(?!"?(?:Bearer|Basic) )("[^"]*"|[^\s&,;}]+)/gi, '$1[redacted]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  // Phone-like runs of 8+ digits with separators; ISO dates and times are left alone (they are not PII).
  [/(?<![\w.:])\+?\d(?:[\s().-]{0,2}\d){7,}(?![\w:])/g, (m) => (/^\d{4}-\d{2}-\d{2}$/.test(m) ? m : '[phone]')],
];

/** Redacts tokens, credentials, emails and phone numbers from a string. */
export function redact(text: string): string {
  let out = text;
  for (const [re, by] of PATTERNS) out = out.replace(re, by as string);
  return out;
}

/** Redacts any value for logging: strings by pattern, objects deeply (secret-named keys blanked), errors by message. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}: ${redact(value.message)}${typeof code === 'string' ? ` [${code}]` : ''}`;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redactValue(v, depth + 1);
  }
  return out;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

function emit(level: Level, message: string, args: unknown[]): void {
  // eslint-disable-next-line no-console
  console[level](`[cx] ${redact(message)}`, ...args.map((a) => redactValue(a)));
}

export const log = {
  debug: (message: string, ...args: unknown[]) => emit('debug', message, args),
  info: (message: string, ...args: unknown[]) => emit('info', message, args),
  warn: (message: string, ...args: unknown[]) => emit('warn', message, args),
  error: (message: string, ...args: unknown[]) => emit('error', message, args),
};
