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
 */
import type { CesFormula, ConfigProblem, CsatFormula, FilterTag, GadgetConfig } from './types.js';
import { normaliseWxmAddress, WXM_ORIGINS } from './wxm-origins.js';

export const DEFAULT_CONFIG: Readonly<GadgetConfig> = Object.freeze<GadgetConfig>({
  wxmBaseUrl: WXM_ORIGINS[0]!,
  tokenSource: 'cherrypoint',
  questionnaires: [],
  metrics: ['nps', 'csat', 'ces'],
  csatFormula: 'top2',
  cesFormula: 'mean',
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
  'theme', 'aggregates',
] as const;

/** Parameters that belong to Finesse/Shindig, not to us. */
const FOREIGN = /^(gadgetHeight|nocache|up_.*)$/i;

type Result<T> = { ok: T } | { error: string };
type Parse<T> = (raw: string) => Result<T>;
const ok = <T>(v: T): Result<T> => ({ ok: v });
const error = (message: string): Result<never> => ({ error: message });

const oneOf =
  <T extends string>(allowed: readonly T[]): Parse<T> =>
  (raw) => {
    const hit = allowed.find((a) => a.toLowerCase() === raw.trim().toLowerCase());
    return hit ? ok(hit) : error(`must be one of ${allowed.join(', ')}`);
  };

const integer =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const n = Number(raw.trim());
    return Number.isInteger(n) && n >= min && n <= max ? ok(n) : error(`must be a whole number from ${min} to ${max}`);
  };

const number =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const n = Number(raw.trim());
    return Number.isFinite(n) && n >= min && n <= max ? ok(n) : error(`must be a number from ${min} to ${max}`);
  };

const list = (raw: string) => [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];

const PARSERS = {
  // Only well-formed here; whether the build allows it is decided in loadConfig (it needs the allowed list).
  wxmBaseUrl: (raw: string) => normaliseWxmAddress(raw),
  tokenSource: (raw: string) => (/^[\w.-]{1,64}$/.test(raw.trim()) ? ok(raw.trim()) : error('must be a name of letters, digits, . _ -')),
  filterTags: oneOf<FilterTag>(['cc_AgentId', 'cc_TeamId']),
  questionnaires: (raw: string) => ok(list(raw)),
  metrics: (raw: string) => {
    const items = list(raw.toLowerCase());
    const bad = items.filter((m) => !['nps', 'csat', 'ces'].includes(m));
    if (items.length === 0 || bad.length > 0) return error('must be a comma-separated subset of nps, csat, ces');
    return ok(items as GadgetConfig['metrics']);
  },
  csatFormula: oneOf<CsatFormula>(['top2', 'mean']),
  cesFormula: oneOf<CesFormula>(['mean', 'easyShare']),
  minSample: integer(1, 1_000_000),
  targetNps: number(-100, 100),
  targetCsat: number(0, 100),
  targetCes: number(1, 7),
  refreshSeconds: (raw: string) => {
    const n = Number(raw.trim());
    return Number.isInteger(n) && (n === 0 || (n >= 30 && n <= 86_400)) ? ok(n) : error('must be 0 (off) or a whole number of seconds from 30 to 86400');
  },
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
  aggregates: oneOf<'auto' | 'off'>(['auto', 'off']),
} satisfies Record<(typeof PARAM_NAMES)[number], Parse<unknown>>;

export interface LoadedConfig {
  config: GadgetConfig;
  problems: ConfigProblem[];
  /** Set when the WxM address is not one this build allows: the gadget must not call WxM at all. */
  wxmBlocked?: ConfigProblem;
}

/** Builds the configuration; never throws. `wxmOrigins`: the allowed WxM base URLs (default: this build's). */
export function loadConfig(params: URLSearchParams, prefs: Record<string, string>, wxmOrigins: readonly string[] = WXM_ORIGINS): LoadedConfig {
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
    const raw = given(name);
    if (!raw) continue;
    // Fail closed for wxmBaseUrl: the token would follow it, so there is no fallback to the default either.
    const fallback = name === 'wxmBaseUrl' ? 'the gadget sends no request to WxM until this is fixed' : 'the default is used';
    let message: string | undefined;
    if ('conflict' in raw) {
      message = `${name} is given more than once with different values (${raw.conflict.join(', ')}): give it once; ${fallback}`;
    } else {
      const parsed: Result<unknown> = PARSERS[name](raw.value);
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

function apply(config: GadgetConfig, name: (typeof PARAM_NAMES)[number], value: unknown): void {
  switch (name) {
    case 'filterTags':
      config.filterTag = value as FilterTag;
      break;
    case 'targetNps':
      config.targets.nps = value as number;
      break;
    case 'targetCsat':
      config.targets.csat = value as number;
      break;
    case 'targetCes':
      config.targets.ces = value as number;
      break;
    default:
      (config as unknown as Record<string, unknown>)[name] = value;
  }
}
