/**
 * "Copy diagnostics" text: enough for an administrator to tell which hop failed, never a token or caller PII.
 * Redaction layers: shared/log.ts's patterns (Bearer/Basic, credentials, emails, phones), then the extra
 * shapes below (JWTs, long base64/hex runs, *_token= / secret-ish keys), and keys that name PII are blanked.
 * A part (shared/parts/loader.ts): the gadget script loads it on the first "Copy diagnostics" (state-panel.ts).
 */
import type { AppError } from '../errors.js';
import { diagnosticNotes, redact, registerPart } from '../parts/bridge.js';

const PII_KEY = /token|secret|passw|authori|cookie|session|ani$|^dnis$|phone|mobile|email|caller|customer|^cc_/i;

const EXTRA: Array<[RegExp, string]> = [
  [/\b((?:access|refresh|id)_token|token|api[_-]?key|secret|code)=[^\s&#"']+/gi, '$1=[redacted]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]'],
  // Long opaque runs (base64, base64url, hex) with at least one digit: tokens, keys, session ids.
  [/(?<![\w/+-])(?=[\w+/-]*\d)[A-Za-z0-9+/_-]{24,}={0,2}/g, '[token]'],
];

/** Redact a free text for diagnostics (log.ts patterns plus tokens-by-shape). */
export function redactText(text: string): string {
  let out = redact(text);
  for (const [re, by] of EXTRA) out = out.replace(re, by);
  return out;
}

function safeValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => safeValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = PII_KEY.test(k) ? '[redacted]' : safeValue(v, depth + 1);
  return out;
}

/**
 * The diagnostics text: time, gadget, error code/hop/status/detail, user agent, page, context.
 * `context.gadget` names the gadget; everything else in `context` is listed (redacted) below.
 */
export function buildDiagnostics(error: AppError | undefined, context: Record<string, unknown> = {}): string {
  const { gadget, ...rest } = context;
  const lines = [
    'CX gadget diagnostics',
    `time: ${new Date().toISOString()}`,
    `gadget: ${typeof gadget === 'string' ? redactText(gadget) : 'unknown'}`,
  ];
  if (error) {
    lines.push(
      `error: ${error.code}`,
      `hop: ${error.hop}`,
      `status: ${error.status ?? '-'}`,
      `retryable: ${error.retryable}`,
      `detail: ${redactText(error.detail)}`,
    );
  }
  if (typeof navigator !== 'undefined') lines.push(`user agent: ${navigator.userAgent}`);
  // Origin and path only: the query string carries gadget parameters that may name a caller.
  if (typeof location !== 'undefined') lines.push(`page: ${location.origin}${location.pathname}`);
  for (const [k, v] of diagnosticNotes()) lines.push(`${redactText(k)}: ${redactText(v)}`);
  const ctx = safeValue(rest) as Record<string, unknown>;
  if (Object.keys(ctx).length) {
    lines.push('context:');
    for (const [k, v] of Object.entries(ctx)) lines.push(`  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return lines.join('\n');
}

registerPart('diagnostics', { buildDiagnostics });
