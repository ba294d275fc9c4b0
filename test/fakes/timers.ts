/** A hand-driven clock with timers (for code that takes a `Timers`), and helpers that let pending promises run. */
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

/** Let pending promise callbacks run (one macrotask). */
export const settle = flush;
