/** The WxM client surface the gadgets use (implemented by wxm-client.ts; tests may pass fakes). */
import type { Answer, FilterBy, FlashNps, Question, Questionnaire, WxmSettings } from './types.js';
import type { WxmRequest } from './aggregates.js';

export interface ScaleInfo {
  min: number;
  max: number;
}

/** A question that carries a metric, with the scale read from its `multiSelect` / tags. */
export interface MetricQuestion {
  id: string;
  questionnaire: string;
  scale: ScaleInfo;
  /** The scale tag, e.g. "csat_satisfaction_5", "ces_effort_7"; undefined for NPS. */
  variant?: string;
}

/** Which question ids carry which meaning, discovered from the questionnaires (ids differ per tenant). */
export interface TagMap {
  nps: MetricQuestion[];
  csat: MetricQuestion[];
  ces: MetricQuestion[];
  /** Free-text questions tagged Comments. */
  comments: string[];
  identity: { customerId: string[]; mobile: string[]; email: string[]; name: string[] };
  /** Context tags written by the post-call survey, keyed exactly as tagged (cc_AgentId, cc_TeamId, cc_QueueId, ...). */
  context: Record<string, string[]>;
  byId: Map<string, Question>;
  /** apiFill, PII, restrictedData or sensitiveData questions: never displayed. */
  hidden: Set<string>;
}

/** One page (or batch) of validated answers; malformed records are dropped and counted, never thrown. */
export interface AnswerBatch {
  answers: Answer[];
  malformed: number;
  totalCount: number;
}

export interface StreamOptions {
  pageSize?: number;
  /** Stop after this many answers (the caller's cap). */
  maxAnswers?: number;
  /** Pages in flight at once. */
  concurrency?: number;
  /** Runs each page request when the caller's request budget allows (e.g. WxM's rate limit shared with other reads). */
  pace?: <T>(request: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
}

/** What every gadget reads from WxM (the journey needs no more: its bundle carries no more). */
export interface WxmReads {
  settings(signal?: AbortSignal): Promise<WxmSettings>;
  /** Cached per client instance (i.e. per gadget session). */
  tagMap(signal?: AbortSignal): Promise<TagMap>;
  /**
   * Settings and questions came from a copy kept by an earlier session and WxM now says otherwise (or could not
   * confirm them): redo what was built on them. Returns the unsubscribe function. Absent on fakes.
   */
  onStale?(listener: () => void): () => void;
  /** `page` is 1-based here; the client maps it to the server's convention. */
  answersPage(filter: FilterBy, page: number, rows: number, signal?: AbortSignal): Promise<AnswerBatch & { totalPages: number }>;
}

/** The whole client: the reads, and what the analytics gadget also needs. */
export interface WxmApi extends WxmReads {
  questionnaires(signal?: AbortSignal): Promise<Questionnaire[]>;
  /** Streams pages in order with bounded concurrency, stopping at maxAnswers. */
  streamAnswers(filter: FilterBy, options?: StreamOptions): AsyncGenerator<AnswerBatch>;
  count(filter: FilterBy, signal?: AbortSignal): Promise<number>;
  flashNps(filter: FilterBy, signal?: AbortSignal): Promise<FlashNps>;
  answer(id: string, signal?: AbortSignal): Promise<Answer | null>;
  /** One raw API call with the client's auth and retry rules (aggregates.ts builds on it); absent on fakes. */
  request?: WxmRequest;
}
