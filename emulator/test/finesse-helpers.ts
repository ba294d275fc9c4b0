/** Helpers for the Finesse-side node tests: a running emulator, JSON calls, and an SSE reader. */
import { fileURLToPath } from 'node:url';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index.js';

export const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

export async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, wxmPort: 0, seed: 42, profile: 'small', distDir: FIXTURES, ...opts });
}

export const basic = (id: string, password = 'emulator'): string =>
  `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`;

export async function json(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

export interface SseEvent {
  event: string;
  data: any;
}

/** Reads /_emulator/events for a user; `next(pred)` resolves with the first matching event not yet consumed. */
export async function sse(base: string, user: string) {
  const ac = new AbortController();
  const res = await fetch(`${base}/_emulator/events?user=${encodeURIComponent(user)}`, { signal: ac.signal });
  if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
  const queue: SseEvent[] = [];
  let wake: (() => void) | undefined;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let at;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) queue.push({ event, data: JSON.parse(data) });
          wake?.();
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    async next(pred: (e: SseEvent) => boolean = () => true, timeoutMs = 5000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = queue.findIndex(pred);
        if (i >= 0) return queue.splice(i, 1)[0]!;
        if (Date.now() > deadline) throw new Error('no matching event');
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 50);
        });
      }
    },
    /** Everything received and not consumed yet. */
    pending: () => [...queue],
    close: () => ac.abort(),
  };
}
