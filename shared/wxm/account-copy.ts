/**
 * The account's settings and questions kept from an earlier session (localStorage), so that a desktop that loaded
 * the gadget before starts its first requests without waiting for them (the client checks them against WxM in
 * the background: wxm-client.ts). Only what the gadgets read is kept (validated settings and questions, never a
 * token nor an answer), under a key naming the Finesse origin and the WxM address, so tenants never mix.
 * What is read back is validated like the wire: anything else is ignored and removed.
 */
import { readStored, store } from '../stored.js';
import { raceAbort } from '../async.js';
import type { TagMap } from './api.js';
import { buildTagMap } from './tag-map.js';
import type { Connection } from './wxm-client.js';
import type { Question, WxmSettings } from './types.js';
import { validateQuestions, validateSettings } from './validate.js';

export interface AccountCopy {
  settings: WxmSettings;
  questions: Question[];
}

export const copyKey = (finesseOrigin: string, baseUrl: string) => `cx-wxm-account ${finesseOrigin} ${baseUrl}`;

function readCopy(key: string): AccountCopy | undefined {
  return readStored(key, 'stored WxM account copy', (o) => {
    const { settings: rawSettings, questions: rawQuestions } = o as { settings?: unknown; questions?: unknown };
    const settings = validateSettings(rawSettings);
    const { questions, malformed } = validateQuestions(rawQuestions);
    return settings && Array.isArray(rawQuestions) && !malformed ? { settings, questions } : undefined;
  });
}

/**
 * Stale-while-revalidate on the client's settings and tag map: with a copy, both answer at once and WxM is asked
 * again in the background (once); a fresh answer that differs replaces the copy, serves from then on and tells the
 * onStale listeners to redo what they built on the copy. A failed check drops the copy too: the redo then meets the
 * failure itself, as without a copy (message, Retry). Without a copy everything is as before, and the fresh answers
 * are stored for the next session.
 */
export function keepAccountCopy(c: Connection, key: string, questionnaires: readonly string[]): void {
  const { reader } = c;
  const live = { settings: reader.settings, tagMap: reader.tagMap, questions: c.questions };
  let copy = readCopy(key);
  let map: Promise<TagMap> | undefined;
  let check: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const latest: Partial<AccountCopy> = {};
  const keep = <T>(part: Partial<AccountCopy>, value: T): T => {
    Object.assign(latest, part);
    if (latest.settings && latest.questions) store(key, latest);
    return value;
  };
  c.questions = () => live.questions().then((questions) => keep({ questions }, questions));
  const liveSettings = (signal?: AbortSignal) => live.settings(signal).then((settings) => keep({ settings }, settings));

  const revalidate = () => {
    const was = JSON.stringify(copy);
    check ??= Promise.all([liveSettings(), c.questions()]).then(
      ([settings, questions]) => {
        copy = undefined;
        const same = JSON.stringify({ settings, questions }) === was;
        if (!same || !map) map = Promise.resolve(buildTagMap(questions, questionnaires));
        if (!same) listeners.forEach((f) => f());
      },
      () => {
        copy = map = undefined;
        listeners.forEach((f) => f());
      },
    );
  };

  reader.settings = (signal) => {
    if (!copy) return liveSettings(signal);
    revalidate();
    return Promise.resolve(copy.settings);
  };
  reader.tagMap = (signal) => {
    if (copy) {
      revalidate();
      map ??= Promise.resolve(buildTagMap(copy.questions, questionnaires));
    }
    return map ? raceAbort(map, signal) : live.tagMap(signal);
  };
  reader.onStale = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}
