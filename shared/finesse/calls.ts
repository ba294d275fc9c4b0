/**
 * The agent's calls as CallEvents, from finesse.js dialogs (User.getDialogs and each Dialog's change handler):
 * offered, accepted once the agent's own participant is ACTIVE, changed, ended. Only the journey watches calls:
 * it hands `watchCalls` to its adapter (AdapterOptions.calls), so the analytics bundle carries none of this.
 */
import { log } from '../log.js';
import { asList } from './adapter.js';
import { customerAddress, identifyCaller } from './caller-id.js';
import type { CallEvent, CallEventKind, CallInfo } from './types.js';

type Dialog = FinesseGlobals.Dialog;
type Participant = FinesseGlobals.Participant;
type Listener = (e: CallEvent) => void;

/** What the watcher needs from its adapter: the Finesse user once loaded, and the way to load it. */
export interface CallSource {
  user(): FinesseGlobals.User | undefined;
  connect(): Promise<unknown>;
}

/** Given its adapter, returns the adapter's onCall: subscribe (announcing dialogs already present), unsubscribe. */
export type CallWatcher = (source: CallSource) => (listener: Listener) => () => void;

const MONITOR_TYPES = new Set(['SUPERVISOR_MONITOR', 'SUPERVISOR_BARGE_IN']);
const ENDED = new Set(['DROPPED', 'FAILED', 'FAILURE']);

export const watchCalls: CallWatcher = (source) => {
  const listeners = new Set<Listener>();
  const tracked = new Map<string, { dialog: Dialog; accepted: boolean; ended: boolean; onChange: (d: Dialog) => void }>();
  let dialogsStarted = false;
  let extension: string | undefined;

  function agentParticipant(parts: Participant[]): Participant | undefined {
    return (
      (extension ? parts.find((p) => p.mediaAddress === extension) : undefined) ??
      parts.find((p) => p.mediaAddressType === 'AGENT_DEVICE')
    );
  }

  function infoOf(d: Dialog): CallInfo {
    const media = d.getMediaProperties?.() ?? {};
    const callType = String(d.getCallType?.() ?? media.callType ?? '');
    const monitor = MONITOR_TYPES.has(callType.toUpperCase());
    const parts = asList<Participant>(d.getParticipants?.() as Participant[] | undefined, 'Participant');
    const state = d.getState();
    const agentState = agentParticipant(parts)?.state ?? state;
    const party = customerAddress(
      { from: d.getFromAddress?.(), to: d.getToAddress?.(), dialedNumber: typeof media.dialedNumber === 'string' ? media.dialedNumber : undefined },
      extension,
    );
    const who = monitor ? { callerIds: [], withheld: false } : identifyCaller(media, party);
    return { dialogId: d.getId(), state, agentState, callType, monitor, ...who };
  }

  function emit(kind: CallEventKind, call: CallInfo, only?: Listener): void {
    const event: CallEvent = { kind, call };
    for (const l of only ? [only] : [...listeners]) {
      try {
        l(event);
      } catch (e) {
        log.error('call listener failed', e);
      }
    }
  }

  /** offered, then accepted when the agent is already on it (a gadget loaded mid-call). */
  function announce(id: string, only?: Listener): void {
    const t = tracked.get(id);
    if (!t || t.ended) return;
    const info = infoOf(t.dialog);
    emit('offered', info, only);
    if (info.agentState === 'ACTIVE') {
      t.accepted = true;
      emit('accepted', info, only);
    }
  }

  function track(d: Dialog): void {
    const id = d.getId();
    if (tracked.has(id)) return;
    const onChange = (changed: Dialog) => update(id, changed);
    tracked.set(id, { dialog: d, accepted: false, ended: false, onChange });
    d.addHandler?.('change', onChange);
    announce(id);
  }

  function update(id: string, d: Dialog): void {
    const t = tracked.get(id);
    if (!t || t.ended) return;
    t.dialog = d;
    const info = infoOf(d);
    if (ENDED.has(info.state) || ENDED.has(info.agentState)) {
      t.ended = true;
      emit('ended', info);
    } else if (info.agentState === 'ACTIVE' && !t.accepted) {
      t.accepted = true;
      emit('accepted', info);
    } else emit('changed', info);
  }

  function untrack(d: Dialog): void {
    const id = d.getId();
    const t = tracked.get(id);
    if (!t) return;
    d.removeHandler?.('change', t.onChange);
    tracked.delete(id);
    if (!t.ended) emit('ended', infoOf(d));
  }

  function startDialogs(u: FinesseGlobals.User): void {
    if (dialogsStarted) return;
    dialogsStarted = true;
    extension = u.getExtension?.() || undefined;
    u.getDialogs({
      onLoad: (dialogs) => Object.values(dialogs.getCollection?.() ?? {}).forEach(track),
      onCollectionAdd: track,
      onCollectionDelete: untrack,
    });
  }

  return (listener) => {
    listeners.add(listener);
    const user = source.user();
    if (user) {
      if (dialogsStarted) for (const id of tracked.keys()) announce(id, listener);
      startDialogs(user);
    } else {
      source.connect().then(() => {
        const loaded = source.user();
        if (listeners.has(listener) && loaded) startDialogs(loaded);
      }, () => undefined);
    }
    return () => listeners.delete(listener);
  };
};
