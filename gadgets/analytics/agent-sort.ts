/** Sorting of the per-agent table: by name or any metric's headline; rows without a value always last. */
import { headline, type Formulas, type MetricName } from '../../shared/metrics/index.js';
import type { AgentRow } from './plan.js';

export type AgentSortKey = 'agent' | 'n' | MetricName;
export type SortDirection = 'ascending' | 'descending';

export function sortAgents(rows: readonly AgentRow[], key: AgentSortKey, dir: SortDirection, formulas: Formulas): AgentRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (r: AgentRow): number | string | null =>
    key === 'agent' ? r.agentId : key === 'n' ? r.summary.answers : headline(key, r.summary, formulas);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.agentId.localeCompare(b.agentId) : va === null ? 1 : -1;
    const c =
      typeof va === 'string' ? va.localeCompare(String(vb), undefined, { numeric: true }) : va - (vb as number);
    return c !== 0 ? sign * c : a.agentId.localeCompare(b.agentId, undefined, { numeric: true });
  });
}
