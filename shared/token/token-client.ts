/**
 * The WxM bearer token, obtained from Cloud Connect through Finesse
 * (`GET /finesse/api/CloudConnectTokenService?tokenSource=cherrypoint`, docs/finesse.md). The URL is relative to the
 * page, as Cisco's CCAI gadget calls it: the desktop's own origin, so a desktop reached by another host name or
 * port never turns it into a cross-origin request (an origin built from Config would).
 *
 * - One request in flight however many callers wait (a desktop opens several lookups at once).
 * - Cached until shortly before expiry: 15 min early, but never more than half the lifetime early, so a
 *   short-lived token is still used for a while; a timer refreshes it proactively. Past that point a still-valid
 *   token is handed out at once while a refresh runs behind it (background tabs throttle timers); a Cloud Connect
 *   hiccup during that refresh therefore costs nothing until the token really expires.
 * - A 401 from WxM → `refreshAfter401(rejected)`: only the first of many concurrent 401s fetches; the others
 *   get the newer token. The WxM client retries once with it, never in a loop.
 *
 * Why memory and not sessionStorage (as Cisco's own gadgets do): sessionStorage is shared by every frame of the
 * Finesse origin in the tab — the desktop and every gadget hosted on it (~20, third-party ones included) — so one
 * XSS in any of them reads the token with a single call, and it stays there after our gadget is gone (reloads,
 * layout changes). Held in a closure, the token can only be caught by code that deliberately hooks this frame
 * while it runs (a higher bar) and vanishes with the frame. Storage would save one token request per gadget
 * reload; the service is cheap and reloads are rare, so that gain does not pay for the exposure.
 *
 * The token never goes into logs, error messages, URLs or diagnostics: errors carry status codes only.
 */
import { AppError } from '../errors.js';
import { log } from '../log.js';
import type { CloudConnectToken } from '../wxm/types.js';
import { abortError, backoffDelay, raceAbort, realTimers, sleep, type Timers } from '../async.js';

export interface TokenClient {
  /** A valid token (cached, or fetched once for all concurrent callers). Aborting only stops this caller's wait. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** WxM rejected `rejectedToken`: fetch a new one unless a newer one is already cached or on its way. */
  refreshAfter401(rejectedToken: string, signal?: AbortSignal): Promise<string>;
  /** Stops the refresh timer and forgets the token. */
  dispose(): void;
}

export interface TokenClientOptions {
  /** The Finesse Authorization header value (Basic … or Bearer <SSO token>), read at each request. */
  authHeader: () => string;
  tokenSource?: string;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  /** Tries on 5xx/network errors before giving up. Default 3. */
  maxAttempts?: number;
  /** First backoff delay, ms. Default 500. */
  backoffMs?: number;
  /** Per-request timeout, ms. Default 15000. */
  timeoutMs?: number;
}

const MAX_MARGIN_MS = 15 * 60_000;
/** Lifetime assumed when the service says nothing about expiry (refreshed after half of it; a 401 also refreshes). */
const ASSUMED_LIFETIME_MS = 30 * 60_000;
/** A token this close to its expiry is not handed out without a refresh. */
const EXPIRY_GUARD_MS = 10_000;

interface Cached {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

/**
 * The token of a Cloud Connect body. `access_token` is what the CCAI body carries (verified); the cherrypoint body
 * is unverified, so the spellings other Cisco JSON services use are accepted too: `accessToken` (camelCase, as
 * Finesse's and WxM's own JSON is), and a bare `token` (what a thin proxy in front of the service would name it).
 */
function tokenOf(body: Partial<Record<string, unknown>> | null | undefined): unknown {
  return body?.access_token ?? body?.accessToken ?? body?.token;
}

export function createTokenClient(options: TokenClientOptions): TokenClient {
  const {
    authHeader,
    tokenSource = 'cherrypoint',
    fetch: fetchFn = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init),
    now = () => Date.now(),
    random = Math.random,
    timers = realTimers,
    maxAttempts = 3,
    backoffMs = 500,
    timeoutMs = 15_000,
  } = options;
  const url = `/finesse/api/CloudConnectTokenService?tokenSource=${encodeURIComponent(tokenSource)}`;

  let cached: Cached | undefined;
  let inflight: Promise<string> | undefined;
  let timer: unknown;
  let disposed = false;

  async function requestOnce(): Promise<Response> {
    const controller = new AbortController();
    const handle = timers.setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await fetchFn(url, {
        method: 'GET',
        headers: { Authorization: authHeader(), Accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (e) {
      throw controller.signal.aborted
        ? new AppError('timeout', 'finesse', `token service did not answer within ${timeoutMs} ms`)
        : new AppError('network', 'finesse', 'token service unreachable');
    } finally {
      timers.clearTimeout(handle);
    }
  }

  /** 5xx, 429, timeouts and network errors are retried with backoff; 4xx and malformed bodies are not. */
  async function fetchToken(): Promise<Cached> {
    for (let attempt = 1; ; attempt++) {
      let failure: AppError;
      let res: Response | undefined;
      try {
        res = await requestOnce();
      } catch (e) {
        failure = e as AppError;
      }
      if (res) {
        if (res.ok) return parse(res);
        failure = statusError(res.status);
        if (res.status < 500 && res.status !== 429) throw failure;
      }
      if (attempt >= maxAttempts) throw failure!;
      await sleep(backoffDelay(attempt, backoffMs, 8_000, random), undefined, timers);
    }
  }

  async function parse(res: Response): Promise<Cached> {
    let body: Partial<Record<keyof CloudConnectToken, unknown>>;
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new AppError('token-malformed', 'cloudconnect', 'token service answered 200 with a body that is not JSON', { status: 200, retryable: false });
    }
    const token = tokenOf(body);
    if (typeof token !== 'string' || token.trim() === '' || /\s/.test(token.trim())) {
      throw new AppError('token-malformed', 'cloudconnect', 'token service answered 200 without an access_token', { status: 200, retryable: false });
    }
    const t = now();
    const lifetime = lifetimeMs(body, res.headers.get('Date'), t);
    const margin = Math.min(MAX_MARGIN_MS, lifetime / 2);
    return { token: token.trim(), expiresAt: t + lifetime, refreshAt: t + lifetime - margin };
  }

  /**
   * Lifetime from expires_at (epoch ms as the CCAI body has it, or epoch s: corrected for clock skew with the
   * server's Date header) or expires_in (s, the OAuth form Cloud Connect's cherrypoint body may use: unverified).
   * The camelCase spellings are tolerated for the same reason as `accessToken` (see tokenOf).
   */
  function lifetimeMs(body: Partial<Record<string, unknown>>, dateHeader: string | null, t: number): number {
    const rawAt = body.expires_at ?? body.expiresAt;
    const at = Number(rawAt);
    if (rawAt != null && Number.isFinite(at) && at > 0) {
      const atMs = at < 1e11 ? at * 1000 : at; // epoch seconds until the year 5138
      const serverNow = dateHeader ? Date.parse(dateHeader) : NaN;
      return Math.max(0, atMs - (Number.isFinite(serverNow) ? serverNow : t));
    }
    const rawIn = body.expires_in ?? body.expiresIn;
    const inS = Number(rawIn);
    if (rawIn != null && Number.isFinite(inS)) return Math.max(0, inS * 1000);
    return ASSUMED_LIFETIME_MS;
  }

  function statusError(status: number): AppError {
    if (status === 401 || status === 403)
      return new AppError('finesse-auth', 'finesse', 'Finesse refused the credentials for the token service', { status, retryable: false });
    if (status === 404) return new AppError('cloudconnect-down', 'finesse', 'token service not found on this Finesse', { status, retryable: false });
    if (status >= 500 || status === 429)
      return new AppError('cloudconnect-down', 'cloudconnect', `token service answered ${status}`, { status });
    return new AppError('unexpected', 'finesse', `token service answered ${status}`, { status, retryable: false });
  }

  function schedule(c: Cached): void {
    timers.clearTimeout(timer);
    const wait = c.refreshAt - now();
    if (disposed || wait <= 0 || c.expiresAt <= c.refreshAt) return;
    timer = timers.setTimeout(() => {
      timer = undefined;
      if (!disposed) refresh().catch((e: unknown) => log.warn('proactive token refresh failed', e));
    }, wait);
  }

  function refresh(): Promise<string> {
    if (disposed) return Promise.reject(new AppError('unexpected', 'client', 'token client disposed', { retryable: false }));
    inflight ??= fetchToken()
      .then((c) => {
        if (!disposed) {
          cached = c;
          schedule(c);
        }
        return c.token;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  return {
    async getToken(signal) {
      if (signal?.aborted) throw abortError();
      const c = cached;
      if (c && now() < c.refreshAt) return c.token;
      // Past the refresh point but still valid (e.g. the timer was throttled in a background tab):
      // answer at once and refresh behind the caller's back.
      if (c && now() < c.expiresAt - EXPIRY_GUARD_MS) {
        refresh().catch((e: unknown) => log.warn('token refresh failed', e));
        return c.token;
      }
      return raceAbort(refresh(), signal);
    },
    refreshAfter401(rejectedToken, signal) {
      if (inflight) return raceAbort(inflight, signal);
      if (cached && cached.token !== rejectedToken && now() < cached.expiresAt - EXPIRY_GUARD_MS) return Promise.resolve(cached.token);
      if (cached?.token === rejectedToken) cached = undefined;
      return raceAbort(refresh(), signal);
    },
    dispose() {
      disposed = true;
      timers.clearTimeout(timer);
      timer = undefined;
      cached = undefined;
    },
  };
}
