/**
 * The parameters only the analytics gadget reads (docs/parameters.md): which tag filters the view, the metrics
 * and their formulas, the low-sample threshold, targets and auto-refresh. The journey never loads this module,
 * so its bundle carries none of these parsers (their names stay known to config.ts: no "unknown parameter").
 */
import { error, integer, list, ok, oneOf, type Parse, type ParamParsers } from './config.js';
import type { CesFormula, CsatFormula, FilterTag, GadgetConfig } from './types.js';

const number =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const n = Number(raw.trim());
    return Number.isFinite(n) && n >= min && n <= max ? ok(n) : error(`must be a number from ${min} to ${max}`);
  };

export const ANALYTICS_PARAMS = {
  filterTags: oneOf<FilterTag>(['cc_AgentId', 'cc_TeamId']),
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
  aggregates: oneOf<'auto' | 'off'>(['auto', 'off']),
} satisfies ParamParsers;
