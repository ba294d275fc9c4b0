/**
 * Which time span a view covers, and the span it is compared with. Days are cut in the WxM account's
 * time zone (settings.timeZoneOffset, minutes east of UTC), so "today" means the same day the reports use.
 */
import type { BucketSize } from '../../shared/metrics/types.js';
import { bucketStartDay, dayLabel, nextBucketDay } from '../../shared/metrics/bucket.js';

export type PeriodKey = 'today' | '7d' | '30d' | '90d' | 'custom';

export interface PeriodChoice {
  key: PeriodKey;
  /** Custom period, inclusive, "yyyy-MM-dd" in the account's time zone. */
  from?: string;
  to?: string;
}

export interface Range {
  start: Date;
  end: Date;
}

export interface ResolvedPeriod {
  current: Range;
  /** The same span shifted back by the period's length in whole days (same time of day). */
  previous: Range;
  days: number;
}

const DAY = 86_400_000;
const FIXED_DAYS: Record<Exclude<PeriodKey, 'custom'>, number> = { today: 1, '7d': 7, '30d': 30, '90d': 90 };
/**
 * At most this many trend points. On the aggregate path each point is one /api/summary request, on top of the view's
 * ~10 others (settings, questions, current, previous, benchmark, compares, comments): 14 keeps a view within the
 * issue's 30 requests and, with WxM's ~15 requests/s per token, within about 2 s of rate budget per load.
 */
export const MAX_BUCKETS = 14;
const SIZES: BucketSize[] = ['day', 'week', 'month'];

/** UTC instant of 00:00 (account time) of the day holding `t`. */
export function startOfAccountDay(t: number, tzOffsetMin: number): number {
  const off = tzOffsetMin * 60_000;
  return Math.floor((t + off) / DAY) * DAY - off;
}

/** "yyyy-MM-dd" (account time) → UTC instant of that day's 00:00; undefined when not a real date. */
export function parseAccountDay(day: string | undefined, tzOffsetMin: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(utc);
  if (back.getUTCDate() !== Number(m[3]) || back.getUTCMonth() !== Number(m[2]) - 1) return undefined;
  return utc - tzOffsetMin * 60_000;
}

/** "yyyy-MM-dd" of `t` in account time (for date inputs). */
export function accountDay(t: number, tzOffsetMin: number): string {
  return new Date(t + tzOffsetMin * 60_000).toISOString().slice(0, 10);
}

/** Resolve a choice at `now`; undefined for an incomplete or reversed custom period. */
export function resolvePeriod(choice: PeriodChoice, now: Date, tzOffsetMin: number): ResolvedPeriod | undefined {
  const t = now.getTime();
  let start: number;
  let end: number;
  let days: number;
  if (choice.key === 'custom') {
    const from = parseAccountDay(choice.from, tzOffsetMin);
    const to = parseAccountDay(choice.to, tzOffsetMin);
    if (from === undefined || to === undefined || to < from) return undefined;
    start = from;
    days = Math.round((to - from) / DAY) + 1;
    end = Math.min(to + DAY, t);
    if (end <= start) return undefined; // entirely in the future
  } else {
    days = FIXED_DAYS[choice.key];
    start = startOfAccountDay(t, tzOffsetMin) - (days - 1) * DAY;
    end = t;
  }
  const shift = days * DAY;
  return {
    current: { start: new Date(start), end: new Date(end) },
    previous: { start: new Date(start - shift), end: new Date(end - shift) },
    days,
  };
}

/**
 * The trend's bucket: the finest whose points are expected to reach the minimum sample (`responses` of the period
 * spread evenly over its buckets) within MAX_BUCKETS points. When none would, the one with the fewest buckets (the
 * finest of equals): its points come closest, and those still short show as "too few".
 */
export function chooseBucket(period: ResolvedPeriod, timeZoneOffset: number, responses: number, minSample: number): BucketSize {
  let best: { size: BucketSize; count: number } | undefined;
  for (const size of SIZES) {
    const count = bucketRanges(period, timeZoneOffset, size).length;
    if (count <= MAX_BUCKETS && responses >= count * minSample) return size;
    if (!best || count < best.count) best = { size, count };
  }
  return best!.size;
}

/** Every bucket of the period, empty ones included (an even time axis), each clipped to the period. */
export function bucketRanges(period: ResolvedPeriod, timeZoneOffset: number, size: BucketSize): { start: string; range: Range }[] {
  const off = timeZoneOffset * 60_000;
  const from = period.current.start.getTime();
  const to = period.current.end.getTime();
  const lastDay = Math.floor((to - 1 + off) / DAY);
  const out: { start: string; range: Range }[] = [];
  for (let day = bucketStartDay(Math.floor((from + off) / DAY), size); day <= lastDay; ) {
    const next = nextBucketDay(day, size);
    const start = Math.max(day * DAY - off, from);
    const end = Math.min(next * DAY - off, to);
    out.push({ start: dayLabel(day), range: { start: new Date(start), end: new Date(end) } });
    day = next;
  }
  return out;
}
