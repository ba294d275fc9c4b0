/** Test doubles for the shared engine: a hand-driven clock with timers, a scripted fetch, a console spy. */
import type { Timers } from '../../shared/async.js';

export interface FakeClock {
  now(): number;
  timers: Timers;
  /** Moves time forward, firing due timers in order (letting promises settle between them). */
  advance(ms: number): Promise<void>;
  /** Runs timers one by one until `promise` settles (or `limit` timers fired). */
  runUntilSettled<T>(promise: Promise<T>, limit?: number): Promise<T>;
  pending(): number;
  /** Moves time forward WITHOUT firing timers (a background tab whose timers were throttled). */
  skip(ms: number): void;
}

export const flush = () => new Promise<void>((r) => setTimeout(r, 0));

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let t = start;
  let seq = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const next = () => [...queue.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
  const clock: FakeClock = {
    now: () => t,
    timers: {
      setTimeout(fn, ms) {
        const id = ++seq;
        queue.set(id, { at: t + Math.max(0, ms), fn });
        return id;
      },
      clearTimeout(h) {
        queue.delete(h as number);
      },
    },
    async advance(ms) {
      const end = t + ms;
      await flush();
      for (let n = next(); n && n[1].at <= end; n = next()) {
        queue.delete(n[0]);
        t = n[1].at;
        n[1].fn();
        await flush();
      }
      t = end;
      await flush();
    },
    async runUntilSettled(promise, limit = 100) {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      await flush();
      for (let i = 0; i < limit && !settled; i++) {
        const n = next();
        if (!n) break;
        queue.delete(n[0]);
        t = n[1].at;
        n[1].fn();
        await flush();
      }
      return promise;
    },
    pending: () => queue.size,
    skip(ms) {
      t += ms;
    },
  };
  return clock;
}

export interface FetchCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
  at: number;
}

export type FetchHandler = (call: FetchCall, index: number) => Response | Promise<Response>;

/** A fetch that records every call and answers from `handler`. */
export function fakeFetch(handler: FetchHandler, now: () => number = Date.now) {
  const calls: FetchCall[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(String(input), init);
    const signal = init?.signal ?? req.signal;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const call: FetchCall = {
      url: req.url,
      method: req.method,
      headers: new Headers(init?.headers ?? req.headers),
      body: req.body ? await req.clone().text() : null,
      at: now(),
    };
    calls.push(call);
    const res = await handler(call, calls.length - 1);
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return res;
  };
  return { fetch: fn as typeof fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Captures everything written to the console while active (and keeps it out of the test output). */
export function spyConsole() {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
    };
  }
  return {
    lines,
    text: () => lines.join('\n'),
    restore() {
      methods.forEach((m, i) => (console[m] = saved[i]!));
    },
  };
}

function safeJson(v: unknown): string {
  if (v instanceof Error) return `${v.name}: ${v.message} ${v.stack ?? ''}`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
