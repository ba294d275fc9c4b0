/**
 * Server-Sent Events hub: one stream per browser page, keyed by Finesse user id.
 * The emulated finesse.js (and the desktop's control panel) listen here instead of Finesse's BOSH/XMPP.
 */
import type { Res } from './http.js';

export class EventHub {
  private streams = new Map<string, Set<Res>>();
  private heartbeat = setInterval(() => this.ping(), 15_000);

  constructor() {
    this.heartbeat.unref();
  }

  /** Opens an SSE stream for `user`; `initial` events are written before any later change. */
  open(user: string, res: Res, initial: Array<[string, unknown]>): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    for (const [event, data] of initial) write(res, event, data);
    const set = this.streams.get(user) ?? new Set<Res>();
    set.add(res);
    this.streams.set(user, set);
    res.on('close', () => set.delete(res));
  }

  send(user: string, event: string, data: unknown): void {
    for (const res of this.streams.get(user) ?? []) write(res, event, data);
  }

  /** Sends to every open stream (e.g. a hub-wide notice). */
  broadcast(event: string, data: unknown): void {
    for (const user of this.streams.keys()) this.send(user, event, data);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }

  private ping(): void {
    for (const set of this.streams.values()) for (const res of set) res.write(': ping\n\n');
  }
}

function write(res: Res, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
