/**
 * Summaries of periods that closed over an hour ago (trend buckets, a previous period), kept across loads.
 * An answer is stamped when the customer submits it, so a closed period keeps its numbers (the hour covers
 * submissions still on their way): a load asks WxM only for the periods still open.
 * With a storage key (Finesse origin, user and WxM address: analytics-app.ts) they live in localStorage, else for
 * the client's session. One entry per exact filter, only what the view counts (each metric question's value →
 * count, not WxM's whole summary), the oldest evicted past MAX. The entries name the metric questions they were
 * counted for: once the account's questions say otherwise (a tag, scale or type changed), all are dropped.
 * Read back, anything else is ignored and removed, with a diagnostic.
 */
import { readStored, store } from '../../shared/stored.js';
import type { Distribution, ResponseSummary } from '../../shared/wxm/aggregates.js';
import type { TagMap } from '../../shared/wxm/api.js';
import type { FilterBy } from '../../shared/wxm/types.js';

const CLOSED_AFTER_MS = 3_600_000;
const MAX = 200;

/** [saved at (ms), response count, [question id, [value, count][]][]] */
type Entry = [number, number, [string, [string, number][]][]];
interface Kept {
  questions: string;
  entries: Record<string, Entry>;
}

export interface ClosedSummaries {
  get(filter: FilterBy): ResponseSummary | undefined;
  /** Kept only when the filter's period ended over an hour ago. */
  put(filter: FilterBy, end: Date, summary: ResponseSummary): void;
  /** Stores what was put, once per view load (not per reply: the store is rewritten whole). */
  save(): void;
}

/** Per Finesse origin, user and WxM address: never another tenant's or user's numbers. */
export const closedSummariesKey = (finesseOrigin: string, user: string, wxmBaseUrl: string) =>
  `cx-closed-summaries ${finesseOrigin} ${user} ${wxmBaseUrl.replace(/\/+$/, '')}`;

const sessions = new WeakMap<object, Kept>();
const isArr = Array.isArray;
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isPair = (p: unknown) => isArr(p) && typeof p[0] === 'string' && isCount(p[1]);
const isEntry = (e: unknown) =>
  isArr(e) && typeof e[0] === 'number' && isCount(e[1]) && isArr(e[2]) && e[2].every((q) => isArr(q) && typeof q[0] === 'string' && isArr(q[1]) && q[1].every(isPair));

const read = (key: string) =>
  readStored(key, 'stored trend summaries', (o) => {
    const kept = o as Kept;
    return typeof kept.questions === 'string' && Object.values(kept.entries).every(isEntry) ? kept : undefined;
  });

/** `owner`: the WxM client (the session's entries without a storage key). */
export function closedSummaries(owner: object, storageKey: string | undefined, tagMap: TagMap): ClosedSummaries {
  const metric = [...tagMap.nps, ...tagMap.csat, ...tagMap.ces];
  const questions = JSON.stringify(metric.map((q) => [q.id, q.scale, q.variant, tagMap.byId.get(q.id)?.displayType]));
  const ids = new Set(metric.map((q) => q.id));
  let kept = storageKey ? read(storageKey) : sessions.get(owner);
  if (kept?.questions !== questions) kept = { questions, entries: {} };
  if (!storageKey) sessions.set(owner, kept);
  const { entries } = kept;
  let changed = false;
  return {
    get(filter) {
      const e = entries[JSON.stringify(filter)];
      return e && { responseCount: e[1], questions: new Map(e[2].map(([id, counts]): [string, Distribution] => [id, new Map(counts)])) };
    },
    put(filter, end, summary) {
      const now = Date.now();
      if (end.getTime() > now - CLOSED_AFTER_MS) return;
      entries[JSON.stringify(filter)] = [now, summary.responseCount, [...summary.questions].filter(([id]) => ids.has(id)).map(([id, d]) => [id, [...d]])];
      changed = true;
    },
    save() {
      if (!changed) return;
      changed = false;
      const keys = Object.keys(entries);
      if (keys.length > MAX) {
        keys.sort((a, b) => entries[a]![0] - entries[b]![0]);
        for (const k of keys.slice(0, keys.length - MAX)) delete entries[k];
      }
      if (storageKey) store(storageKey, kept);
    },
  };
}
