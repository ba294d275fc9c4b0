/**
 * A tiny message catalogue: `{name}` interpolation and ICU-lite plurals
 * (`{n, plural, =0 {none} one {# response} other {# responses}}`, via Intl.PluralRules).
 * The current locale is module-level (one UI locale per gadget iframe); lookups fall back
 * de-DE → de → en. The scripts carry English; other locales arrive through `addTranslations` (translations.ts).
 * Components re-render on change through `onLocaleChange`.
 */

export type Params = Record<string, string | number>;

export interface Messages<K extends string> {
  /** The message for `key` in the current locale (falling back to English), with `params` filled in. */
  t(key: K, params?: Params): string;
}

let current = 'en';
const listeners = new Set<(locale: string) => void>();

/** Set the UI locale (BCP-47). Invalid tags fall back to 'en'. Notifies `onLocaleChange` listeners. */
export function setLocale(bcp47: string): void {
  let next = 'en';
  try {
    next = Intl.getCanonicalLocales(bcp47 || 'en')[0] ?? 'en';
  } catch {
    /* invalid tag: keep 'en' */
  }
  if (next === current) return;
  current = next;
  for (const fn of listeners) fn(current);
}

export const getLocale = (): string => current;

/** Subscribe to locale changes; returns the unsubscribe function. */
export function onLocaleChange(fn: (locale: string) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** 'de-Latn-DE' → ['de-Latn-DE', 'de-Latn', 'de', 'en']. */
export function localeChain(locale: string): string[] {
  const parts = locale.split('-');
  const chain: string[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** Texts of one locale: catalogue name → key → message. */
export type Translations = Record<string, Partial<Record<string, string>>>;

// Locale (lower case) → its translations. English lives in each catalogue; the others are added at run time.
const translations = new Map<string, Translations>();

/** Adds a locale's texts (translations.ts loads them); components re-render as on a locale change. */
export function addTranslations(locale: string, tables: Translations): void {
  const key = locale.replace('_', '-').toLowerCase();
  translations.set(key, { ...translations.get(key), ...tables });
  for (const fn of listeners) fn(current);
}

/** A catalogue: its English texts, and the name its translations are filed under. */
export function defineMessages<K extends string>(name: string, en: Record<K, string>): Messages<K> {
  return {
    t(key, params) {
      for (const loc of localeChain(current)) {
        const msg = loc === 'en' ? en[key] : translations.get(loc.toLowerCase())?.[name]?.[key];
        if (msg !== undefined) return formatMessage(msg, params, loc);
      }
      return key; // unreachable for typed keys: en is complete
    },
  };
}

/** Fill `{name}` placeholders and `{n, plural, …}` blocks. Unknown placeholders stay visible. */
export function formatMessage(msg: string, params: Params = {}, locale = current): string {
  let out = '';
  let i = 0;
  while (i < msg.length) {
    const open = msg.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(msg, open);
    if (close < 0) break;
    out += msg.slice(i, open);
    out += placeholder(msg.slice(open + 1, close), params, locale);
    i = close + 1;
  }
  return out + msg.slice(i);
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function placeholder(body: string, params: Params, locale: string): string {
  const m = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s.exec(body);
  if (!m) {
    const name = body.trim();
    return name in params ? String(params[name]) : `{${body}}`;
  }
  const [, name = '', rest = ''] = m;
  const n = Number(params[name]);
  const branches = pluralBranches(rest);
  const rule = Number.isFinite(n) ? pluralRules(locale).select(n) : 'other';
  const chosen = branches.get(`=${n}`) ?? branches.get(rule) ?? branches.get('other') ?? '';
  // '#' is the number, formatted for the locale; nested placeholders are filled too.
  const num = Number.isFinite(n) ? new Intl.NumberFormat(locale).format(n) : String(params[name] ?? '');
  return formatMessage(chosen.replace(/#/g, num), params, locale);
}

function pluralBranches(s: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\s*(=?\w+)\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const open = m.index + m[0].length - 1;
    const close = matchingBrace(s, open);
    if (close < 0) break;
    out.set(m[1] ?? '', s.slice(open + 1, close));
    re.lastIndex = close + 1;
  }
  return out;
}

const rulesCache = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let r = rulesCache.get(locale);
  if (!r) rulesCache.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}
