/**
 * WxM's own aggregates (vendor client APIClient.cs; docs/wxm-api.md "Aggregates"):
 * - `POST /api/summary` (FilterBy) → ResponseSummary: every question's answer distribution over the filtered set;
 * - `POST /api/answers/compare/{q1}/{q2}` (FilterBy) → the q1 × q2 matrix of answer counts.
 * A tenant may lack them (404/400) or answer another shape: both are `AggregateUnavailable`, so a caller can fall
 * back to paging the raw answers. Keys are kept as WxM writes them; numeric keys may read "9" or "9.0".
 */
import { AppError } from '../errors.js';
import type { FilterBy } from './types.js';

/** One call to the WxM API with the client's auth, retry and error rules (wxm-client.ts). */
export type WxmRequest = (method: 'get' | 'post', path: string, body: unknown, signal?: AbortSignal) => Promise<unknown>;

/** value key → how many answers gave it. */
export type Distribution = Map<string, number>;

export interface ResponseSummary {
  /** Answers matching the filter. */
  responseCount: number;
  /** question id → its answer distribution (questions nobody answered are absent). */
  questions: Map<string, Distribution>;
}

/** q1 value → the distribution of q2 among the answers holding that q1 value. */
export type CompareMatrix = Map<string, Distribution>;

/** The aggregate route is missing on this tenant, or answered a shape we cannot read. */
export class AggregateUnavailable extends Error {
  override readonly name = 'AggregateUnavailable';
  constructor(
    readonly route: string,
    readonly reason: 'missing' | 'shape',
  ) {
    super(`${route}: ${reason === 'missing' ? 'not available on this tenant' : 'unexpected answer shape'}`);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The number a distribution key stands for ("9", "9.0"), or undefined for a text key. */
export function numericKey(key: string): number | undefined {
  if (key.trim() === '') return undefined;
  const n = Number(key);
  return Number.isFinite(n) ? n : undefined;
}

async function post(request: WxmRequest, route: string, path: string, filter: FilterBy, signal?: AbortSignal): Promise<unknown> {
  try {
    return await request('post', path, filter, signal);
  } catch (e) {
    // The documented "no such resource" answers of a tenant without the route (or without this question pair).
    if (e instanceof AppError && (e.status === 404 || e.status === 400)) throw new AggregateUnavailable(route, 'missing');
    if (e instanceof AppError && e.code === 'wxm-bad-response') throw new AggregateUnavailable(route, 'shape');
    throw e;
  }
}

function distribution(raw: unknown, route: string): Distribution {
  if (!isObj(raw)) throw new AggregateUnavailable(route, 'shape');
  const out: Distribution = new Map();
  for (const [key, n] of Object.entries(raw)) {
    if (!isCount(n)) throw new AggregateUnavailable(route, 'shape');
    if (n > 0) out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

export async function responseSummary(request: WxmRequest, filter: FilterBy, signal?: AbortSignal): Promise<ResponseSummary> {
  const route = 'api/summary';
  const raw = await post(request, route, route, filter, signal);
  if (!isObj(raw) || !Array.isArray(raw.summary) || !isCount(raw.responseCount)) throw new AggregateUnavailable(route, 'shape');
  const questions = new Map<string, Distribution>();
  for (const item of raw.summary as unknown[]) {
    if (!isObj(item) || !isObj(item.askedQuestion) || typeof item.askedQuestion.id !== 'string') {
      throw new AggregateUnavailable(route, 'shape');
    }
    const counts = distribution(item.response ?? {}, route);
    const id = item.askedQuestion.id;
    const known = questions.get(id);
    if (known) for (const [k, n] of counts) known.set(k, (known.get(k) ?? 0) + n);
    else questions.set(id, counts);
  }
  return { responseCount: raw.responseCount, questions };
}

export async function compareQuestions(
  request: WxmRequest,
  q1: string,
  q2: string,
  filter: FilterBy,
  signal?: AbortSignal,
): Promise<CompareMatrix> {
  const route = 'api/answers/compare';
  const raw = await post(request, route, `${route}/${encodeURIComponent(q1)}/${encodeURIComponent(q2)}`, filter, signal);
  if (!isObj(raw)) throw new AggregateUnavailable(route, 'shape');
  const out: CompareMatrix = new Map();
  for (const [value, cell] of Object.entries(raw)) {
    if (!isObj(cell)) throw new AggregateUnavailable(route, 'shape');
    out.set(value, distribution(cell.response ?? {}, route));
  }
  return out;
}
