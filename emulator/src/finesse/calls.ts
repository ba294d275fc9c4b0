/**
 * Emulated Finesse dialogs: the call lifecycle the control API drives (place, answer, hold, consult, end,
 * monitor). Every change is pushed to the owning user's pages over SSE, in the order it happened.
 */
import type { World } from '../world/types.js';
import type { EventHub } from './events.js';
import { BadRequest } from './http.js';
import { findUser, type FinesseUser } from './users.js';

export interface Participant {
  mediaAddress: string;
  mediaAddressType: string;
  state: string;
}

/** A dialog as the emulated finesse.js receives it. */
export interface DialogJson {
  id: string;
  state: string;
  fromAddress: string;
  toAddress: string;
  callType: string;
  mediaProperties: Record<string, string>;
  participants: Participant[];
}

interface Call {
  dialog: DialogJson;
  user: string;
  answered: boolean;
  survey: boolean;
  ani: string;
  podId?: string;
  queueId?: string;
}

export interface PlaceCall {
  ani?: string;
  podId?: string;
  callType?: string;
  user?: string;
  /** Shortcut: the world customer's id as POD.ID and mobile as ANI. */
  customerId?: string;
  dnis?: string;
  queueId?: string;
  /** ECC variable name for POD.ID: "user.POD.ID" (default) or "POD.ID". */
  podIdKey?: string;
  callVariables?: Record<string, string>;
  /** false = no post-call survey for this call. */
  survey?: boolean;
}

export interface EndedCall {
  dialog: DialogJson;
  agent: FinesseUser;
  ani: string;
  podId?: string;
  queueId?: string;
  /** The call was answered and its call type plays the post-call survey. */
  survey: boolean;
}

/** Call types on which CVP plays the post-call survey (inbound ACD voice). */
export const SURVEY_CALL_TYPES = new Set(['ACD_IN', 'PREROUTE_ACD_IN']);
const MONITOR = 'SUPERVISOR_MONITOR';
/** Keywords the control API accepts for "no caller id presented". */
const WITHHELD_ANI = 'anonymous';

export class CallCenter {
  private calls = new Map<string, Call>();
  private nextId = 16_777_301;
  /** The agent who last signed in (desktop, container.js or /_emulator/login): default target of new calls. */
  lastAgent?: string;

  constructor(
    private readonly world: World,
    private readonly hub: EventHub,
  ) {}

  dialogsOf(user: string): DialogJson[] {
    return [...this.calls.values()].filter((c) => c.user === user).map((c) => c.dialog);
  }

  place(req: PlaceCall): DialogJson {
    const user = this.target(req.user);
    const customer = req.customerId ? this.world.customers.find((c) => c.id === req.customerId) : undefined;
    if (req.customerId && !customer) throw new BadRequest('unknown customerId', 404);
    let ani = req.ani ?? customer?.mobile ?? '';
    if (ani.toLowerCase() === 'withheld') ani = WITHHELD_ANI;
    if (ani.toLowerCase() === 'none') ani = '';
    const podId = req.podId ?? customer?.id;
    const callType = req.callType ?? 'ACD_IN';
    const dnis = req.dnis ?? '8005550100';
    const media: Record<string, string> = { callType, DNIS: dnis, dialedNumber: dnis };
    for (let i = 1; i <= 10; i++) media[`callVariable${i}`] = '';
    if (req.queueId) media.callVariable1 = req.queueId;
    Object.assign(media, stringRecord(req.callVariables));
    if (podId) media[req.podIdKey === 'POD.ID' ? 'POD.ID' : 'user.POD.ID'] = podId;
    const ext = user.agent.extension;
    const dialog: DialogJson = {
      id: this.newId(),
      state: 'ALERTING',
      fromAddress: ani,
      toAddress: ext,
      callType,
      mediaProperties: media,
      participants: [
        { mediaAddress: ani, mediaAddressType: 'PSTN', state: 'ACTIVE' },
        { mediaAddress: ext, mediaAddressType: 'AGENT_DEVICE', state: 'ALERTING' },
      ],
    };
    this.calls.set(dialog.id, {
      dialog,
      user: user.agent.id,
      answered: false,
      survey: req.survey !== false,
      ani,
      podId,
      queueId: req.queueId,
    });
    this.push(dialog.id);
    return dialog;
  }

  answer(id: string): DialogJson {
    const call = this.get(id);
    call.dialog.state = 'ACTIVE';
    call.answered = true;
    this.setAgentState(call, 'ACTIVE');
    this.push(id);
    return call.dialog;
  }

  hold(id: string): DialogJson {
    const call = this.get(id);
    this.setAgentState(call, 'HELD');
    this.push(id);
    return call.dialog;
  }

  resume(id: string): DialogJson {
    const call = this.get(id);
    this.setAgentState(call, 'ACTIVE');
    this.push(id);
    return call.dialog;
  }

  /** Holds the call and opens a second (CONSULT) dialog for the same agent. */
  consult(id: string, to = '2000'): DialogJson {
    const call = this.get(id);
    this.hold(id);
    const ext = this.agentExtension(call);
    const dialog: DialogJson = {
      id: this.newId(),
      state: 'INITIATED',
      fromAddress: ext,
      toAddress: to,
      callType: 'CONSULT',
      mediaProperties: { ...call.dialog.mediaProperties, callType: 'CONSULT', dialedNumber: to },
      participants: [
        { mediaAddress: ext, mediaAddressType: 'AGENT_DEVICE', state: 'INITIATED' },
        { mediaAddress: to, mediaAddressType: 'AGENT_DEVICE', state: 'ALERTING' },
      ],
    };
    this.calls.set(dialog.id, { dialog, user: call.user, answered: true, survey: false, ani: ext });
    this.push(dialog.id);
    dialog.state = 'ACTIVE';
    for (const p of dialog.participants) p.state = 'ACTIVE';
    this.push(dialog.id);
    return dialog;
  }

  /** DROPPED (pushed), then removed from the collection (pushed). */
  end(id: string): EndedCall {
    const call = this.get(id);
    call.dialog.state = 'DROPPED';
    for (const p of call.dialog.participants) p.state = 'DROPPED';
    this.push(id);
    this.calls.delete(id);
    this.hub.send(call.user, 'dialogRemoved', { id });
    return {
      dialog: call.dialog,
      agent: findUser(this.world, call.user)!,
      ani: call.ani,
      podId: call.podId,
      queueId: call.queueId,
      survey: call.answered && call.survey && SURVEY_CALL_TYPES.has(call.dialog.callType),
    };
  }

  /** A silent-monitor dialog on the supervisor's desktop: no customer data. */
  monitor(supervisorId: string, agentId: string): DialogJson {
    const sup = findUser(this.world, supervisorId);
    if (!sup || sup.role !== 'supervisor') throw new BadRequest('unknown supervisor', 404);
    const agent = findUser(this.world, agentId);
    if (!agent) throw new BadRequest('unknown agent', 404);
    const media: Record<string, string> = { callType: MONITOR, DNIS: agent.agent.extension, dialedNumber: agent.agent.extension };
    for (let i = 1; i <= 10; i++) media[`callVariable${i}`] = '';
    const dialog: DialogJson = {
      id: this.newId(),
      state: 'ACTIVE',
      fromAddress: sup.agent.extension,
      toAddress: agent.agent.extension,
      callType: MONITOR,
      mediaProperties: media,
      participants: [
        { mediaAddress: sup.agent.extension, mediaAddressType: 'AGENT_DEVICE', state: 'ACTIVE' },
        { mediaAddress: agent.agent.extension, mediaAddressType: 'AGENT_DEVICE', state: 'ACTIVE' },
      ],
    };
    this.calls.set(dialog.id, { dialog, user: sup.agent.id, answered: true, survey: false, ani: '' });
    this.push(dialog.id);
    return dialog;
  }

  private target(requested: string | undefined): FinesseUser {
    if (requested !== undefined) {
      const u = findUser(this.world, requested);
      if (!u) throw new BadRequest('unknown user', 404);
      return u;
    }
    const fallback = findUser(this.world, this.lastAgent) ?? findUser(this.world, this.world.agents[0]?.id);
    if (!fallback) throw new BadRequest('the world has no agents', 409);
    return fallback;
  }

  private get(id: string): Call {
    const call = this.calls.get(id);
    if (!call) throw new BadRequest('no such call', 404);
    return call;
  }

  private agentExtension(call: Call): string {
    return findUser(this.world, call.user)?.agent.extension ?? '';
  }

  private setAgentState(call: Call, state: string): void {
    const ext = this.agentExtension(call);
    for (const p of call.dialog.participants) if (p.mediaAddress === ext) p.state = state;
  }

  private push(id: string): void {
    const call = this.calls.get(id);
    if (call) this.hub.send(call.user, 'dialog', call.dialog);
  }

  private newId(): string {
    return String(this.nextId++);
  }
}

function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
