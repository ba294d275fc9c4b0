/**
 * The data plan of one view. NPS comes from the FlashNPS aggregate (no raw paging for it); CSAT/CES, the
 * trend, the per-agent table and the verbatims come from ONE streamed pass over the raw answers, folded as
 * they arrive (no raw answer is kept). The previous period is folded the same way, but only for the metrics
 * that have no aggregate. Everything hangs off one AbortSignal: a period or team change aborts it all.
 */
import type { WxmApi, TagMap } from '../../shared/wxm/api.js';
import type { Answer, FilterBy, WxmSettings } from '../../shared/wxm/types.js';
import type { CesFormula, CsatFormula } from '../../shared/config/types.js';
import type { Bucket, MetricsSummary, NpsBands, NpsResult } from '../../shared/metrics/types.js';
import {
  BucketedFold,
  GroupedFold,
  MetricFold,
  contextValue,
  npsBands,
  npsFromFlash,
  type FoldOptions,
  type MetricName,
} from '../../shared/metrics/index.js';
import { AppError } from '../../shared/errors.js';
import { resolvePeriod, type PeriodChoice, type Range, type ResolvedPeriod } from './period.js';
import { viewFilter, type AnswerScope } from './filter.js';
import type { ViewRequest } from './view-request.js';
import { NewestList, verbatimReader, type Verbatim } from './verbatims.js';

export interface PlanConfig {
  questionnaires: string[];
  metrics: MetricName[];
  csatFormula: CsatFormula;
  cesFormula: CesFormula;
  minSample: number;
}

export interface AgentRow {
  agentId: string;
  summary: MetricsSummary;
  /** This agent's newest comments. */
  comments: Verbatim[];
}

/** What the first aggregate gives, before the raw pass is done (time to first KPI). */
export interface FirstLook {
  period: ResolvedPeriod;
  nps: NpsResult;
}

export interface ViewData {
  period: ResolvedPeriod;
  /** NPS from FlashNPS; CSAT/CES from the raw pass. */
  current: MetricsSummary;
  previous: MetricsSummary;
  benchmark?: { kind: 'team' | 'all'; nps: NpsResult };
  buckets: Bucket[];
  agents: AgentRow[];
  /** Newest comments, newest first. */
  verbatims: Verbatim[];
  /** Raw answers folded in the current period, and how many matched. */
  streamed: number;
  totalCount: number;
  /** The raw pass stopped at the cap: CSAT/CES/trend/table rest on the newest `streamed` answers. */
  capped: boolean;
  /** Records dropped as malformed (both periods). */
  malformed: number;
  bands: NpsBands;
  /** WxM refused /api/settings (403, a restricted token): default NPS bands and UTC were used. */
  settingsRefused: boolean;
  asOf: Date;
}

export interface PlanLimits {
  maxAnswers: number;
  pageSize: number;
  concurrency: number;
  verbatims: number;
  verbatimsPerAgent: number;
}

export const DEFAULT_LIMITS: PlanLimits = {
  maxAnswers: 20_000,
  // Fewer, larger pages: WxM allows ~15 requests per second per token and every request pays the latency.
  pageSize: 1000,
  concurrency: 2,
  verbatims: 30,
  verbatimsPerAgent: 10,
};

const needsRawPrevious = (metrics: MetricName[]) => metrics.includes('csat') || metrics.includes('ces');

export async function loadView(
  wxm: WxmApi,
  config: PlanConfig,
  req: ViewRequest,
  signal: AbortSignal,
  onFirstLook?: (first: FirstLook) => void,
  limits: PlanLimits = DEFAULT_LIMITS,
): Promise<ViewData> {
  // One controller for the whole plan: a failure anywhere stops the other requests too.
  const ctrl = new AbortController();
  const stop = () => ctrl.abort(signal.reason);
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });
  try {
    return await run(wxm, config, req, ctrl.signal, onFirstLook, limits);
  } catch (e) {
    ctrl.abort();
    throw e;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

async function run(
  wxm: WxmApi,
  config: PlanConfig,
  req: ViewRequest,
  signal: AbortSignal,
  onFirstLook: ((first: FirstLook) => void) | undefined,
  limits: PlanLimits,
): Promise<ViewData> {
  const [tagMap, { settings, settingsRefused }] = await Promise.all([wxm.tagMap(signal), settingsOrDefaults(wxm, signal)]);
  const tz = timeZoneOf(settings);
  const period = resolvePeriod(req.period, req.now ?? new Date(), tz);
  if (!period) throw new AppError('config-invalid', 'client', 'invalid custom period', { retryable: false });
  const bands = npsBands(settings);
  const options: FoldOptions = {
    tagMap,
    bands,
    minSample: config.minSample,
    csatFormula: config.csatFormula,
    cesFormula: config.cesFormula,
  };
  const filterFor = (scope: AnswerScope | undefined, range: Range) =>
    viewFilter(scope, range, tagMap, config.questionnaires);
  const currentFilter = filterFor(req.scope, period.current);
  const previousFilter = filterFor(req.scope, period.previous);
  const wantNps = config.metrics.includes('nps');

  const npsOf = async (filter: FilterBy) => npsFromFlash(await wxm.flashNps(filter, signal), config.minSample);
  const currentNps = wantNps
    ? npsOf(currentFilter).then((nps) => {
        onFirstLook?.({ period, nps });
        return nps;
      })
    : undefined;
  const previousNps = wantNps ? npsOf(previousFilter) : undefined;
  const benchmark =
    wantNps && req.benchmark
      ? npsOf(filterFor(req.benchmark.scope, period.current)).then((nps) => ({ kind: req.benchmark!.kind, nps }))
      : undefined;

  const currentPass = foldCurrent(wxm, currentFilter, options, tagMap, bands, period, req.perAgent, signal, limits, tz);
  const previousPass = needsRawPrevious(config.metrics)
    ? foldSummary(wxm, previousFilter, options, signal, limits)
    : Promise.resolve({ summary: new MetricFold(options).result(), malformed: 0 });

  const [cur, prev, curNps, prevNps, bench] = await Promise.all([
    currentPass,
    previousPass,
    currentNps,
    previousNps,
    benchmark,
  ]);
  const data: ViewData = {
    period,
    current: curNps ? { ...cur.summary, nps: curNps } : cur.summary,
    previous: prevNps ? { ...prev.summary, nps: prevNps } : prev.summary,
    buckets: cur.buckets,
    agents: cur.agents,
    verbatims: cur.verbatims,
    streamed: cur.streamed,
    totalCount: cur.totalCount,
    capped: cur.capped,
    malformed: cur.malformed + prev.malformed,
    bands,
    settingsRefused,
    asOf: new Date(),
  };
  if (bench) data.benchmark = bench;
  return data;
}

/** The account settings, or the defaults when WxM refuses them (403): the view still loads, and says so. */
async function settingsOrDefaults(wxm: WxmApi, signal: AbortSignal): Promise<{ settings: WxmSettings; settingsRefused: boolean }> {
  try {
    return { settings: await wxm.settings(signal), settingsRefused: false };
  } catch (e) {
    if (e instanceof AppError && e.status === 403) return { settings: { timeZoneOffset: 0 }, settingsRefused: true };
    throw e;
  }
}

function timeZoneOf(settings: WxmSettings): number {
  return Number.isFinite(settings.timeZoneOffset) ? settings.timeZoneOffset : 0;
}

interface PassStats {
  streamed: number;
  totalCount: number;
  malformed: number;
  capped: boolean;
}

/** Streams every answer matching `filter` (up to the cap) into `sink`. */
async function stream(
  wxm: WxmApi,
  filter: FilterBy,
  signal: AbortSignal,
  limits: PlanLimits,
  sink: (a: Answer) => void,
): Promise<PassStats> {
  let streamed = 0;
  let totalCount = 0;
  let malformed = 0;
  const batches = wxm.streamAnswers(filter, {
    pageSize: limits.pageSize,
    maxAnswers: limits.maxAnswers,
    concurrency: limits.concurrency,
    signal,
  });
  for await (const batch of batches) {
    totalCount = Math.max(totalCount, batch.totalCount);
    malformed += batch.malformed;
    for (const answer of batch.answers) {
      if (streamed >= limits.maxAnswers) break;
      sink(answer);
      streamed++;
    }
    if (streamed >= limits.maxAnswers) break;
  }
  const capped = streamed >= limits.maxAnswers && totalCount - malformed > streamed;
  return { streamed, totalCount, malformed, capped };
}

async function foldSummary(wxm: WxmApi, filter: FilterBy, options: FoldOptions, signal: AbortSignal, limits: PlanLimits) {
  const fold = new MetricFold(options);
  const stats = await stream(wxm, filter, signal, limits, (a) => fold.add(a));
  return { summary: fold.result(), malformed: stats.malformed };
}

async function foldCurrent(
  wxm: WxmApi,
  filter: FilterBy,
  options: FoldOptions,
  tagMap: TagMap,
  bands: NpsBands,
  period: ResolvedPeriod,
  perAgent: boolean,
  signal: AbortSignal,
  limits: PlanLimits,
  timeZoneOffset: number,
) {
  const total = new MetricFold(options);
  const trend = new BucketedFold({ ...options, size: period.bucket, timeZoneOffset });
  const agentOf = (a: Answer) => contextValue(a, tagMap, 'cc_AgentId');
  const groups = perAgent ? new GroupedFold({ ...options, key: agentOf }) : undefined;
  const readVerbatim = verbatimReader(tagMap, bands);
  const newest = new NewestList<Verbatim>(limits.verbatims);
  const perAgentComments = new Map<string, NewestList<Verbatim>>();

  const stats = await stream(wxm, filter, signal, limits, (answer) => {
    total.add(answer);
    trend.add(answer);
    groups?.add(answer);
    const agentId = perAgent ? agentOf(answer) : undefined;
    const v = readVerbatim(answer, agentId);
    if (!v) return;
    newest.add(v);
    if (agentId !== undefined) {
      let list = perAgentComments.get(agentId);
      if (!list) perAgentComments.set(agentId, (list = new NewestList<Verbatim>(limits.verbatimsPerAgent)));
      list.add(v);
    }
  });

  const agents: AgentRow[] = groups
    ? [...groups.groups()].map(([agentId, summary]) => ({
        agentId,
        summary,
        comments: perAgentComments.get(agentId)?.list() ?? [],
      }))
    : [];
  return { ...stats, summary: total.result(), buckets: trend.buckets(), agents, verbatims: newest.list() };
}
