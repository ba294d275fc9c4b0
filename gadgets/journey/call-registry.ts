/**
 * Which journey the gadget shows, driven by Finesse call events. One entry per dialog:
 * - 'offered' (ALERTING) starts the lookup, so the journey is ready when the agent accepts;
 * - a newer call aborts and forgets older lookups, except consult/conference dialogs and calls still in progress,
 *   which keep their own results;
 * - the view follows the newest accepted dialog still in progress; an ended call stays visible (marked ended)
 *   until the next call; monitor/barge dialogs never show anything about a customer.
 * Manual searches are a pseudo-dialog that a newly accepted call replaces.
 * Listeners hear of every change of what is on screen: another target, and a lookup on screen settling or paging.
 * The registry owns retries: Retry, and the automatic one while Cloud Connect is down.
 */
import type { CallerId, CallEvent, CallInfo } from '../../shared/finesse/types.js';
import { JourneyLookup, type LookupDeps } from './lookup.js';

export interface RegistryDeps extends LookupDeps {
  /** Cloud Connect down: the shared message promises we try again on our own, at this pace. */
  autoRetryMs?: number;
}

const AUTO_RETRY_MS = 15_000;
import { DEFAULT_FILTERS, type JourneyFilters } from './query.js';

export type OnScreen =
  | { kind: 'idle' }
  | { kind: 'incoming' }
  | { kind: 'monitor'; key: string; ended: boolean }
  | { kind: 'no-caller'; key: string; withheld: boolean; ended: boolean }
  | {
      kind: 'journey';
      key: string;
      callerIds: readonly CallerId[];
      /** Unfiltered: feeds the caller brief. */
      base: JourneyLookup;
      /** With the current filters (the same object as base when the filters are the defaults). */
      timeline: JourneyLookup;
      ended: boolean;
      manual: boolean;
    };

interface Entry {
  key: string;
  call: CallInfo | null;
  accepted: number; // order of acceptance; 0 = not accepted
  ended: boolean;
  base?: JourneyLookup;
  filtered?: JourneyLookup;
}

const MANUAL = 'manual';
const concurrent = (call: CallInfo | null): boolean => !!call && /consult|conference/i.test(call.callType);
const sameFilters = (a: JourneyFilters, b: JourneyFilters): boolean => a.period === b.period && a.channel === b.channel;

export class CallRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(view: OnScreen) => void>();
  private acceptCounter = 0;
  private filterState: JourneyFilters = DEFAULT_FILTERS;
  private viewCache: OnScreen = { kind: 'idle' };
  private readonly watched = new WeakSet<JourneyLookup>();
  private retryTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly deps: RegistryDeps) {}

  get filters(): JourneyFilters {
    return this.filterState;
  }

  get view(): OnScreen {
    return this.viewCache;
  }

  /** Subscribe to view changes; returns the unsubscribe function. */
  subscribe(listener: (view: OnScreen) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle(event: CallEvent): void {
    const { call } = event;
    switch (event.kind) {
      case 'offered':
        this.offer(call);
        break;
      case 'accepted':
        this.offer(call);
        this.accept(this.entries.get(call.dialogId) as Entry);
        break;
      case 'changed': {
        this.offer(call); // updates the entry, starts a lookup if caller ids arrived late
        break;
      }
      case 'ended':
        this.end(call.dialogId);
        break;
    }
    this.update();
  }

  /** Agent-initiated search: shown until the next accepted call. */
  search(callerId: CallerId): void {
    this.drop(MANUAL);
    const entry: Entry = { key: MANUAL, call: null, accepted: 0, ended: false };
    entry.base = this.lookup([callerId], DEFAULT_FILTERS);
    this.entries.set(MANUAL, entry);
    this.accept(entry);
    this.update();
  }

  setFilters(filters: JourneyFilters): void {
    if (sameFilters(filters, this.filterState)) return;
    this.filterState = filters;
    for (const entry of this.entries.values()) {
      entry.filtered?.abort();
      entry.filtered = undefined;
    }
    this.update();
  }

  /** Loads the next page of the timeline on screen; listeners hear when it starts and when it is in. */
  async loadMore(): Promise<void> {
    const view = this.viewCache;
    if (view.kind !== 'journey') return;
    const more = view.timeline.loadMore();
    this.update(true);
    await more.catch(() => undefined); // aborted: a newer target is on its way
    if (this.onScreen(view.timeline)) this.update(true);
  }

  /** Retry the failed lookups of what is on screen. */
  retry(): void {
    const view = this.viewCache;
    if (view.kind !== 'journey') return;
    const entry = this.entries.get(view.key);
    if (!entry) return;
    const failed = (l?: JourneyLookup) => !!l && (l.aborted || l.failed);
    if (failed(entry.base)) {
      entry.base?.abort();
      entry.base = this.lookup(entry.base?.callerIds ?? [], DEFAULT_FILTERS);
    }
    if (failed(entry.filtered)) {
      entry.filtered?.abort();
      entry.filtered = undefined;
    }
    this.update(true);
  }

  /** Abort everything (gadget unloading). */
  dispose(): void {
    clearTimeout(this.retryTimer);
    for (const key of [...this.entries.keys()]) this.drop(key);
    this.listeners.clear();
  }

  private offer(call: CallInfo): void {
    const existing = this.entries.get(call.dialogId);
    if (existing) {
      existing.call = call;
      this.ensureLookup(existing);
      return;
    }
    if (!concurrent(call)) {
      // A new call: older lookups are stale unless their dialog is a consult/conference or still in progress.
      for (const entry of [...this.entries.values()]) {
        const inProgress = entry.accepted > 0 && !entry.ended && entry.key !== MANUAL;
        if (!concurrent(entry.call) && !inProgress && entry.key !== MANUAL) this.drop(entry.key);
      }
    }
    const entry: Entry = { key: call.dialogId, call, accepted: 0, ended: false };
    this.entries.set(call.dialogId, entry);
    this.ensureLookup(entry);
  }

  private accept(entry: Entry): void {
    if (!entry.accepted) entry.accepted = ++this.acceptCounter;
    if (entry.key !== MANUAL) this.drop(MANUAL);
  }

  private end(dialogId: string): void {
    const entry = this.entries.get(dialogId);
    if (!entry) return;
    entry.ended = true;
    // Ended before anyone looked at it (missed call, consult that never connected): forget it.
    if (!entry.accepted) this.drop(dialogId);
  }

  private ensureLookup(entry: Entry): void {
    const call = entry.call;
    if (!call || call.monitor || entry.base || !call.callerIds.length) return;
    entry.base = this.lookup(call.callerIds, DEFAULT_FILTERS);
  }

  private lookup(callerIds: readonly CallerId[], filters: JourneyFilters): JourneyLookup {
    return new JourneyLookup(callerIds, filters, this.deps);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.base?.abort();
    entry.filtered?.abort();
    this.entries.delete(key);
  }

  private pick(): { entry: Entry; ended: boolean } | 'incoming' | null {
    const entries = [...this.entries.values()];
    const newestAccepted = (list: Entry[]) => list.filter((e) => e.accepted).sort((a, b) => b.accepted - a.accepted)[0];
    const live = newestAccepted(entries.filter((e) => !e.ended));
    if (live) return { entry: live, ended: false };
    if (entries.some((e) => !e.ended && !e.accepted)) return 'incoming';
    const last = newestAccepted(entries);
    return last ? { entry: last, ended: true } : null;
  }

  private target(): OnScreen {
    const picked = this.pick();
    if (picked === null) return { kind: 'idle' };
    if (picked === 'incoming') return { kind: 'incoming' };
    const { entry, ended } = picked;
    const call = entry.call;
    if (call?.monitor) return { kind: 'monitor', key: entry.key, ended };
    if (!entry.base) return { kind: 'no-caller', key: entry.key, withheld: !!call?.withheld, ended };
    let timeline = entry.base;
    if (!sameFilters(this.filterState, DEFAULT_FILTERS)) {
      entry.filtered ??= this.lookup(entry.base.callerIds, this.filterState);
      timeline = entry.filtered;
    }
    this.watch(entry.base);
    this.watch(timeline);
    return { kind: 'journey', key: entry.key, callerIds: entry.base.callerIds, base: entry.base, timeline, ended, manual: entry.key === MANUAL };
  }

  /** Tell the listeners when a lookup on screen settles. */
  private watch(lookup: JourneyLookup): void {
    if (this.watched.has(lookup)) return;
    this.watched.add(lookup);
    const settled = () => {
      if (this.onScreen(lookup)) this.update(true);
    };
    lookup.ready.then(settled, settled);
  }

  private onScreen(lookup: JourneyLookup): boolean {
    const view = this.viewCache;
    return view.kind === 'journey' && (view.base === lookup || view.timeline === lookup);
  }

  /** Cloud Connect down on screen: retry on our own (once per failure; a new target cancels it). */
  private armAutoRetry(): void {
    const view = this.viewCache;
    if (view.kind !== 'journey' || this.retryTimer !== undefined) return;
    const down = [view.base.error, view.timeline.error].some((e) => e?.code === 'cloudconnect-down');
    if (!down) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retry();
    }, this.deps.autoRetryMs ?? AUTO_RETRY_MS);
  }

  private update(force = false): void {
    const next = this.target();
    const prev = this.viewCache;
    const same =
      prev.kind === next.kind &&
      ('key' in prev ? prev.key : '') === ('key' in next ? next.key : '') &&
      ('ended' in prev ? prev.ended : false) === ('ended' in next ? next.ended : false) &&
      (prev.kind !== 'journey' || (next.kind === 'journey' && prev.base === next.base && prev.timeline === next.timeline));
    if (same && !force) return;
    if (!same) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    this.viewCache = next;
    this.armAutoRetry();
    for (const fn of this.listeners) fn(next);
  }
}
