/**
 * The data plan of one view. First choice: WxM's own aggregates (aggregate-plan.ts), exact at any volume for a
 * bounded number of requests. Fallback, automatic when a tenant lacks them (or with aggregates=off): one streamed
 * pass over the raw answers (stream-plan.ts), a part loaded only when a view needs it. Everything hangs off one
 * AbortSignal: a period or team change aborts it all. The view says which path it used (`source`).
 */
import type { WxmApi, TagMap } from '../../shared/wxm/api.js';
import type { FilterBy, WxmSettings } from '../../shared/wxm/types.js';
import type { CesFormula, CsatFormula } from '../../shared/config/types.js';
import type { Bucket, BucketSize, MetricsSummary, NpsBands, NpsResult } from '../../shared/metrics/types.js';
import { npsBands, type FoldOptions, type MetricName } from '../../shared/metrics/index.js';
import { AggregateUnavailable } from '../../shared/wxm/aggregates.js';
import { log } from '../../shared/log.js';
import { AppError } from '../../shared/errors.js';
import { resolvePeriod, type Range, type ResolvedPeriod } from './period.js';
import { viewFilter, type AnswerScope } from './filter.js';
import type { ViewRequest } from './view-request.js';
import type { Verbatim } from './verbatims.js';
import { aggregateView } from './aggregate-plan.js';
import { requestPacer, type Pacer } from './request-pacer.js';
import { loadPart, type Parts } from '../../shared/parts/loader.js';
import { raceAbort } from '../../shared/async.js';

export interface PlanConfig {
  questionnaires: string[];
  metrics: MetricName[];
  csatFormula: CsatFormula;
  cesFormula: CesFormula;
  minSample: number;
  /** 'off': always page the raw answers. Default 'auto'. */
  aggregates?: 'auto' | 'off';
  /** Where summaries of closed periods are kept across loads (closed-summaries.ts); none: for the client's session. */
  storageKey?: string;
}

export interface AgentRow {
  agentId: string;
  summary: MetricsSummary;
  /** This agent's newest comments. */
  comments: Verbatim[];
}

/** What the first aggregate gives, before the rest is in (time to first KPI). */
export interface FirstLook {
  period: ResolvedPeriod;
  nps: NpsResult;
  /** Every KPI of the current period (the aggregate path has them all at once). */
  summary?: MetricsSummary;
}

/** Where a view's numbers came from (shown in diagnostics). */
export type DataSource = { path: 'aggregates' } | AnswersSource;
export interface AnswersSource {
  path: 'answers';
  reason: 'aggregates-off' | 'aggregates-missing' | 'aggregates-shape' | 'no-aggregate-client';
  /** A refresh that read only the answers newer than the last seen: how many were new. */
  incremental?: number;
}

export interface ViewData {
  period: ResolvedPeriod;
  source: DataSource;
  current: MetricsSummary;
  previous: MetricsSummary;
  benchmark?: { kind: 'team' | 'all'; nps: NpsResult; summary?: MetricsSummary };
  /** The trend's bucket, chosen from the period's response count (period.ts chooseBucket). */
  bucket: BucketSize;
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
  /** The account's time zone (minutes east of UTC): period labels and days are the account's. */
  timeZoneOffset: number;
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
  /** Both paths: requests in flight at once, and at most this many started per second (WxM: 15/s per token, less
   *  the settings and questions reads that precede them; request-pacer.ts). */
  requestConcurrency: number;
  requestsPerSecond: number;
  /** Aggregate path: rows of the one page of newest commented answers. */
  commentPage: number;
}

export const DEFAULT_LIMITS: PlanLimits = {
  maxAnswers: 20_000,
  // Fewer, larger pages: WxM allows ~15 requests per second per token and every request pays the latency.
  pageSize: 1000,
  concurrency: 2,
  // Ten shown, ten more on demand; each comment page holds as many, so the newest twenty across questionnaires are exact.
  verbatims: 20,
  verbatimsPerAgent: 10,
  requestConcurrency: 6,
  requestsPerSecond: 13,
  commentPage: 20,
};

/** Everything both paths share for one view load. */
export interface PlanContext {
  wxm: WxmApi;
  config: PlanConfig;
  req: ViewRequest;
  signal: AbortSignal;
  limits: PlanLimits;
  tagMap: TagMap;
  bands: NpsBands;
  period: ResolvedPeriod;
  /** Account time zone, minutes east of UTC. */
  timeZoneOffset: number;
  options: FoldOptions;
  settingsRefused: boolean;
  filterFor(scope: AnswerScope | undefined, range: Range): FilterBy;
  /** Every WxM request of the view load goes through it: one rate budget for all of them. */
  pace: Pacer;
  onFirstLook?: (first: FirstLook) => void;
}

/** Clients whose tenant lacks an aggregate route: later views go straight to the fallback. */
const withoutAggregates = new WeakMap<WxmApi, AnswersSource>();

/** The fallback's part (stream-plan.ts) could not load: the view says so and Retry loads it again. */
export class FallbackUnavailable extends AppError {
  constructor(cause: unknown) {
    super('network', 'client', `the raw-answer fallback could not load: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

type AnswersFallback = Parts['answers-fallback'];

/** Loads the fallback's part (once per page; again after a failure, shared/parts/loader.ts). */
async function answersFallback(): Promise<AnswersFallback> {
  try {
    return await loadPart('answers-fallback');
  } catch (e) {
    throw new FallbackUnavailable(e);
  }
}

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
  // A view known to fall back loads the part alongside the settings and questions.
  const early = config.aggregates === 'off' || withoutAggregates.has(wxm) ? answersFallback() : undefined;
  early?.catch(() => undefined); // awaited in chooseSource, unless prepare fails first
  try {
    const ctx = await prepare(wxm, config, req, ctrl.signal, onFirstLook, limits);
    return await chooseSource(ctx, early);
  } catch (e) {
    ctrl.abort();
    throw e;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

async function chooseSource(ctx: PlanContext, early: Promise<AnswersFallback> | undefined): Promise<ViewData> {
  const { wxm, config } = ctx;
  const fallback = async (source: AnswersSource) => (await raceAbort(early ?? answersFallback(), ctx.signal)).streamView(ctx, source);
  if (config.aggregates === 'off') return fallback({ path: 'answers', reason: 'aggregates-off' });
  const request = wxm.request;
  if (!request) return fallback({ path: 'answers', reason: 'no-aggregate-client' });
  const known = withoutAggregates.get(wxm);
  if (known) return fallback(known);
  try {
    return await aggregateView(ctx, request);
  } catch (e) {
    if (!(e instanceof AggregateUnavailable)) throw e;
    const source: AnswersSource = { path: 'answers', reason: e.reason === 'missing' ? 'aggregates-missing' : 'aggregates-shape' };
    log.warn(`${e.message}: views read the raw answers`);
    withoutAggregates.set(wxm, source);
    return fallback(source);
  }
}

async function prepare(
  wxm: WxmApi,
  config: PlanConfig,
  req: ViewRequest,
  signal: AbortSignal,
  onFirstLook: ((first: FirstLook) => void) | undefined,
  limits: PlanLimits,
): Promise<PlanContext> {
  const [tagMap, { settings, settingsRefused }] = await Promise.all([wxm.tagMap(signal), settingsOrDefaults(wxm, signal)]);
  const timeZoneOffset = timeZoneOf(settings);
  const period = resolvePeriod(req.period, req.now ?? new Date(), timeZoneOffset);
  if (!period) throw new AppError('config-invalid', 'client', 'invalid custom period', { retryable: false });
  const bands = npsBands(settings);
  const options: FoldOptions = {
    tagMap,
    bands,
    minSample: config.minSample,
    csatFormula: config.csatFormula,
    cesFormula: config.cesFormula,
  };
  const filterFor = (scope: AnswerScope | undefined, range: Range) => viewFilter(scope, range, tagMap, config.questionnaires);
  const pace = requestPacer(limits.requestConcurrency, limits.requestsPerSecond);
  const ctx: PlanContext = { wxm, config, req, signal, limits, tagMap, bands, period, timeZoneOffset, options, settingsRefused, filterFor, pace };
  if (onFirstLook) ctx.onFirstLook = onFirstLook;
  return ctx;
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
