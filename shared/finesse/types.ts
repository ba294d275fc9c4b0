/** Typed view of the Finesse session and calls, produced only by the Finesse adapter (adapter.ts). */

export type Role = 'agent' | 'supervisor';

export interface Team {
  id: string;
  name: string;
}

/** Config.cceSkillTargetId, the cceSkillTargetId UserPref / up_ parameter, or the login id (no skill target id). */
export type AgentIdSource = 'config' | 'pref' | 'login';

export interface FinesseSession {
  role: Role;
  /** Finesse login id (finesse.gadget.Config.id). */
  loginId: string;
  /** CCE skill target id when Finesse gives one, else undefined. */
  cceSkillTargetId?: string;
  /** The id WxM knows the agent by: cceSkillTargetId, else loginId (docs/finesse.md). */
  wxmAgentId: string;
  /** Where wxmAgentId came from (the adapter sets it; shown in diagnostics). */
  agentIdSource?: AgentIdSource;
  firstName: string;
  lastName: string;
  /** BCP-47, e.g. "en-US" (Finesse gives "en_US"; the adapter converts). */
  locale: string;
  team?: Team;
  /** Teams a supervisor supervises (empty for agents). */
  supervisedTeams: Team[];
  /** Origin of the Finesse server (scheme://host:port) — where the token service lives. */
  finesseOrigin: string;
  /**
   * The Authorization header value for Finesse REST (Basic ... or Bearer <SSO token>).
   * A function, not a field, so that the secret is never serialised with the session.
   */
  authHeader(): string;
}

/** How the caller was identified, best first. */
export type CallerIdKind = 'customerId' | 'mobile' | 'email' | 'ani';

export interface CallerId {
  kind: CallerIdKind;
  /** Normalised: phones as "+digits", emails lower-case, customer ids trimmed. */
  value: string;
}

export interface CallInfo {
  dialogId: string;
  /** Dialog state (ALERTING, ACTIVE, ...). */
  state: string;
  /** This agent's own participant state (ALERTING, ACTIVE, HELD, WRAP_UP, DROPPED, ...). */
  agentState: string;
  callType: string;
  /** Supervisor silent-monitor / barge-in: no customer to look up. */
  monitor: boolean;
  /** Every identifier found, best first (POD.ID cc_CustomerId, Mobile, Email, then ANI). Empty = unknown caller. */
  callerIds: CallerId[];
  /** true when the ANI was present but withheld/anonymous. */
  withheld: boolean;
}

export type CallEventKind = 'offered' | 'accepted' | 'changed' | 'ended';

export interface CallEvent {
  kind: CallEventKind;
  call: CallInfo;
}

export interface FinesseAdapter {
  /** Waits for the container (HubSettings.onConnect), inits ClientServices, loads the User. */
  connect(): Promise<FinesseSession>;
  /** Subscribe to this user's calls; fires 'offered' for dialogs already present. Returns unsubscribe. */
  onCall(listener: (e: CallEvent) => void): () => void;
  /** Fires when this gadget's tab becomes active. Returns unsubscribe. */
  onTabActivated(listener: () => void): () => void;
  /** The gadget URL's own query (from the iframe `url` parameter). */
  gadgetParams(): URLSearchParams;
  /** UserPrefs (gadgets.Prefs / up_* iframe parameters). */
  userPrefs(): Record<string, string>;
  setPref(name: string, value: string): void;
  adjustHeight(): void;
  dismissLoading(): void;
  setTitle(title: string): void;
}
