/**
 * The fallback data plan: NPS from the FlashNPS aggregate; CSAT/CES, the trend, the per-agent table and the
 * verbatims from ONE streamed pass over the raw answers, folded as they arrive (no raw answer is kept), up to a cap.
 * The previous period is folded the same way, but only for the metrics that FlashNPS does not give.
 *
 * A refresh of the same view (same scope, settings and period start, the end only later) reads only the answers
 * at or after the newest already folded and adds them to the kept folds (issue 13 §1). Answers at exactly that
 * instant are read again (afterdate is inclusive) and skipped by id. The folds cannot subtract answers, so when the
 * window's start moved (a rolling period's new day) or the kept pass was capped, the view is read in full again:
 * only then does an incremental refresh give exactly a full load's numbers.
 *
 * A part (shared/parts/loader.ts): most tenants have the aggregates, so this plan and the folds only it uses are
 * built as their own script and loaded by plan.ts only when a view falls back. Its module state (the folds kept
 * for the next refresh) lives here: a part is loaded once per page. The log comes through the bridge; the
 * stateless helpers it needs (folds, periods, comments) are carried in the part.
 */
import type { WxmApi } from '../../shared/wxm/api.js';
import type { Answer, FilterBy } from '../../shared/wxm/types.js';
import type { Bucket, MetricsSummary } from '../../shared/metrics/types.js';
import { BucketedFold, GroupedFold, MetricFold, contextValue, npsFromFlash, type MetricName } from '../../shared/metrics/index.js';
import { answerTime } from '../../shared/metrics/bucket.js';
import { log, registerPart } from '../../shared/parts/bridge.js';
import { bucketRanges, chooseBucket, type Range } from './period.js';
import { CommentCollector } from './verbatims.js';
import { viewKey } from './view-request.js';
import type { AgentRow, AnswersSource, PlanContext, ViewData } from './plan.js';
import { incrementalText } from './incremental-text.js';

const needsRawPrevious = (metrics: MetricName[]) => metrics.includes('csat') || metrics.includes('ces');

interface PassStats {
  streamed: number;
  totalCount: number;
  malformed: number;
  capped: boolean;
}

/** The newest answer time folded from a window, and the ids of the answers at exactly that time. */
class Edge {
  newest = -Infinity;
  ids = new Set<string>();

  /** Not folded yet: later than the edge, or at it under another id. */
  isNew(a: Answer): boolean {
    const t = answerTime(a.responseDateTime);
    return t > this.newest || (t === this.newest && !this.ids.has(a.id));
  }

  see(a: Answer): void {
    const t = answerTime(a.responseDateTime);
    if (!(t >= this.newest)) return;
    if (t > this.newest) {
      this.newest = t;
      this.ids.clear();
    }
    this.ids.add(a.id);
  }

  /** The window's filter from the edge on (the whole window while nothing is folded). */
  filter(window: FilterBy): FilterBy {
    return Number.isFinite(this.newest) ? { ...window, afterdate: new Date(this.newest).toISOString() } : window;
  }
}

/** One window's folds: the current period's feed everything, the previous period's only its summary. */
class WindowFold {
  readonly edge = new Edge();
  readonly stats: PassStats = { streamed: 0, totalCount: 0, malformed: 0, capped: false };
  readonly total: MetricFold;
  readonly trend?: BucketedFold;
  readonly groups?: GroupedFold;
  readonly comments?: CommentCollector;
  readonly #agentOf: (a: Answer) => string | undefined;

  constructor(ctx: PlanContext, full: boolean) {
    const { options, tagMap, bands, limits, req } = ctx;
    this.total = new MetricFold(options);
    this.#agentOf = (a) => contextValue(a, tagMap, 'cc_AgentId');
    if (!full) return;
    // By day: the bucket is chosen once the answers are in, and days merge into weeks or months.
    this.trend = new BucketedFold({ ...options, size: 'day', timeZoneOffset: ctx.timeZoneOffset });
    if (req.perAgent) this.groups = new GroupedFold({ ...options, key: this.#agentOf });
    this.comments = new CommentCollector(tagMap, bands, limits);
  }

  add(answer: Answer): void {
    this.edge.see(answer);
    this.total.add(answer);
    this.trend?.add(answer);
    this.groups?.add(answer);
    this.comments?.add(answer, this.groups ? this.#agentOf(answer) : undefined);
  }

  agents(): AgentRow[] {
    const { groups, comments } = this;
    return groups ? [...groups.groups()].map(([agentId, summary]) => ({ agentId, summary, comments: comments!.of(agentId) })) : [];
  }
}

/** What a streamed view leaves for the next refresh of the same view. */
interface Kept {
  key: string;
  ctx: PlanContext;
  current: WindowFold;
  previous?: WindowFold;
}

/** The last streamed view per client (one: a refresh follows the view on screen). */
const kept = new WeakMap<WxmApi, Kept>();

/** The same view with the same start and a later-or-equal end, folded uncapped, by the same settings. */
function keptFor(ctx: PlanContext, key: string): Kept | undefined {
  const k = kept.get(ctx.wxm);
  if (!k || k.key !== key || k.current.stats.capped || k.previous?.stats.capped) return undefined;
  const was = k.ctx;
  const same = (a: Range, b: Range) => a.start.getTime() === b.start.getTime() && a.end.getTime() <= b.end.getTime();
  const unchanged =
    was.config === ctx.config && was.limits === ctx.limits && was.tagMap === ctx.tagMap && was.timeZoneOffset === ctx.timeZoneOffset &&
    was.bands.passiveMin === ctx.bands.passiveMin && was.bands.passiveMax === ctx.bands.passiveMax;
  return unchanged && same(was.period.current, ctx.period.current) && same(was.period.previous, ctx.period.previous) ? k : undefined;
}

/** The fallback view: NPS from FlashNPS, everything else folded from the streamed raw answers. */
export async function streamView(ctx: PlanContext, source: AnswersSource): Promise<ViewData> {
  const { wxm, config, req, signal, period, options, settingsRefused, filterFor, onFirstLook, pace } = ctx;
  const currentFilter = filterFor(req.scope, period.current);
  const previousFilter = filterFor(req.scope, period.previous);
  const wantNps = config.metrics.includes('nps');

  const npsOf = async (filter: FilterBy) => npsFromFlash(await pace(() => wxm.flashNps(filter, signal)), config.minSample);
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

  const key = viewKey(req);
  const folds = (await incremental(ctx, keptFor(ctx, key), currentFilter, previousFilter)) ?? (await fullPass(ctx, currentFilter, previousFilter));
  const [curNps, prevNps, bench] = await Promise.all([currentNps, previousNps, benchmark]);
  const { current: cur, previous: prev } = folds;
  kept.set(wxm, { key, ctx, ...folds });

  const summary = cur.total.result();
  const previous = prev?.total.result() ?? new MetricFold(options).result();
  const bucket = chooseBucket(period, ctx.timeZoneOffset, summary.answers, options.minSample);
  const data: ViewData = {
    period,
    source: folds.added === undefined ? source : { ...source, incremental: folds.added },
    current: curNps ? { ...summary, nps: curNps } : summary,
    previous: prevNps ? { ...previous, nps: prevNps } : previous,
    bucket,
    buckets: everyBucket(cur.trend!.buckets(bucket), bucketRanges(period, ctx.timeZoneOffset, bucket), () => new MetricFold(options).result()),
    agents: cur.agents(),
    verbatims: cur.comments!.list(),
    ...cur.stats,
    malformed: cur.stats.malformed + (prev?.stats.malformed ?? 0),
    bands: ctx.bands,
    timeZoneOffset: ctx.timeZoneOffset,
    settingsRefused,
    asOf: new Date(),
  };
  if (bench) data.benchmark = bench;
  return data;
}

interface Folds {
  current: WindowFold;
  previous?: WindowFold;
  /** Incremental refresh: new answers folded into the current period. */
  added?: number;
}

async function fullPass(ctx: PlanContext, currentFilter: FilterBy, previousFilter: FilterBy): Promise<Folds> {
  const current = new WindowFold(ctx, true);
  const previous = needsRawPrevious(ctx.config.metrics) ? new WindowFold(ctx, false) : undefined;
  const fill = async (fold: WindowFold, filter: FilterBy) => Object.assign(fold.stats, await stream(ctx, filter, (a) => fold.add(a)));
  await Promise.all([fill(current, currentFilter), previous && fill(previous, previousFilter)]);
  return previous ? { current, previous } : { current };
}

/**
 * Only the answers after the kept folds' edges, added to them; undefined = read in full (nothing kept, or the
 * pass would now exceed the cap). The new answers are held until both windows are read, then folded at once:
 * an aborted or failed refresh leaves the kept folds as they were.
 */
async function incremental(ctx: PlanContext, k: Kept | undefined, currentFilter: FilterBy, previousFilter: FilterBy): Promise<Folds | undefined> {
  if (!k) return undefined;
  const read = async (fold: WindowFold | undefined, filter: FilterBy) => {
    const fresh: Answer[] = [];
    const stats = fold ? await stream(ctx, fold.edge.filter(filter), (a) => fold.edge.isNew(a) && fresh.push(a)) : undefined;
    return { fold, fresh, malformed: stats?.malformed ?? 0 };
  };
  const parts = await Promise.all([read(k.current, currentFilter), read(k.previous, previousFilter)]);
  if (parts.some((p) => p.fold && p.fold.stats.streamed + p.fresh.length > ctx.limits.maxAnswers)) return undefined;
  ctx.signal.throwIfAborted();
  for (const { fold, fresh, malformed } of parts) {
    if (!fold) continue;
    for (const a of fresh) fold.add(a);
    fold.stats.streamed += fresh.length;
    fold.stats.totalCount += fresh.length;
    fold.stats.malformed += malformed;
  }
  const added = parts[0].fresh.length;
  log.info(incrementalText(added));
  return { ...(k.previous ? { current: k.current, previous: k.previous } : { current: k.current }), added };
}

/** Streams every answer matching `filter` (up to the cap) into `sink`. */
async function stream(ctx: PlanContext, filter: FilterBy, sink: (a: Answer) => unknown): Promise<PassStats> {
  const { wxm, signal, limits } = ctx;
  let streamed = 0;
  let totalCount = 0;
  let malformed = 0;
  const batches = wxm.streamAnswers(filter, {
    pageSize: limits.pageSize,
    maxAnswers: limits.maxAnswers,
    concurrency: limits.concurrency,
    pace: ctx.pace,
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

/** The fold's non-empty buckets on an even time axis: every bucket of the period, empty ones as n = 0. */
function everyBucket(folded: Bucket[], ranges: { start: string }[], empty: () => MetricsSummary): Bucket[] {
  const byStart = new Map(folded.map((b) => [b.start, b]));
  return ranges.map(({ start }) => byStart.get(start) ?? { start, summary: empty() });
}

registerPart('answers-fallback', { streamView });
