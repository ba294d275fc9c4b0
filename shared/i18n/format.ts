/**
 * Locale-aware formatting. Text comes from Intl (every locale the browser knows, zero bytes);
 * date-fns does the calendar arithmetic only. Why not date-fns locales: `format` plus nine locales
 * measured 15.4 kB gzip, half the CEJ budget, for output Intl already gives in the agent's locale.
 * Every function defaults to the catalogue's current locale.
 */
import { differenceInCalendarDays } from 'date-fns';
import { getLocale } from './catalogue.js';

export interface NumberOptions {
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
  /** 'exceptZero' for changes ("+3", "−2", "0"). */
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'never';
  locale?: string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  opts: object,
  make: (l: string) => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    try {
      f = make(locale);
    } catch {
      f = make('en-US'); // unknown or invalid tag
    }
    cache.set(key, f);
  }
  return f;
}

const num = (opts: Intl.NumberFormatOptions, locale: string) =>
  cached('n', locale, opts, (l) => new Intl.NumberFormat(l, opts));
const dt = (opts: Intl.DateTimeFormatOptions, locale: string) =>
  cached('d', locale, opts, (l) => new Intl.DateTimeFormat(l, opts));

export function formatNumber(n: number, { locale = getLocale(), ...opts }: NumberOptions = {}): string {
  return num({ maximumFractionDigits: opts.minimumFractionDigits ?? 0, ...opts }, locale).format(n);
}

/** `percent` is in percent units (0–100, as the metrics module returns them): 87.5 → "88%" / "88 %". */
export function formatPercent(percent: number, { locale = getLocale(), ...opts }: NumberOptions = {}): string {
  const max = opts.minimumFractionDigits ?? 0;
  return num({ style: 'percent', maximumFractionDigits: max, ...opts }, locale).format(percent / 100);
}

export const formatTime = (date: Date, locale = getLocale()): string =>
  dt({ hour: 'numeric', minute: '2-digit' }, locale).format(date);

export const formatDate = (date: Date, locale = getLocale()): string =>
  dt({ dateStyle: 'medium' }, locale).format(date);

export const formatDateTime = (date: Date, locale = getLocale()): string =>
  dt({ dateStyle: 'medium', timeStyle: 'short' }, locale).format(date);

/** Whole calendar days (local time) from `date` to `now`: yesterday 23:59 → today 00:01 is 1. */
export const daysSince = (date: Date, now: Date = new Date()): number => differenceInCalendarDays(now, date);

/** Timeline day heading: "Today", "Yesterday" (in the locale's words), else e.g. "Mon, 3 Nov 2026". */
export function dayHeading(date: Date, now: Date = new Date(), locale = getLocale()): string {
  const days = daysSince(date, now);
  if (days === 0 || days === 1) {
    const words = cached('r', locale, { numeric: 'auto' }, (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }));
    const s = words.format(-days, 'day');
    return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
  }
  return dt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, locale).format(date);
}
