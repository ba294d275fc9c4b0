/**
 * The fallback data plan: NPS from the FlashNPS aggregate; CSAT/CES, the trend, the per-agent table and the
 * verbatims from ONE streamed pass over the raw answers, folded as they arrive (no raw answer is kept), up to a cap.
 * The previous period is folded the same way, but only for the metrics that FlashNPS does not give.
 */
import type { WxmApi, TagMap } from '../../shared/wxm/api.js';
import type { Answer, FilterBy } from '../../shared/wxm/types.js';
import type { Bucket, MetricsSummary, NpsBands } from '../../shared/metrics/types.js';
import { BucketedFold, GroupedFold, MetricFold, contextValue, npsFromFlash, type FoldOptions, type MetricName } from '../../shared/metrics/index.js';
import { bucketRanges, type ResolvedPeriod } from './period.js';
import { CommentCollector } from './verbatims.js';
import type { AgentRow, DataSource, PlanContext, PlanLimits, ViewData } from './plan.js';

const needsRawPrevious = (metrics: MetricName[]) => metrics.includes('csat') || metrics.includes('ces');

/** The fallback view: NPS from FlashNPS, everything else folded from the streamed raw answers. */
export async function streamView(ctx: PlanContext, source: DataSource): Promise<ViewData> {
  const { wxm, config, req, signal, limits, tagMap, bands, period, options, settingsRefused, filterFor, onFirstLook } = ctx;
  const tz = ctx.timeZoneOffset;
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
    source,
    current: curNps ? { ...cur.summary, nps: curNps } : cur.summary,
    previous: prevNps ? { ...prev.summary, nps: prevNps } : prev.summary,
    buckets: everyBucket(cur.buckets, period, tz, () => new MetricFold(options).result()),
    agents: cur.agents,
    verbatims: cur.verbatims,
    streamed: cur.streamed,
    totalCount: cur.totalCount,
    capped: cur.capped,
    malformed: cur.malformed + prev.malformed,
    bands,
    timeZoneOffset: tz,
    settingsRefused,
    asOf: new Date(),
  };
  if (bench) data.benchmark = bench;
  return data;
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
  const comments = new CommentCollector(tagMap, bands, limits);

  const stats = await stream(wxm, filter, signal, limits, (answer) => {
    total.add(answer);
    trend.add(answer);
    groups?.add(answer);
    comments.add(answer, perAgent ? agentOf(answer) : undefined);
  });

  const agents: AgentRow[] = groups
    ? [...groups.groups()].map(([agentId, summary]) => ({
        agentId,
        summary,
        comments: comments.of(agentId),
      }))
    : [];
  return { ...stats, summary: total.result(), buckets: trend.buckets(), agents, verbatims: comments.list() };
}

/** The fold's non-empty buckets on an even time axis: every bucket of the period, empty ones as n = 0. */
function everyBucket(folded: Bucket[], period: ResolvedPeriod, timeZoneOffset: number, empty: () => MetricsSummary): Bucket[] {
  const byStart = new Map(folded.map((b) => [b.start, b]));
  return bucketRanges(period, timeZoneOffset).map(({ start }) => byStart.get(start) ?? { start, summary: empty() });
}
