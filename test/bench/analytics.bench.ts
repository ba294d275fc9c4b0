/**
 * CEA team view: a supervisor's team (50 agents in the large profile) over 90 days, against the large profile
 * with 150 ms latency (the harness default), on both data paths: WxM's aggregates (aggregates=auto) and the
 * raw-answer fallback (aggregates=off), each loaded cold (nothing kept) then warm (a second load in the same
 * browser). Figures per load: time from boot to the first KPI value on screen and to
 * the full view (all KPIs, trend, table, comments), WxM requests and response bytes (decoded bodies, counted by
 * the fetch the clients use), and whether the fallback's stream hit its cap. The harness adds the JS heap figures.
 */
import { startAnalytics } from '../../gadgets/analytics/start.js';
import type { AnalyticsApp } from '../../gadgets/analytics/analytics-app.js';
import { DEFAULT_LIMITS } from '../../gadgets/analytics/plan.js';
import { loadScript } from '../helpers/load-script.js';


function deepQueryAll(root: Element | ShadowRoot | Document, selector: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    out.push(...node.querySelectorAll(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root);
  return out;
}

const waitFor = (pred: () => boolean, timeoutMs: number) =>
  new Promise<number>((resolve, reject) => {
    const start = performance.now();
    const tick = () => {
      if (pred()) return resolve(performance.now());
      if (performance.now() - start > timeoutMs) return reject(new Error('timed out'));
      requestAnimationFrame(tick);
    };
    tick();
  });

interface People {
  teams: { id: string }[];
  agents: { teamId: string }[];
  supervisors: { id: string; supervisedTeamIds: string[] }[];
}

export default async function run(env: { finesseUrl: string; wxmUrl: string }): Promise<Record<string, number | string>> {
  const people = (await fetch('/_emulator/agents').then((r) => r.json())) as People;
  const size = (team: string) => people.agents.filter((a) => a.teamId === team).length;
  // The supervisor whose first team is the largest: that is the team the view opens with.
  const sup = [...people.supervisors].sort((a, b) => size(b.supervisedTeamIds[0] ?? '') - size(a.supervisedTeamIds[0] ?? ''))[0]!;
  const team = sup.supervisedTeamIds[0]!;
  const out: Record<string, number | string> = { team, 'agents in team': size(team) };
  for (const [label, aggregates] of [['aggregates', 'auto'], ['fallback', 'off']] as const) {
    // Cold: the first load on this desktop (nothing kept). Warm: the desktop opened again (the account's questions
    // and the closed periods' summaries kept by the first load; the browser's CORS preflights still cached).
    localStorage.clear();
    for (const load of ['cold', 'warm']) {
      const f = await viewLoad(env, sup.id, aggregates);
      for (const [k, v] of Object.entries(f)) out[`${label} ${load}: ${k}`] = v;
    }
  }
  return out;
}

async function viewLoad(env: { wxmUrl: string }, user: string, aggregates: 'auto' | 'off'): Promise<Record<string, number | string>> {
  const params = new URLSearchParams({ filterTags: 'cc_TeamId', wxmBaseUrl: env.wxmUrl, refreshSeconds: '0', aggregates });
  const gadgetUrl = `${location.origin}/3rdpartygadget/files/cx/analytics.xml?${params}`;
  await loadScript(`/gadgets/container.js?${new URLSearchParams({ user, url: gadgetUrl })}`);
  await loadScript('/desktop/assets/js/finesse.js');

  let wxmRequests = 0;
  let wxmBytes = 0;
  const wxmOrigin = new URL(env.wxmUrl).origin;
  const counting: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(wxmOrigin)) {
      wxmRequests++;
      wxmBytes += (await res.clone().arrayBuffer()).byteLength;
    }
    return res;
  };

  const t0 = performance.now();
  const host = document.createElement('div');
  document.body.append(host);
  const app = (await startAnalytics(host, { fetch: counting }, (a) => (a.period = { key: '90d' }))) as AnalyticsApp;
  const values = () =>
    deepQueryAll(app.shadowRoot!, '[part~=kpi]').map((c) => c.shadowRoot?.querySelector('[part~=kpi-value]')?.textContent ?? null);
  const tFirst = await waitFor(() => values().some((v) => v !== null), 120_000);
  const tFull = await waitFor(
    () => values().every((v) => v !== null) && deepQueryAll(app.shadowRoot!, '[part=as-of]').length > 0,
    170_000,
  );
  const agents = deepQueryAll(app.shadowRoot!, 'tr[data-agent]').length;
  const capped = deepQueryAll(app.shadowRoot!, '[part=capped]').length > 0;
  const error = deepQueryAll(app.shadowRoot!, 'cx-state-panel[kind=error]').length > 0;
  const source = deepQueryAll(app.shadowRoot!, '[part=period]')[0]?.getAttribute('data-source') ?? '?';
  const figures = {
    'data path': source,
    'agents in table': agents,
    'time to first KPI (ms)': Math.round(tFirst - t0),
    'time to full view (ms)': Math.round(tFull - t0),
    'WxM requests': wxmRequests,
    'WxM bytes received (kB)': Math.round(wxmBytes / 1024),
    'stream capped': capped ? `yes (newest ${DEFAULT_LIMITS.maxAnswers})` : 'no',
    'KPIs shown': values().join(' | '),
    error: error ? 'yes' : 'no',
  };
  host.remove();
  return figures;
}
