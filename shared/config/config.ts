/**
 * The gadget's configuration from its URL query (inside the iframe `url` parameter) and UserPrefs
 * (docs/parameters.md). The URL wins over the UserPref. An invalid value is reported as a problem naming the
 * parameter and replaced by the default, so a typo never blanks the gadget. Unknown URL parameters are reported
 * (they are usually typos); Finesse's own (gadgetHeight, nocache, up_*) are not. Unknown UserPrefs are not
 * reported: gadgets also keep their own state there (e.g. a supervisor's chosen team).
 *
 * Two exceptions fail closed instead of falling back, because the bearer token follows `wxmBaseUrl`: a WxM
 * address the build does not allow (shared/config/wxm-origins.ts), and a parameter given twice with different
 * values (e.g. `wxmBaseUrl` and `WXMBASEURL`: which one "wins" must not depend on the order). For wxmBaseUrl
 * either one sets `wxmBlocked`, and no request may go to WxM at all.
 *
 * The parameters only one gadget reads are parsed by analytics-params.ts and journey-params.ts, which loadConfig
 * takes as an argument: the other gadget knows their names (no "unknown parameter") but leaves them at defaults.
 */
import type { ConfigProblem, GadgetConfig } from './types.js';
import { normaliseWxmAddress, WXM_ORIGINS } from './wxm-origins.js';
import { DEFAULT_FORMULAS } from '../metrics/defaults.js';

export const DEFAULT_CONFIG: Readonly<GadgetConfig> = Object.freeze<GadgetConfig>({
  wxmBaseUrl: WXM_ORIGINS[0]!,
  tokenSource: 'cherrypoint',
  questionnaires: [],
  metrics: ['nps', 'csat', 'ces'],
  ...DEFAULT_FORMULAS,
  minSample: 10,
  targets: {},
  refreshSeconds: 300,
  maskPii: false,
  timeoutMs: 10_000,
  theme: 'light',
  aggregates: 'auto',
});

/** Every parameter this module understands (also the UserPref names the adapter reads). */
export const PARAM_NAMES = [
  'wxmBaseUrl', 'tokenSource', 'filterTags', 'questionnaires', 'metrics', 'csatFormula', 'cesFormula', 'minSample',
  'targetNps', 'targetCsat', 'targetCes', 'refreshSeconds', 'locale', 'maskPii', 'timeoutMs',
  'theme', 'defaultCountryCode', 'aggregates',
] as const;

/** Parameters that belong to Finesse/Shindig, not to us. */
const FOREIGN = /^(gadgetHeight|nocache|up_.*)$/i;

export type Result<T> = { ok: T } | { error: string };
export type Parse<T> = (raw: string) => Result<T>;
export type ParamName = (typeof PARAM_NAMES)[number];
/** A parameter's parser and where its value goes in the configuration. */
export type ParamParsers = Partial<Record<ParamName, Parse<unknown>>>;
export const ok = <T>(v: T): Result<T> => ({ ok: v });
export const error = (message: string): Result<never> => ({ error: message });

export const oneOf =
  <T extends string>(allowed: readonly T[]): Parse<T> =>
  (raw) => {
    const hit = allowed.find((a) => a.toLowerCase() === raw.trim().toLowerCase());
    return hit ? ok(hit) : error(`must be one of ${allowed.join(', ')}`);
  };

export const integer =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const n = Number(raw.trim());
    return Number.isInteger(n) && n >= min && n <= max ? ok(n) : error(`must be a whole number from ${min} to ${max}`);
  };

export const list = (raw: string) => [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];

/** The parameters every gadget reads. */
const SHARED_PARSERS = {
  // Only well-formed here; whether the build allows it is decided in loadConfig (it needs the allowed list).
  wxmBaseUrl: (raw: string) => normaliseWxmAddress(raw),
  tokenSource: (raw: string) => (/^[\w.-]{1,64}$/.test(raw.trim()) ? ok(raw.trim()) : error('must be a name of letters, digits, . _ -')),
  questionnaires: (raw: string) => ok(list(raw)),
  locale: (raw: string) => {
    let canonical: string | undefined;
    try {
      [canonical] = Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'));
    } catch {
      /* reported below */
    }
    if (!canonical) return error('must be a BCP-47 locale such as de-DE');
    // Well-formed but unknown (e.g. "xx"): dates and numbers would silently come out in another language.
    if (Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 0) return error(`"${canonical}" is not a locale this browser knows, e.g. de-DE`);
    return ok(canonical);
  },
  maskPii: (raw: string) => {
    const v = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return ok(true);
    if (['false', '0', 'no', 'off'].includes(v)) return ok(false);
    return error('must be true or false');
  },
  timeoutMs: integer(1000, 120_000),
  theme: (raw: string) => {
    const v = raw.trim().toLowerCase();
    return v === 'light' || v === 'dark' || v === 'auto' ? ok(v) : error('must be light, dark or auto');
  },
} satisfies ParamParsers;

export interface LoadedConfig {
  config: GadgetConfig;
  problems: ConfigProblem[];
  /** Set when the WxM address is not one this build allows: the gadget must not call WxM at all. */
  wxmBlocked?: ConfigProblem;
}

/**
 * Builds the configuration; never throws. `gadgetParsers`: the gadget's own parameters (analytics-params.ts);
 * `wxmOrigins`: the allowed WxM base URLs (default: this build's).
 */
export function loadConfig(
  params: URLSearchParams,
  prefs: Record<string, string>,
  gadgetParsers: ParamParsers = {},
  wxmOrigins: readonly string[] = WXM_ORIGINS,
): LoadedConfig {
  const parsers: ParamParsers = { ...SHARED_PARSERS, ...gadgetParsers };
  const problems: ConfigProblem[] = [];
  const config: GadgetConfig = { ...DEFAULT_CONFIG, wxmBaseUrl: wxmOrigins[0]!, questionnaires: [], metrics: [...DEFAULT_CONFIG.metrics], targets: {} };
  const known = new Set<string>(PARAM_NAMES.map((n) => n.toLowerCase()));
  let wxmBlocked: ConfigProblem | undefined;

  for (const key of new Set(params.keys())) {
    if (!known.has(key.toLowerCase()) && !FOREIGN.test(key)) {
      problems.push({ param: key, message: `unknown parameter "${key}" (ignored); known: ${PARAM_NAMES.join(', ')}` });
    }
  }
  /** URL value (name matched case-insensitively, as admins type it), else the UserPref; '' counts as unset. */
  const given = (name: string): { value: string; from: string } | { conflict: string[] } | undefined => {
    const hits = [...params].filter(([k, v]) => k.toLowerCase() === name.toLowerCase() && v.trim() !== '');
    if (new Set(hits.map(([, v]) => v.trim())).size > 1) return { conflict: [...new Set(hits.map(([k]) => k))] };
    if (hits[0]) return { value: hits[0][1], from: 'URL' };
    const pref = prefs[name];
    return pref !== undefined && pref.trim() !== '' ? { value: pref, from: 'UserPref' } : undefined;
  };

  for (const name of PARAM_NAMES) {
    const parse = parsers[name];
    const raw = parse && given(name);
    if (!raw) continue;
    // Fail closed for wxmBaseUrl: the token would follow it, so there is no fallback to the default either.
    const fallback = name === 'wxmBaseUrl' ? 'the gadget sends no request to WxM until this is fixed' : 'the default is used';
    let message: string | undefined;
    if ('conflict' in raw) {
      message = `${name} is given more than once with different values (${raw.conflict.join(', ')}): give it once; ${fallback}`;
    } else {
      const parsed: Result<unknown> = parse(raw.value);
      if ('error' in parsed) message = `${name} ${parsed.error}; the ${raw.from} value is ignored and ${fallback}`;
      else if (name === 'wxmBaseUrl' && !wxmOrigins.includes(parsed.ok as string)) {
        message = `this WxM address (${parsed.ok as string}, ${name} from the ${raw.from}) is not allowed by this build (allowed: ${wxmOrigins.join(', ')}); ${fallback}`;
      } else apply(config, name, parsed.ok);
    }
    if (message === undefined) continue;
    const problem = { param: name, message };
    if (name === 'wxmBaseUrl') wxmBlocked = problem;
    problems.push(problem);
  }
  return wxmBlocked ? { config, problems, wxmBlocked } : { config, problems };
}

function apply(config: GadgetConfig, name: ParamName, value: unknown): void {
  const target = /^target(Nps|Csat|Ces)$/.exec(name);
  if (target) config.targets[target[1]!.toLowerCase() as 'nps' | 'csat' | 'ces'] = value as number;
  else (config as unknown as Record<string, unknown>)[name === 'filterTags' ? 'filterTag' : name] = value;
}
