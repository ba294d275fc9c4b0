/**
 * Day/week/month buckets in the account's time zone (settings.timeZoneOffset, minutes east of UTC). Weeks start on
 * Monday (ISO); months are calendar months. Done with integer day numbers rather than date-fns: the browser's own zone must play no part,
 * and this runs once per answer.
 */
import type { Answer } from '../wxm/types.js';
import { Lookup, Tally } from './tally.js';
import type { Bucket, BucketSize, FoldOptions } from './types.js';

const DAY_MS = 86_400_000;

const ZONED = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

/** Epoch ms of a WxM date; a date-time without a zone is UTC (the spec's dates are UTC), never browser-local. */
export function answerTime(iso: string): number {
  if (typeof iso !== 'string') return NaN;
  const last = iso.charCodeAt(iso.length - 1);
  const zoned = last === 90 /* Z */ || ZONED.test(iso) || !iso.includes('T');
  return Date.parse(zoned ? iso : `${iso}Z`);
}

/** Two decimal digits at i, or NaN when either is not a digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function civilDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Fast path for the usual "yyyy-MM-ddTHH:mm…Z" (no Date object, no regex: this runs once per answer);
 * undefined when the string has another form.
 */
function fastDay(iso: string, timeZoneOffset: number): number | undefined {
  if (iso.length < 17 || iso.charCodeAt(iso.length - 1) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return undefined;
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(13) !== 58) return undefined;
  const y = two(iso, 0) * 100 + two(iso, 2);
  const m = two(iso, 5);
  const d = two(iso, 8);
  const h = two(iso, 11);
  const min = two(iso, 14);
  // Written so NaN (a non-digit) fails too; those strings go to Date.parse.
  if (!(y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 24 && min >= 0 && min <= 59)) return undefined;
  return civilDay(y, m, d) + Math.floor((h * 60 + min + timeZoneOffset) / 1440);
}

/** Days since 1970-01-01 in the account's zone for an ISO instant; undefined when unparsable. */
export function accountDay(iso: string, timeZoneOffset: number): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const fast = fastDay(iso, timeZoneOffset);
  if (fast !== undefined) return fast;
  const ms = answerTime(iso);
  if (Number.isNaN(ms)) return undefined;
  return Math.floor((ms + timeZoneOffset * 60_000) / DAY_MS);
}

/** Day number of the 1st of the month `months` after the month holding `day` (Date.UTC rolls the month over). */
function monthStart(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS;
}

/** First day of the bucket holding `day`; 1970-01-01 was a Thursday, so Monday-based weekday = (day + 3) mod 7. */
export function bucketStartDay(day: number, size: BucketSize): number {
  if (size === 'month') return monthStart(day, 0);
  return size === 'week' ? day - (((day + 3) % 7) + 7) % 7 : day;
}

/** First day of the bucket after the one starting on `start`. */
export function nextBucketDay(start: number, size: BucketSize): number {
  return size === 'month' ? monthStart(start, 1) : start + (size === 'week' ? 7 : 1);
}

/** "yyyy-MM-dd" of a day number (the calendar date in the account's zone). */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Folds answers into day/week/month buckets; answers with an unreadable date are skipped. A fold by day can be read
 * out per week or month too (its days merged): the size can be chosen once the answers are in.
 */
export class BucketedFold {
  readonly #lookup: Lookup;
  readonly #tallies = new Map<number, Tally>();

  constructor(readonly options: FoldOptions & { size: BucketSize; timeZoneOffset: number }) {
    this.#lookup = new Lookup(options.tagMap, options.bands);
  }

  add(answer: Answer): void {
    const day = accountDay(answer.responseDateTime, this.options.timeZoneOffset || 0);
    if (day === undefined) return;
    const start = bucketStartDay(day, this.options.size);
    let tally = this.#tallies.get(start);
    if (!tally) {
      tally = new Tally(this.#lookup);
      this.#tallies.set(start, tally);
    }
    tally.add(answer);
  }

  /** Non-empty buckets of `size` (the fold's own, or coarser when it folds by day), oldest first. */
  buckets(size: BucketSize = this.options.size): Bucket[] {
    const merged = new Map<number, Tally>();
    for (const [day, tally] of this.#tallies) {
      const start = bucketStartDay(day, size);
      const into = merged.get(start);
      if (into) into.merge(tally);
      else merged.set(start, size === this.options.size ? tally : new Tally(this.#lookup).merge(tally));
    }
    return [...merged.keys()]
      .sort((a, b) => a - b)
      .map((start) => ({ start: dayLabel(start), summary: merged.get(start)!.summary(this.options) }));
  }
}
