/** A fake Finesse adapter the test drives (calls, tab activation, prefs), a session builder and a call builder. */
import type { CallEvent, CallInfo, CallerId, FinesseAdapter, FinesseSession } from '../../shared/finesse/types.js';

export function fakeSession(over: Partial<FinesseSession> = {}): FinesseSession {
  return {
    role: 'agent',
    loginId: '1001',
    wxmAgentId: '5001',
    firstName: 'A',
    lastName: 'B',
    locale: 'en-US',
    supervisedTeams: [],
    finesseOrigin: location.origin,
    authHeader: () => 'Basic x',
    ...over,
  };
}

export interface FakeAdapterOptions {
  session?: FinesseSession;
  /** The gadget URL's own query. */
  query?: string;
  prefs?: Record<string, string>;
}

/** Records what the gadget asks of Finesse; `emit` and `activateTab` play Finesse's part. */
export class FakeAdapter implements FinesseAdapter {
  readonly session: FinesseSession;
  readonly prefs: Record<string, string>;
  readonly listeners = new Set<(e: CallEvent) => void>();
  readonly tabs: Array<() => void> = [];
  connects = 0;
  heights = 0;
  private readonly query: string;

  constructor(o: FakeAdapterOptions = {}) {
    this.session = o.session ?? fakeSession();
    this.prefs = o.prefs ?? {};
    this.query = o.query ?? '';
  }

  async connect() {
    this.connects++;
    return this.session;
  }
  emit(e: CallEvent) {
    for (const fn of this.listeners) fn(e);
  }
  activateTab() {
    this.tabs.forEach((fn) => fn());
  }
  onCall(fn: (e: CallEvent) => void) {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }
  onTabActivated(fn: () => void) {
    this.tabs.push(fn);
    return () => undefined;
  }
  gadgetParams() {
    return new URLSearchParams(this.query);
  }
  userPrefs() {
    return this.prefs;
  }
  setPref(name: string, value: string) {
    this.prefs[name] = value;
  }
  adjustHeight() {
    this.heights++;
  }
  dismissLoading() {}
  setTitle() {}
}

export function call(dialogId: string, callerIds: CallerId[], extra: Partial<CallInfo> = {}): CallInfo {
  return {
    dialogId,
    state: 'ALERTING',
    agentState: 'ALERTING',
    callType: 'ACD_IN',
    monitor: false,
    callerIds,
    withheld: false,
    ...extra,
  };
}
