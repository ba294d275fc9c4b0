/**
 * One caller's journey for one set of filters: the first page starts at once (on ALERTING), later pages on
 * "load more". Holds what loaded, the malformed count and whether a later page failed (partial). Aborting
 * cancels the request in flight (the signal goes through the WxM client to fetch).
 */
import type { CallerId } from '../../shared/finesse/types.js';
import type { TagMap, WxmReads } from '../../shared/wxm/api.js';
import type { Answer, FilterBy } from '../../shared/wxm/types.js';
import { AppError, isAbort, toAppError } from '../../shared/errors.js';
import { DEFAULT_BANDS } from '../../shared/metrics/index.js';
import type { NpsBands } from '../../shared/metrics/types.js';
import { buildFilter, mergePage, PAGE_SIZE, type JourneyFilters } from './query.js';

export interface LookupDeps {
  wxm: WxmReads;
  questionnaires: readonly string[];
  /** The account's NPS bands (read once per session); the defaults when absent or failed. */
  bands?: Promise<NpsBands>;
  now?: () => Date;
  pageSize?: number;
}

export interface JourneyData {
  tagMap: TagMap;
  bands: NpsBands;
  answers: Answer[];
  /** Records the client could not read (dropped, counted). */
  malformed: number;
  totalCount: number;
  /** More pages exist on the server. */
  hasMore: boolean;
  /** A later page failed: what is shown is incomplete. */
  pageError: AppError | null;
}

export class JourneyLookup {
  readonly filters: JourneyFilters;
  readonly callerIds: readonly CallerId[];
  /** Resolves with the first page; rejects with an AppError (or an AbortError after abort()). */
  readonly ready: Promise<JourneyData>;
  readonly #controller = new AbortController();
  #filter: FilterBy | null = null;
  #pagesLoaded = 0;
  #totalPages = 0;
  #data: JourneyData | null = null;
  #more: Promise<JourneyData> | null = null;
  #firstError: AppError | null = null;

  constructor(callerIds: readonly CallerId[], filters: JourneyFilters, private readonly deps: LookupDeps) {
    this.callerIds = callerIds;
    this.filters = filters;
    this.ready = this.#first().catch((e: unknown) => {
      if (isAbort(e)) throw e;
      throw (this.#firstError = toAppError(e));
    });
    // An aborted prefetch nobody awaits must not surface as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The first page failed (ready rejected), or was aborted. */
  get failed(): boolean {
    return this.#firstError !== null || this.aborted;
  }

  /** Why the first page failed (null while loading, after success, or when aborted). */
  get error(): AppError | null {
    return this.#firstError;
  }

  /** The first page held records but none could be read (and no more pages exist). */
  get unreadable(): boolean {
    const d = this.#data;
    return !!d && !d.answers.length && !d.hasMore && d.malformed > 0;
  }

  /** A "load more" is in flight. */
  get loadingMore(): boolean {
    return this.#more !== null;
  }

  get aborted(): boolean {
    return this.#controller.signal.aborted;
  }

  /** The data loaded so far (null before the first page). */
  get current(): JourneyData | null {
    return this.#data;
  }

  abort(): void {
    this.#controller.abort();
  }

  async #first(): Promise<JourneyData> {
    const { wxm, questionnaires } = this.deps;
    const signal = this.#controller.signal;
    const [tagMap, bands] = await Promise.all([wxm.tagMap(signal), (this.deps.bands ?? Promise.resolve(DEFAULT_BANDS)).catch(() => DEFAULT_BANDS)]);
    this.#filter = buildFilter(this.callerIds, tagMap, {
      questionnaires,
      filters: this.filters,
      now: (this.deps.now ?? (() => new Date()))(),
    });
    if (!this.#filter) {
      throw new AppError('no-caller-id', 'config', 'no identity question for this caller id kind', { retryable: false });
    }
    const page = await wxm.answersPage(this.#filter, 1, this.#pageSize, signal);
    this.#pagesLoaded = 1;
    this.#totalPages = page.totalPages;
    this.#data = {
      tagMap,
      bands,
      answers: mergePage([], page.answers),
      malformed: page.malformed,
      totalCount: page.totalCount,
      hasMore: page.totalPages > 1,
      pageError: null,
    };
    return this.#data;
  }

  get #pageSize(): number {
    return this.deps.pageSize ?? PAGE_SIZE;
  }

  /**
   * Loads the next page (one at a time). A failure keeps what loaded and marks the data partial; calling
   * again retries the same page.
   */
  loadMore(): Promise<JourneyData> {
    this.#more ??= this.#next().finally(() => (this.#more = null));
    return this.#more;
  }

  async #next(): Promise<JourneyData> {
    await this.ready;
    const data = this.#data as JourneyData;
    if (!this.#filter || this.#pagesLoaded >= this.#totalPages) return data;
    try {
      const page = await this.deps.wxm.answersPage(this.#filter, this.#pagesLoaded + 1, this.#pageSize, this.signal);
      this.#pagesLoaded += 1;
      this.#totalPages = Math.max(page.totalPages, this.#pagesLoaded);
      this.#data = {
        ...data,
        answers: mergePage(data.answers, page.answers),
        malformed: data.malformed + page.malformed,
        totalCount: page.totalCount,
        hasMore: this.#pagesLoaded < page.totalPages,
        pageError: null,
      };
    } catch (e) {
      if (isAbort(e)) throw e;
      this.#data = { ...data, pageError: toAppError(e) };
    }
    return this.#data;
  }
}
