/**
 * Sorting of the per-agent table: by name, n, or a metric's headline or the lower bound of its 95% interval (so a
 * single perfect answer does not rank first, metrics.md). The spec's NPS interval has no width at ±100 (n = 1 at
 * 100 is [100, 100]), so by lower bound the rows below the minimum sample rank after the others. Rows without a
 * value always last.
 */
import { headline, headlineInterval, type Formulas, type MetricName } from '../../shared/metrics/index.js';
import type { AgentRow } from './plan.js';

export type AgentSortKey = 'agent' | 'n' | MetricName;
export type SortDirection = 'ascending' | 'descending';
/** What a metric column ranks by. */
export type AgentRank = 'value' | 'lowerBound';

export function sortAgents(
  rows: readonly AgentRow[],
  key: AgentSortKey,
  dir: SortDirection,
  formulas: Formulas,
  rank: AgentRank = 'value',
  nameOf: (agentId: string) => string = (id) => id,
): AgentRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (r: AgentRow): number | string | null => {
    if (key === 'agent') return nameOf(r.agentId);
    if (key === 'n') return r.summary.answers;
    return rank === 'lowerBound' ? (headlineInterval(key, r.summary, formulas)?.low ?? null) : headline(key, r.summary, formulas);
  };
  // By lower bound, a low-sample row ranks after every row that reaches the minimum sample.
  const tier = (r: AgentRow) => (rank === 'lowerBound' && key !== 'agent' && key !== 'n' && r.summary[key].lowSample ? 1 : 0);
  return [...rows].sort((a, b) => {
    if (tier(a) !== tier(b)) return tier(a) - tier(b);
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.agentId.localeCompare(b.agentId) : va === null ? 1 : -1;
    const c =
      typeof va === 'string' ? va.localeCompare(String(vb), undefined, { numeric: true }) : va - (vb as number);
    return c !== 0 ? sign * c : a.agentId.localeCompare(b.agentId, undefined, { numeric: true });
  });
}
