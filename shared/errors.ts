/**
 * Errors are values: a stable diagnostic code, the hop that failed, and a message key the UI turns into
 * human words. `detail` is for the console/diagnostics and must never contain a token or caller PII.
 */

/** Which hop of the path failed: the Finesse server, Cloud Connect behind it, or the WxM API. */
export type Hop = 'finesse' | 'cloudconnect' | 'wxm' | 'config' | 'client';

export type ErrorCode =
  | 'finesse-auth' // Finesse refused our Authorization header (401/403 on the token service)
  | 'cloudconnect-down' // token service answered 503 or 5xx
  | 'token-malformed' // token service answered 200 without a usable token
  | 'wxm-auth' // WxM still said 401 after one refresh + retry
  | 'wxm-rate-limited' // 429 that outlasted our retries
  | 'wxm-server' // 5xx from WxM
  | 'wxm-bad-response' // body could not be understood at all
  | 'network' // fetch failed (offline, DNS, CORS)
  | 'timeout'
  | 'config-invalid'
  | 'no-caller-id'
  | 'write-refused' // WxM refused a write (401/403): this sign-in may read but not write
  | 'write-unconfirmed' // a write may have been applied but no answer confirmed it (timeout, 5xx, network)
  | 'unexpected';

export interface AppErrorOptions {
  /** HTTP status of the failed hop, when there was one. */
  status?: number;
  /** Retrying by hand may help (false for config errors). Default true. */
  retryable?: boolean;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status?: number;
  readonly retryable: boolean;
  constructor(
    readonly code: ErrorCode,
    readonly hop: Hop,
    /** Safe for logs and "copy diagnostics": no token, no PII. */
    readonly detail: string,
    { status, retryable = true }: AppErrorOptions = {},
  ) {
    super(`${hop}/${code}${status ? ` (${status})` : ''}: ${detail}`);
    if (status !== undefined) this.status = status;
    this.retryable = retryable;
  }
}

export const isAbort = (e: unknown): boolean =>
  e instanceof DOMException ? e.name === 'AbortError' : (e as { name?: string })?.name === 'AbortError';

/** Coerce anything thrown into an AppError, keeping aborts as they are (callers ignore them). */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if ((e as { name?: string })?.name === 'TimeoutError') return new AppError('timeout', 'client', 'request timed out');
  if (e instanceof TypeError) return new AppError('network', 'client', e.message);
  return new AppError('unexpected', 'client', e instanceof Error ? e.message : String(e));
}
