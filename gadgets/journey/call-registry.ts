/**
 * Which journey the gadget shows, driven by Finesse call events. One entry per dialog:
 * - 'offered' (ALERTING) starts the lookup, and while no call is live the ringing one is shown (marked ringing), so
 *   that on accept nothing has to be fetched or rendered;
 * - a newer call forgets calls that only rang; calls still in progress (held ones too) and consult/conference
 *   dialogs keep their own results; ended calls are forgotten once another call becomes active;
 * - the view shows the call this agent was most recently active on (accepted, or resumed from hold) while any is
 *   live; when none is, the one that ended last (marked ended); monitor/barge dialogs never show anything about
 *   a customer.
 * Filters belong to a call: each starts unfiltered, and a call's filters stay with it (back from hold, say).
 * Manual searches are a pseudo-dialog that a newly accepted or resumed call replaces.
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
  | { kind: 'monitor'; key: string; ended: boolean; ringing: boolean }
  | { kind: 'no-caller'; key: string; withheld: boolean; ended: boolean; ringing: boolean }
  | {
      kind: 'journey';
      key: string;
      callerIds: readonly CallerId[];
      /** Unfiltered: feeds the caller brief. */
      base: JourneyLookup;
      /** This call's filters. */
      filters: JourneyFilters;
      /** With the call's filters (the same object as base when they are the defaults). */
      timeline: JourneyLookup;
      ended: boolean;
      /** Not answered yet (shown ahead, so that accepting paints nothing new but the state). */
      ringing: boolean;
      manual: boolean;
      /** A manual search is on screen while a call is live (the agent can go back to it). */
      callLive: boolean;
    };

interface Entry {
  key: string;
  call: CallInfo | null;
  /** When the agent was last active on it (accepted or resumed), in event order; 0 = never. */
  activeAt: number;
  /** When it ended, in event order; 0 = live. */
  endedAt: number;
  filters: JourneyFilters;
  base?: JourneyLookup;
  filtered?: JourneyLookup;
}

const MANUAL = 'manual';
const concurrent = (call: CallInfo | null): boolean => !!call && /consult|conference/i.test(call.callType);
const sameFilters = (a: JourneyFilters, b: JourneyFilters): boolean => a.period === b.period && a.channel === b.channel;

export class CallRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<(view: OnScreen) => void>();
  /** Orders activations and endings. */
  #clock = 0;
  #viewCache: OnScreen = { kind: 'idle' };
  readonly #watched = new WeakSet<JourneyLookup>();
  #retryTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly deps: RegistryDeps) {}

  /** The filters of the call on screen. */
  get filters(): JourneyFilters {
    const view = this.#viewCache;
    return view.kind === 'journey' ? view.filters : DEFAULT_FILTERS;
  }

  get view(): OnScreen {
    return this.#viewCache;
  }

  /** Subscribe to view changes; returns the unsubscribe function. */
  subscribe(listener: (view: OnScreen) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  handle(event: CallEvent): void {
    const { call } = event;
    switch (event.kind) {
      case 'offered':
        this.#offer(call);
        break;
      case 'accepted':
        this.#offer(call);
        this.#activate(this.#entries.get(call.dialogId) as Entry);
        break;
      case 'changed': {
        const was = this.#entries.get(call.dialogId)?.call?.agentState;
        this.#offer(call); // updates the entry, starts a lookup if caller ids arrived late
        const entry = this.#entries.get(call.dialogId) as Entry;
        // Resumed from hold (or back from a consult): the agent is on this call again.
        if (entry.activeAt && call.agentState === 'ACTIVE' && was !== 'ACTIVE') this.#activate(entry);
        break;
      }
      case 'ended':
        this.#end(call.dialogId);
        break;
    }
    this.#update();
  }

  /** Agent-initiated search: shown until the next accepted call. */
  search(callerId: CallerId): void {
    this.#drop(MANUAL);
    const entry: Entry = { key: MANUAL, call: null, activeAt: 0, endedAt: 0, filters: DEFAULT_FILTERS };
    entry.base = this.#lookup([callerId], DEFAULT_FILTERS);
    this.#entries.set(MANUAL, entry);
    this.#activate(entry);
    this.#update();
  }

  /** Leaves the manual search for the live call. */
  backToCall(): void {
    this.#drop(MANUAL);
    this.#update();
  }

  /** Filters the call on screen (only that one). */
  setFilters(filters: JourneyFilters): void {
    const view = this.#viewCache;
    const entry = view.kind === 'journey' ? this.#entries.get(view.key) : undefined;
    if (!entry || sameFilters(filters, entry.filters)) return;
    entry.filters = filters;
    entry.filtered?.abort();
    entry.filtered = undefined;
    this.#update();
  }

  /** Loads the next page of the timeline on screen; listeners hear when it starts and when it is in. */
  async loadMore(): Promise<void> {
    const view = this.#viewCache;
    if (view.kind !== 'journey') return;
    const more = view.timeline.loadMore();
    this.#update(true);
    await more.catch(() => undefined); // aborted: a newer target is on its way
    if (this.#onScreen(view.timeline)) this.#update(true);
  }

  /** Retry the failed lookups of what is on screen. */
  retry(): void {
    const view = this.#viewCache;
    if (view.kind !== 'journey') return;
    const entry = this.#entries.get(view.key);
    if (!entry) return;
    const failed = (l?: JourneyLookup) => !!l && (l.aborted || l.failed || l.unreadable);
    if (failed(entry.base)) {
      entry.base?.abort();
      entry.base = this.#lookup(entry.base?.callerIds ?? [], DEFAULT_FILTERS);
    }
    if (failed(entry.filtered)) {
      entry.filtered?.abort();
      entry.filtered = undefined;
    }
    this.#update(true);
  }

  /** Abort everything (gadget unloading). */
  dispose(): void {
    clearTimeout(this.#retryTimer);
    for (const key of [...this.#entries.keys()]) this.#drop(key);
    this.#listeners.clear();
  }

  #offer(call: CallInfo): void {
    const existing = this.#entries.get(call.dialogId);
    if (existing) {
      existing.call = call;
      this.#ensureLookup(existing);
      return;
    }
    if (!concurrent(call)) {
      // A new call: calls that only rang are stale (an ended call stays on screen until another becomes active).
      for (const entry of [...this.#entries.values()]) {
        if (!entry.activeAt && !entry.endedAt && entry.key !== MANUAL && !concurrent(entry.call)) this.#drop(entry.key);
      }
    }
    const entry: Entry = { key: call.dialogId, call, activeAt: 0, endedAt: 0, filters: DEFAULT_FILTERS };
    this.#entries.set(call.dialogId, entry);
    this.#ensureLookup(entry);
  }

  #activate(entry: Entry): void {
    entry.activeAt = ++this.#clock;
    if (entry.key !== MANUAL) this.#drop(MANUAL);
    // Ended calls can never be on screen again once another call is active.
    for (const other of [...this.#entries.values()]) if (other.endedAt) this.#drop(other.key);
  }

  #end(dialogId: string): void {
    const entry = this.#entries.get(dialogId);
    if (!entry || entry.endedAt) return;
    entry.endedAt = ++this.#clock;
    // Ended before anyone looked at it (missed call, consult that never connected): forget it.
    if (!entry.activeAt) this.#drop(dialogId);
  }

  #ensureLookup(entry: Entry): void {
    const call = entry.call;
    if (!call || call.monitor || entry.base || !call.callerIds.length) return;
    entry.base = this.#lookup(call.callerIds, DEFAULT_FILTERS);
  }

  #lookup(callerIds: readonly CallerId[], filters: JourneyFilters): JourneyLookup {
    return new JourneyLookup(callerIds, filters, this.deps);
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    entry.base?.abort();
    entry.filtered?.abort();
    this.#entries.delete(key);
  }

  #pick(): { entry: Entry; ended: boolean; ringing: boolean } | null {
    const entries = [...this.#entries.values()];
    const latest = (list: Entry[], at: (e: Entry) => number) => list.filter(at).sort((a, b) => at(b) - at(a))[0];
    const notEnded = entries.filter((e) => !e.endedAt);
    const live = latest(notEnded, (e) => e.activeAt);
    if (live) return { entry: live, ended: false, ringing: false };
    const ringing = notEnded.at(-1); // the newest offer
    if (ringing) return { entry: ringing, ended: false, ringing: true };
    const last = latest(entries, (e) => e.endedAt);
    return last ? { entry: last, ended: true, ringing: false } : null;
  }

  #target(): OnScreen {
    const picked = this.#pick();
    if (picked === null) return { kind: 'idle' };
    const { entry, ended, ringing } = picked;
    const call = entry.call;
    if (call?.monitor) return { kind: 'monitor', key: entry.key, ended, ringing };
    if (!entry.base) return { kind: 'no-caller', key: entry.key, withheld: !!call?.withheld, ended, ringing };
    let timeline = entry.base;
    if (!sameFilters(entry.filters, DEFAULT_FILTERS)) {
      entry.filtered ??= this.#lookup(entry.base.callerIds, entry.filters);
      timeline = entry.filtered;
    }
    this.#watch(entry.base);
    this.#watch(timeline);
    return { kind: 'journey', key: entry.key, callerIds: entry.base.callerIds, base: entry.base, filters: entry.filters, timeline, ended, ringing,
      manual: entry.key === MANUAL,
      callLive: entry.key === MANUAL && [...this.#entries.values()].some((e) => e.key !== MANUAL && e.activeAt && !e.endedAt),
    };
  }

  /** Tell the listeners when a lookup on screen settles. */
  #watch(lookup: JourneyLookup): void {
    if (this.#watched.has(lookup)) return;
    this.#watched.add(lookup);
    const settled = () => {
      if (this.#onScreen(lookup)) this.#update(true);
    };
    lookup.ready.then(settled, settled);
  }

  #onScreen(lookup: JourneyLookup): boolean {
    const view = this.#viewCache;
    return view.kind === 'journey' && (view.base === lookup || view.timeline === lookup);
  }

  /** Cloud Connect down on screen: retry on our own (once per failure; a new target cancels it). */
  #armAutoRetry(): void {
    const view = this.#viewCache;
    if (view.kind !== 'journey' || this.#retryTimer !== undefined) return;
    const down = [view.base.error, view.timeline.error].some((e) => e?.code === 'cloudconnect-down');
    if (!down) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.retry();
    }, this.deps.autoRetryMs ?? AUTO_RETRY_MS);
  }

  #update(force = false): void {
    const next = this.#target();
    const prev = this.#viewCache;
    const state = (v: OnScreen) => (v.kind === 'idle' ? 'idle' : `${v.kind} ${v.key} ${v.ended} ${v.ringing}`);
    const same =
      state(prev) === state(next) &&
      (prev.kind !== 'journey' || (next.kind === 'journey' && prev.base === next.base && prev.timeline === next.timeline));
    if (same && !force) return;
    if (!same) {
      clearTimeout(this.#retryTimer);
      this.#retryTimer = undefined;
    }
    this.#viewCache = next;
    this.#armAutoRetry();
    for (const fn of this.#listeners) fn(next);
  }
}
