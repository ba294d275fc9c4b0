/**
 * Emulated Finesse dialogs: the call lifecycle the control API drives (place an inbound call, dial out, answer,
 * hold, consult, end, monitor). Every change is pushed to the owning user's pages over SSE, in the order it happened.
 */
import type { World } from '../world/types.js';
import type { EventHub } from './events.js';
import { BadRequest } from './http.js';
import { podIdFor, type PodIdForm } from './caller.js';
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
  /** The post-call survey plays once the call was answered. */
  survey: boolean;
  /** The customer's side: the ANI inbound, the dialed number outbound. */
  customerNumber: string;
  podId?: string;
  queueId?: string;
}

export interface PlaceCall {
  ani?: string;
  podId?: string;
  callType?: string;
  user?: string;
  /** Shortcut: the world customer's POD.ID (see podIdForm) and mobile as ANI. */
  customerId?: string;
  /** How POD.ID spells the world customer (caller.ts POD_ID_FORMS); default: one form per customer, mixed. */
  podIdForm?: PodIdForm;
  dnis?: string;
  queueId?: string;
  /** ECC variable name for POD.ID: "user.POD.ID" (default) or "POD.ID". */
  podIdKey?: string;
  callVariables?: Record<string, string>;
  /** false = no post-call survey for this call. */
  survey?: boolean;
}

/** The agent dials out: fromAddress is the agent's extension, the customer is toAddress / dialedNumber. */
export interface DialCall {
  user?: string;
  /** The number dialed, as given. */
  to?: string;
  /** Shortcut: dial this world customer's mobile. */
  customerId?: string;
  callType?: string;
  /** POD.ID on the outbound call (none by default: an agent's own dial passes no routing script). */
  podId?: string;
  /** With customerId: write the customer's POD.ID in this form. */
  podIdForm?: PodIdForm;
  podIdKey?: string;
  /** true = play the post-call survey after this outbound call (off by default: CVP is not on an agent's dial). */
  survey?: boolean;
}

export interface EndedCall {
  dialog: DialogJson;
  agent: FinesseUser;
  /** The customer's number (never the agent's extension). */
  customerNumber: string;
  podId?: string;
  queueId?: string;
  /** The call was answered and its call type plays the post-call survey. */
  survey: boolean;
}

/** Call types on which CVP plays the post-call survey (inbound ACD voice). */
export const SURVEY_CALL_TYPES = new Set(['ACD_IN', 'PREROUTE_ACD_IN']);
/**
 * Outbound and agent-initiated call types, as Finesse names them (developer.cisco.com/docs/finesse "Dialog API
 * Parameters": OUT, AUTO_OUT, AGENT_OUT, AGENT_INSIDE; the Outbound Option types OUTBOUND, OUTBOUND_PREVIEW,
 * OUTBOUND_DIRECT_PREVIEW, OUTBOUND_CALLBACK, OUTBOUND_PERSONAL_CALLBACK). OUTBOUND is a dialer call that rings the
 * agent with the customer already connected; the others are the agent's own leg, INITIATED until the far end answers.
 */
export const OUTBOUND_CALL_TYPES = new Set([
  'OUT', 'AUTO_OUT', 'AGENT_OUT', 'AGENT_INSIDE',
  'OUTBOUND', 'OUTBOUND_PREVIEW', 'OUTBOUND_DIRECT_PREVIEW', 'OUTBOUND_CALLBACK', 'OUTBOUND_PERSONAL_CALLBACK',
]);
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
    // A typed POD.ID passes through unchanged, as ICM would; a world customer gets one of the real spellings.
    const podId = req.podId ?? (customer ? podIdFor(customer, req.podIdForm) : undefined);
    const callType = req.callType ?? 'ACD_IN';
    const dnis = req.dnis ?? '8005550100';
    const media = mediaOf(callType, dnis, podId, req.podIdKey);
    if (req.queueId) media.callVariable1 = req.queueId;
    Object.assign(media, stringRecord(req.callVariables));
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
      survey: req.survey !== false && SURVEY_CALL_TYPES.has(callType),
      customerNumber: ani,
      podId,
      queueId: req.queueId,
    });
    this.push(dialog.id);
    return dialog;
  }

  /** The agent's outbound call to a customer: the agent's leg INITIATED (OUTBOUND: ALERTING), the customer's ringing. */
  dial(req: DialCall): DialogJson {
    const user = this.target(req.user);
    const callType = req.callType ?? 'OUT';
    if (!OUTBOUND_CALL_TYPES.has(callType)) throw new BadRequest(`callType must be one of ${[...OUTBOUND_CALL_TYPES].join(', ')}`);
    const customer = req.customerId ? this.world.customers.find((c) => c.id === req.customerId) : undefined;
    if (req.customerId && !customer) throw new BadRequest('unknown customerId', 404);
    const to = (req.to ?? customer?.mobile ?? '').trim();
    if (!to) throw new BadRequest(customer ? 'this customer has no phone number to dial' : 'to (the number to dial) or customerId is required');
    const podId = req.podId ?? (customer && req.podIdForm ? podIdFor(customer, req.podIdForm) : undefined);
    const ext = user.agent.extension;
    const dialer = callType === 'OUTBOUND';
    const dialog: DialogJson = {
      id: this.newId(),
      state: dialer ? 'ALERTING' : 'INITIATED',
      fromAddress: ext,
      toAddress: to,
      callType,
      mediaProperties: mediaOf(callType, to, podId, req.podIdKey),
      participants: [
        { mediaAddress: ext, mediaAddressType: 'AGENT_DEVICE', state: dialer ? 'ALERTING' : 'INITIATED' },
        { mediaAddress: to, mediaAddressType: 'PSTN', state: dialer ? 'ACTIVE' : 'ALERTING' },
      ],
    };
    this.calls.set(dialog.id, { dialog, user: user.agent.id, answered: false, survey: req.survey === true, customerNumber: to, podId });
    this.push(dialog.id);
    return dialog;
  }

  /** The agent answers an inbound call, or the customer answers an outbound one: everybody is connected. */
  answer(id: string): DialogJson {
    const call = this.get(id);
    call.dialog.state = 'ACTIVE';
    call.answered = true;
    for (const p of call.dialog.participants) p.state = 'ACTIVE';
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
    this.calls.set(dialog.id, { dialog, user: call.user, answered: true, survey: false, customerNumber: to });
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
      customerNumber: call.customerNumber,
      podId: call.podId,
      queueId: call.queueId,
      survey: call.answered && call.survey,
    };
  }

  /** A silent-monitor dialog on the supervisor's desktop: no customer data. */
  monitor(supervisorId: string, agentId: string): DialogJson {
    const sup = findUser(this.world, supervisorId);
    if (!sup || sup.role !== 'supervisor') throw new BadRequest('unknown supervisor', 404);
    const agent = findUser(this.world, agentId);
    if (!agent) throw new BadRequest('unknown agent', 404);
    const media = mediaOf(MONITOR, agent.agent.extension);
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
    this.calls.set(dialog.id, { dialog, user: sup.agent.id, answered: true, survey: false, customerNumber: '' });
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

/** Finesse's flat mediaProperties: callType, DNIS, dialedNumber, callVariable1..10 and POD.ID under its ECC key. */
function mediaOf(callType: string, dialed: string, podId?: string, podIdKey?: string): Record<string, string> {
  const media: Record<string, string> = { callType, DNIS: dialed, dialedNumber: dialed };
  for (let i = 1; i <= 10; i++) media[`callVariable${i}`] = '';
  if (podId) media[podIdKey === 'POD.ID' ? 'POD.ID' : 'user.POD.ID'] = podId;
  return media;
}

function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
