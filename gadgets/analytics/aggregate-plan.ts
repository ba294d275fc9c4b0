/**
 * The aggregate data plan (issue 13 §1): exact at any volume, for a bounded number of requests.
 * - KPI cards, previous period and benchmark: one `/api/summary` each;
 * - the per-agent table: one `compare(cc_AgentId question, metric question)` per metric question (each
 *   questionnaire has its own ids);
 * - the trend: one `/api/summary` per bucket;
 * - the comments: one small page of the newest answers that have a comment.
 * Any route missing or answering another shape throws AggregateUnavailable: the caller falls back to streaming.
 */
import { compareQuestions, responseSummary, type Distribution, type WxmRequest } from '../../shared/wxm/aggregates.js';
import type { Answer, FilterBy } from '../../shared/wxm/types.js';
import type { Bucket } from '../../shared/metrics/types.js';
import { contextValue } from '../../shared/metrics/index.js';
import { contextQuestionIds } from './filter.js';
import { bucketRanges, chooseBucket } from './period.js';
import { CommentCollector } from './verbatims.js';
import { countedSummary } from './counted-summary.js';
import type { Pacer } from './request-pacer.js';
import { closedSummaries } from './closed-summaries.js';
import type { AgentRow, PlanContext, ViewData } from './plan.js';

export async function aggregateView(ctx: PlanContext, request: WxmRequest): Promise<ViewData> {
  const { req, period, signal, options, filterFor, pace } = ctx;
  const closed = closedSummaries(ctx.wxm, ctx.config.storageKey, ctx.tagMap);
  /** A period's summary: from WxM, or kept from an earlier load once the period has closed (closed-summaries.ts). */
  const summaryOf = async (filter: FilterBy, end: Date) => {
    let s = closed.get(filter);
    if (!s) closed.put(filter, end, (s = await pace(() => responseSummary(request, filter, signal))));
    return countedSummary(s.questions, options, s.responseCount);
  };

  // Queued in the order the user sees them: KPIs first.
  const currentFilter = filterFor(req.scope, period.current);
  const current = summaryOf(currentFilter, period.current.end).then((summary) => {
    ctx.onFirstLook?.({ period, nps: summary.nps, summary });
    return summary;
  });
  // A rolling period's previous one ends at this instant less its length: a filter that never recurs, not kept.
  const previous = summaryOf(filterFor(req.scope, period.previous), req.period.key === 'custom' ? period.previous.end : new Date());
  const benchmark = req.benchmark ? summaryOf(filterFor(req.benchmark.scope, period.current), period.current.end) : undefined;
  const comments = newestComments(ctx, pace, currentFilter);
  const matrices = req.perAgent ? agentMatrices(ctx, pace, request, currentFilter) : Promise.resolve(new Map());
  // The bucket follows from the current period's response count: its summaries are queued once that is in.
  const trend = current.then(async (summary) => {
    const bucket = chooseBucket(period, ctx.timeZoneOffset, summary.answers, options.minSample);
    const ranges = bucketRanges(period, ctx.timeZoneOffset, bucket);
    // No answers in the period: every bucket is as empty as the period, nothing to ask.
    const buckets = await Promise.all(
      ranges.map(({ start, range }): Bucket | Promise<Bucket> =>
        summary.answers === 0 ? { start, summary } : summaryOf(filterFor(req.scope, range), range.end).then((s) => ({ start, summary: s })),
      ),
    );
    return { bucket, buckets };
  });

  // Whatever else fails, the periods that did come in are kept for the next load.
  void Promise.allSettled([current, previous, benchmark, trend]).then(() => closed.save());
  const [cur, prev, bench, com, perAgent, { bucket, buckets }] = await Promise.all([current, previous, benchmark, comments, matrices, trend]);
  const agents: AgentRow[] = [...perAgent].map(([agentId, questions]) => ({
    agentId,
    summary: countedSummary(questions, options),
    comments: com.comments.of(agentId),
  }));
  const data: ViewData = {
    period,
    source: { path: 'aggregates' },
    current: cur,
    previous: prev,
    bucket,
    buckets,
    agents,
    verbatims: com.comments.list(),
    streamed: 0,
    totalCount: cur.answers,
    capped: false,
    malformed: com.malformed,
    bands: ctx.bands,
    timeZoneOffset: ctx.timeZoneOffset,
    settingsRefused: ctx.settingsRefused,
    asOf: new Date(),
  };
  if (bench && req.benchmark) data.benchmark = { kind: req.benchmark.kind, nps: bench.nps, summary: bench };
  return data;
}

/** agent id → metric question id → distribution, from one compare per (agent question, metric question) pair. */
async function agentMatrices(ctx: PlanContext, pace: Pacer, request: WxmRequest, filter: FilterBy) {
  const { tagMap, config, signal } = ctx;
  const metricQuestions = config.metrics.flatMap((m) => tagMap[m]);
  const pairs = contextQuestionIds(tagMap, 'cc_AgentId', config.questionnaires).flatMap((agentQ) => {
    const set = tagMap.byId.get(agentQ)?.setName;
    return metricQuestions.filter((q) => set === undefined || q.questionnaire === set).map((q) => [agentQ, q.id] as const);
  });
  const results = await Promise.all(
    pairs.map(([agentQ, metricQ]) => pace(() => compareQuestions(request, agentQ, metricQ, filter, signal)).then((m) => [metricQ, m] as const)),
  );
  const perAgent = new Map<string, Map<string, Distribution>>();
  for (const [metricQ, matrix] of results) {
    for (const [agentId, counts] of matrix) {
      let questions = perAgent.get(agentId);
      if (!questions) perAgent.set(agentId, (questions = new Map()));
      questions.set(metricQ, counts);
    }
  }
  return perAgent;
}

/** The newest commented answers of the view: one page per comment question (at most a handful). */
async function newestComments(ctx: PlanContext, pace: Pacer, filter: FilterBy) {
  const { tagMap, signal, limits, req } = ctx;
  const comments = new CommentCollector(tagMap, ctx.bands, limits);
  let malformed = 0;
  const ids = tagMap.comments.filter((id) => !tagMap.hidden.has(id));
  const pages = await Promise.all(
    ids.map((questionId) => {
      const withComment: FilterBy = {
        ...filter,
        filterquestions: [...(filter.filterquestions ?? []), { questionId, answerCheck: ['Any Text'] }],
      };
      return pace(() => newestPage(ctx, withComment, limits.commentPage, signal));
    }),
  );
  for (const page of pages) {
    malformed += page.malformed;
    for (const answer of page.answers) comments.add(answer, req.perAgent ? contextValue(answer, tagMap, 'cc_AgentId') : undefined);
  }
  return { comments, malformed };
}

/** The page holding the newest answers: the first, unless the server pages oldest first (then the last). */
async function newestPage(ctx: PlanContext, filter: FilterBy, rows: number, signal: AbortSignal): Promise<{ answers: Answer[]; malformed: number }> {
  const first = await ctx.wxm.answersPage(filter, 1, rows, signal);
  const times = first.answers.map((a) => Date.parse(a.responseDateTime)).filter(Number.isFinite);
  const oldestFirst = times.length > 1 && times[0]! < times[times.length - 1]!;
  if (!oldestFirst || first.totalPages <= 1) return first;
  const last = await ctx.wxm.answersPage(filter, first.totalPages, rows, signal);
  return { answers: last.answers, malformed: first.malformed + last.malformed };
}

