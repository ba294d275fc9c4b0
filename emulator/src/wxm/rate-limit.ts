/**
 * Per-token sliding-window rate limit. WxM documents "15 requests per ..." (unit cut off): the emulator reads it as
 * 15 per second per token by default. Refused requests do not count. max ≤ 0 turns the limit off.
 */
export const DEFAULT_RATE_LIMIT = { max: 15, windowMs: 1000 };

export class RateLimiter {
  private hits = new Map<string, number[]>();

  /** undefined = allowed (and counted); otherwise the seconds to wait. */
  check(key: string, limit: { max: number; windowMs: number }, now = Date.now()): number | undefined {
    if (!(limit.max > 0) || !Number.isFinite(limit.max)) return undefined;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - limit.windowMs);
    if (recent.length >= limit.max) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + limit.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return undefined;
  }
}
