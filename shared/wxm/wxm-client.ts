/**
 * The WxM API client (ky v1). `createWxmReader` has what every gadget reads (settings, tag map, pages of
 * answers); `createWxmClient` adds what only the analytics gadget uses (streaming, FlashNPS, counts), as separate
 * functions, so a bundle that never creates the full client does not carry them. Per request: a bearer token from the token client; on 401 exactly one
 * `refreshAfter401` and one retry (a second 401 is `wxm-auth`, never a loop); 429 honours Retry-After
 * (capped), 5xx and network errors back off exponentially with jitter; a timeout is `timeout`; an abort
 * rejects with an AbortError (callers ignore those). Every record is validated (validate.ts).
 * Errors never carry request bodies (they hold caller identifiers) nor tokens.
 */
import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import { AppError } from '../errors.js';
import { log } from '../log.js';
import { abortError, backoffDelay, raceAbort } from '../async.js';
import type { TokenClient } from '../token/token-client.js';
import type { AnswerBatch, StreamOptions, TagMap, WxmApi, WxmReads } from './api.js';
import { buildTagMap, scaleIndex } from './tag-map.js';
import type { Answer, FilterBy, FlashNps, Question, Questionnaire, WxmSettings } from './types.js';
import { validateAnswer, validateAnswers, validateQuestions, validateSettings } from './validate.js';
import { copyKey, keepAccountCopy } from './account-copy.js';

export interface WxmClientOptions {
  /** WxM API base URL (no trailing slash needed). */
  baseUrl: string;
  tokens: TokenClient;
  /** Per-attempt timeout, ms. Default 10000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Retries after the first try on 429/5xx/network errors. Default 3. */
  retryLimit?: number;
  /** Questionnaire names the tag map is limited to (config.questionnaires); empty = all. */
  questionnaires?: string[];
  /** First backoff delay, ms (doubles per retry, jittered). Default 300. */
  backoffMs?: number;
  /** Longest Retry-After we wait, ms. Default 20000. */
  maxRetryAfterMs?: number;
  random?: () => number;
  /** The Finesse origin: with it, the account's settings and questions are kept for the next session (account-copy.ts). */
  finesseOrigin?: string;
}

/** The client, plus what a page of answers also knows. */
export type PageBatch = AnswerBatch & { totalPages: number; droppedResponses: number };

type Method = 'get' | 'post';
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The reads, with pages that also say how many responses were dropped. */
export interface WxmReader extends WxmReads {
  answersPage(filter: FilterBy, page: number, rows: number, signal?: AbortSignal): Promise<PageBatch>;
  /** A POST that changes data (shared/wxm/notes.ts): same token, 401 and error rules, repeated only on a 429. */
  write(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
}

type Call = (method: Method, path: string, body: unknown, signal?: AbortSignal, notFoundIsNull?: boolean) => Promise<unknown>;

/** The reader, the raw call behind it (with the token and 401 rules), the scale index of the tag map and the fetch of the questions it is built from. */
export interface Connection {
  reader: WxmReader;
  call: Call;
  scales(signal?: AbortSignal): Promise<ReturnType<typeof scaleIndex>>;
  questions(): Promise<Question[]>;
}

export function createWxmReader(options: WxmClientOptions): WxmReader {
  return connect(options).reader;
}

export function createWxmClient(options: WxmClientOptions): WxmApi & WxmReader {
  const c = connect(options);
  // Only the analytics gadget keeps the account copy: the journey reads its tag map at sign-in, long before a call.
  if (options.finesseOrigin) keepAccountCopy(c, copyKey(options.finesseOrigin, options.baseUrl.replace(/\/+$/, '')), options.questionnaires ?? []);
  return {
    ...c.reader,
    questionnaires: (signal) => questionnaires(c, signal),
    streamAnswers: (filter, opts) => streamAnswers(c.reader, filter, opts),
    count: (filter, signal) => count(c, filter, signal),
    flashNps: (filter, signal) => flashNps(c, filter, signal),
    answer: (id, signal) => answer(c, id, signal),
    request: (method, path, body, signal) => c.call(method, path, body, signal),
  };
}

function connect(options: WxmClientOptions): Connection {
  const { tokens, timeoutMs = 10_000, retryLimit = 3, backoffMs = 300, maxRetryAfterMs = 20_000, random = Math.random } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const logRetry = ({ retryCount, error }: { retryCount: number; error: Error }) => log.debug(`WxM retry ${retryCount}: ${describe(error)}`);
  const kyOptions: Options = {
    prefixUrl: baseUrl,
    timeout: timeoutMs,
    credentials: 'omit',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: retryLimit,
      // Every POST here is a read (a filter in the body), so retrying it is safe.
      methods: ['get', 'post'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterMs,
      delay: (n) => backoffDelay(n, backoffMs, 10_000, random),
    },
    hooks: { beforeRetry: [logRetry] },
  };
  const api: KyInstance = ky.create(kyOptions);

  // Writes are repeated only when the server refused them unapplied (429); a timeout, a 5xx or a network error may
  // come after the server applied the write, so those are never retried (the caller reports them as unconfirmed).
  // (A timeout is never retried by ky; the hook stops the rest before the retry.)
  const writeApi: KyInstance = ky.create({
    ...kyOptions,
    hooks: {
      beforeRetry: [
        (state) => {
          if (!(state.error instanceof HTTPError && state.error.response.status === 429)) throw state.error;
          return logRetry(state);
        },
      ],
    },
  });

  /** One API call with the 401 → refresh → retry-once rule. */
  async function call(method: Method, path: string, body: unknown, signal?: AbortSignal, notFoundIsNull = false, http = api): Promise<unknown> {
    let token = await tokens.getToken(signal);
    for (let attempt = 0; ; attempt++) {
      try {
        const res = http(path, {
          method,
          signal,
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          ...(body === undefined ? {} : { json: body }),
        });
        const text = await (await res).text();
        if (text === '') return null;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new AppError('wxm-bad-response', 'wxm', `${route(path)} answered with a body that is not JSON`);
        }
      } catch (e) {
        if (signal?.aborted) throw abortError();
        if (e instanceof HTTPError && e.response.status === 401) {
          if (attempt === 0) {
            token = await tokens.refreshAfter401(token, signal);
            continue;
          }
          throw new AppError('wxm-auth', 'wxm', 'WxM rejected a freshly refreshed token', { status: 401 });
        }
        if (notFoundIsNull && e instanceof HTTPError && e.response.status === 404) return undefined;
        throw toWxmError(e, path, timeoutMs);
      }
    }
  }

  let tagMapPromise: Promise<TagMap> | undefined;
  /** The page convention of this server: 0 or 1 = first page (docs/wxm-api.md leaves it open); learnt on first use. */
  let pageBase: 0 | 1 | undefined;

  async function fetchSettings(signal?: AbortSignal): Promise<WxmSettings> {
    const raw = await call('get', 'api/settings', undefined, signal).catch((e: unknown) => {
      // A restricted token may be refused the account settings: callers fall back to the defaults.
      if (e instanceof AppError && e.status === 403) log.warn('WxM refused the account settings (403): default NPS bands and time zone apply');
      throw e;
    });
    const settings = validateSettings(raw);
    if (!settings) throw badShape('api/settings');
    return settings;
  }

  async function fetchQuestions(): Promise<Question[]> {
    const raw = await call('get', 'api/Questions/Active', undefined);
    if (!Array.isArray(raw)) throw badShape('api/Questions/Active');
    const { questions, malformed } = validateQuestions(raw);
    if (malformed > 0) log.warn(`${malformed} malformed question(s) ignored`);
    return questions;
  }

  async function scales(signal?: AbortSignal) {
    return scaleIndex(await reader.tagMap(signal));
  }

  async function fetchPage(filter: FilterBy, page: number, rows: number, signal?: AbortSignal): Promise<unknown> {
    if (page === 1 && pageBase === undefined) {
      // Ask for page 0: a 0-based server answers its first page with currentPage 0; a 1-based one either treats
      // 0 as its first page (currentPage 1) or answers nothing for it — then page 1 is the first.
      const probe = await call('post', `api/answers/page/0/${rows}`, filter, signal).catch((e: unknown) => {
        if (e instanceof AppError && (e.status === 400 || e.status === 404)) return undefined;
        throw e;
      });
      const p = isObj(probe) ? probe : undefined;
      const empty = !Array.isArray(p?.responses) || p.responses.length === 0;
      if (p && p.currentPage === 0 && !(empty && Number(p.totalCount) > 0)) {
        pageBase = 0;
        return probe;
      }
      pageBase = 1;
      if (p && p.currentPage === 1) return probe;
    }
    const serverPage = page - 1 + (pageBase ?? 1);
    return call('post', `api/answers/page/${serverPage}/${rows}`, filter, signal);
  }

  const reader: WxmReader = {
    write: (path, body, signal) => call('post', path, body, signal, false, writeApi),

    settings: (signal) => fetchSettings(signal),

    tagMap(signal?: AbortSignal): Promise<TagMap> {
      // Cached for the client's life; the shared fetch is not tied to one caller's signal.
      tagMapPromise ??= conn
        .questions()
        .then((questions) => buildTagMap(questions, options.questionnaires ?? []))
        .catch((e: unknown) => {
          tagMapPromise = undefined;
          throw e;
        });
      return raceAbort(tagMapPromise, signal);
    },

    async answersPage(filter: FilterBy, page: number, rows: number, signal?: AbortSignal): Promise<PageBatch> {
      if (!Number.isInteger(page) || page < 1) throw new AppError('unexpected', 'client', `page must be 1 or more (got ${page})`, { retryable: false });
      const [raw, scaleMap] = await Promise.all([fetchPage(filter, page, rows, signal), scales(signal)]);
      let list: unknown;
      let totalCount: number;
      let totalPages: number;
      if (Array.isArray(raw)) {
        list = raw; // tolerate an unpaged array
        totalCount = raw.length;
        totalPages = 1;
      } else if (isObj(raw) && Array.isArray(raw.responses)) {
        list = raw.responses;
        totalCount = Number.isFinite(Number(raw.totalCount)) ? Number(raw.totalCount) : raw.responses.length;
        totalPages = Number.isFinite(Number(raw.totalPages)) ? Number(raw.totalPages) : Math.ceil(totalCount / rows);
      } else if (isObj(raw) && isCount(raw.totalCount)) {
        // A page whose list is unreadable (e.g. `responses: null`) but whose total is: its records are lost,
        // not the whole view — count the ones this page should have held as malformed and page on.
        totalCount = raw.totalCount;
        totalPages = isCount(raw.totalPages) ? raw.totalPages : Math.ceil(totalCount / rows);
        const lost = Math.max(0, Math.min(rows, totalCount - (page - 1) * rows));
        return { answers: [], malformed: lost, droppedResponses: 0, totalCount, totalPages };
      } else throw badShape('api/answers/page');
      const v = validateAnswers(list, scaleMap);
      return { answers: v.answers, malformed: v.malformed, droppedResponses: v.droppedResponses, totalCount, totalPages };
    },

  };
  const conn: Connection = { reader, call, scales, questions: fetchQuestions };
  return conn;
}

async function questionnaires({ call }: Connection, signal?: AbortSignal): Promise<Questionnaire[]> {
  const raw = await call('get', 'api/AllSurveyQuestionnaires', undefined, signal);
  if (!Array.isArray(raw)) throw badShape('api/AllSurveyQuestionnaires');
  return raw.filter(isObj).filter((q) => typeof q.name === 'string' && q.name !== '').map((q) => ({
    name: q.name as string,
    displayName: typeof q.displayName === 'string' ? q.displayName : (q.name as string),
    isNameImmutable: q.isNameImmutable === true,
    hashPIIBy: typeof q.hashPIIBy === 'string' ? q.hashPIIBy : null,
  }));
}

/** Pages in order with bounded concurrency, stopping at maxAnswers (built on the reader's pages only). */
async function* streamAnswers(client: WxmReader, filter: FilterBy, opts: StreamOptions = {}): AsyncGenerator<AnswerBatch> {
  const { pageSize = 100, maxAnswers = Number.POSITIVE_INFINITY, concurrency = 3, pace = (r) => r(), signal } = opts;
  if (maxAnswers <= 0) return;
  const page = (n: number, s?: AbortSignal) => pace(() => client.answersPage(filter, n, pageSize, s));
  const first = await page(1, signal);
  let remaining = maxAnswers;
  // By answer id: a server that repeats a page, or an answer across pages, never counts twice.
  const seen = new Set<string>();
  const fresh = (b: PageBatch) => b.answers.filter((a) => !seen.has(a.id) && (seen.add(a.id), true));
  const cut = (b: PageBatch, answers = fresh(b)): AnswerBatch => {
    if (answers.length > remaining) answers = answers.slice(0, remaining);
    remaining -= answers.length;
    return { answers, malformed: b.malformed, totalCount: b.totalCount };
  };
  yield cut(first);
  // Stop scheduling once the pages we have asked for would already cover the cap (malformed ones excluded).
  const inner = new AbortController();
  const onAbort = () => inner.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const pending = new Map<number, Promise<PageBatch>>();
  let next = 2;
  let malformedSeen = first.malformed;
  const launch = () => {
    while (pending.size < Math.max(1, concurrency) && next <= first.totalPages && (next - 1) * pageSize < maxAnswers + malformedSeen) {
      const p = page(next, inner.signal);
      p.catch(() => undefined); // awaited in order below; avoid unhandled rejections meanwhile
      pending.set(next++, p);
    }
  };
  try {
    for (let n = 2; n <= first.totalPages && remaining > 0; n++) {
      if (signal?.aborted) throw abortError();
      launch();
      const current = pending.get(n);
      if (!current) break;
      let batch = await current;
      pending.delete(n);
      if (batch.answers.length + batch.malformed === 0) break; // fewer pages than announced
      let answers = fresh(batch);
      if (answers.length === 0 && batch.malformed === 0) {
        // Nothing but answers already seen: the server repeated a page. Ask for it once more.
        log.warn(`WxM served page ${n} as a repeat of an earlier page; asking again`);
        batch = await page(n, inner.signal);
        answers = fresh(batch);
      }
      malformedSeen += batch.malformed;
      if (signal?.aborted) throw abortError();
      yield cut(batch, answers);
    }
  } catch (e) {
    if (signal?.aborted) throw abortError();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    inner.abort();
  }
}

async function count({ call }: Connection, filter: FilterBy, signal?: AbortSignal): Promise<number> {
  const raw = await call('post', 'api/answers/count', filter, signal);
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isFinite(n) || n < 0) throw badShape('api/answers/count');
  return n;
}

async function flashNps({ call }: Connection, filter: FilterBy, signal?: AbortSignal): Promise<FlashNps> {
  const raw = await call('post', 'api/FlashNPS', filter, signal);
  if (!isObj(raw) || !isObj(raw.netPromoter)) throw badShape('api/FlashNPS');
  const np = raw.netPromoter;
  const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    totalResponses: int(raw.totalResponses),
    netPromoter: {
      questionID: typeof np.questionID === 'string' ? np.questionID : '',
      questionText: typeof np.questionText === 'string' ? np.questionText : '',
      promoters: int(np.promoters),
      passive: int(np.passive),
      detractors: int(np.detractors),
      netPromoters: int(np.netPromoters),
      defaultIndex: int(np.defaultIndex),
    },
  };
}

async function answer({ call, scales }: Connection, id: string, signal?: AbortSignal): Promise<Answer | null> {
  const [raw, scaleMap] = await Promise.all([call('get', `api/answer/${encodeURIComponent(id)}`, undefined, signal, true), scales(signal)]);
  if (raw === undefined || raw === null) return null;
  return validateAnswer(raw, scaleMap)?.answer ?? null;
}

/** The route without ids or page numbers, for error details. */
const route = (path: string) => path.replace(/\/[^/]*\d[^/]*/g, '/…');

const badShape = (path: string) => new AppError('wxm-bad-response', 'wxm', `${route(path)} answered with an unexpected shape`);

function describe(e: unknown): string {
  if (e instanceof HTTPError) return `HTTP ${e.response.status}`;
  return e instanceof Error ? e.name : 'error';
}

function toWxmError(e: unknown, path: string, timeoutMs: number): AppError {
  if (e instanceof AppError) return e;
  const where = route(path);
  if (e instanceof HTTPError) {
    const s = e.response.status;
    if (s === 429) return new AppError('wxm-rate-limited', 'wxm', `${where}: still rate-limited after retries`, { status: s });
    if (s >= 500) return new AppError('wxm-server', 'wxm', `${where}: server error`, { status: s });
    if (s === 403) return new AppError('wxm-auth', 'wxm', `${where}: access denied`, { status: s, retryable: false });
    return new AppError('unexpected', 'wxm', `${where}: request refused`, { status: s, retryable: false });
  }
  if (e instanceof TimeoutError || (e as { name?: string })?.name === 'TimeoutError')
    return new AppError('timeout', 'wxm', `${where}: no answer within ${timeoutMs} ms`);
  if (e instanceof TypeError) return new AppError('network', 'wxm', `${where}: WxM unreachable (offline, DNS or CORS)`);
  if (e instanceof SyntaxError) return new AppError('wxm-bad-response', 'wxm', `${where}: body is not JSON`);
  return new AppError('unexpected', 'wxm', `${where}: ${e instanceof Error ? e.name : 'unknown failure'}`);
}
