/**
 * A compact answer store. Seeded answers live in typed-array columns sorted oldest → newest (1M answers cost
 * ~35 MB instead of GBs of objects) and are materialised as wire `Answer` objects on demand. Answers that land at
 * run time (the CVP survey path) are kept as plain objects in `extras`. A "ref" names either: ref < seeded.n is a
 * seeded row, ref ≥ seeded.n is extras[ref − seeded.n].
 */
import type { Answer, Note, ResponseItem } from '../../../shared/wxm/types.js';
import { REASONS, CHANNELS, type Catalogue } from './catalogue.js';
import { formatPhone, PHONE_FORMS } from './phone-forms.js';
import type { EmuAgent, EmuCustomer, EmuTeam, World } from './types.js';

export const QUEUES = ['3001', '3002', '3003', '3004', '3005', '3006'];
export const TICKETS = [null, 'Open', 'Resolved', 'Closed'] as const;
export const IDENT_CUSTOMER = 1;
export const IDENT_MOBILE = 2;
export const IDENT_EMAIL = 4;

/** Ways a seeded record is broken (0 = well formed). */
export const MALFORMED = ['', 'no-responses', 'nps-out-of-range', 'unknown-question', 'bad-date', 'wrong-types', 'missing-fields'] as const;
export const UNKNOWN_QUESTION_ID = '0000000000000000000dead0';

export interface SeedColumns {
  n: number;
  /** epoch ms */
  time: Float64Array;
  customer: Int32Array;
  agent: Uint16Array;
  qn: Uint8Array;
  channel: Uint8Array;
  /** -1 = not answered */
  nps: Int8Array;
  csat: Int8Array;
  ces: Int8Array;
  reason: Int8Array;
  /** index into the comment pool, -1 = none */
  comment: Int32Array;
  queue: Uint8Array;
  duration: Uint16Array;
  /** IDENT_* bits: which identity prefills the answer carries */
  ident: Uint8Array;
  /** index into PHONE_FORMS: how this answer stores the mobile */
  phoneForm: Uint8Array;
  ticket: Uint8Array;
  archived: Uint8Array;
  malformed: Uint8Array;
}

export function allocColumns(n: number): SeedColumns {
  return {
    n, time: new Float64Array(n), customer: new Int32Array(n), agent: new Uint16Array(n), qn: new Uint8Array(n),
    channel: new Uint8Array(n), nps: new Int8Array(n), csat: new Int8Array(n), ces: new Int8Array(n),
    reason: new Int8Array(n), comment: new Int32Array(n), queue: new Uint8Array(n), duration: new Uint16Array(n),
    ident: new Uint8Array(n), phoneForm: new Uint8Array(n), ticket: new Uint8Array(n), archived: new Uint8Array(n), malformed: new Uint8Array(n),
  };
}

/** Compressed lists: rows of key k are items[offsets[k] .. offsets[k+1]), ascending (= oldest first). */
export interface Csr { offsets: Int32Array; items: Int32Array }

function buildCsr(keys: ArrayLike<number>, n: number, keyCount: number): Csr {
  const offsets = new Int32Array(keyCount + 1);
  for (let i = 0; i < n; i++) if (keys[i]! >= 0) offsets[keys[i]! + 1]! += 1;
  for (let k = 0; k < keyCount; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, keyCount);
  const items = new Int32Array(offsets[keyCount]!);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k >= 0) items[fill[k]!++] = i;
  }
  return { offsets, items };
}

export const csrRows = (csr: Csr, key: number): Int32Array => csr.items.subarray(csr.offsets[key]!, csr.offsets[key + 1]!);

/** One response's value, as the wire would carry it (text answers: numberInput 0, as real WxM). */
export interface Value { textInput: string | null; numberInput: number | null }

/** The free text a few customers give to the sensitive question (answer 1 in 9 that has a comment). */
const SENSITIVE_TEXTS = [
  'I was recently diagnosed with a chronic illness, please be patient on the phone.',
  'My salary is late this month; I need more time to pay the bill.',
  'I am going through a divorce, please only use my new address.',
];

/** The restricted account number of a customer (deterministic, not derived from anything a test could guess). */
export const accountNumber = (c: EmuCustomer): string => `ACC-${String((Number(c.id.slice(1)) * 7_411) % 100_000_000).padStart(8, '0')}`;

export interface StoreParts {
  catalogue: Catalogue;
  teams: EmuTeam[];
  agents: EmuAgent[];
  customers: EmuCustomer[];
  comments: string[];
  /** Names supervisors write on ticket notes. */
  ticketOwner: { user: string; authorName: string };
  /** 8 hex digits every seeded answer id starts with. */
  idPrefix: string;
}

export class AnswerStore {
  readonly seeded: SeedColumns;
  readonly extras: Answer[] = [];
  /** Parsed responseDateTime of each extra (NaN when unparseable). */
  readonly extraTimes: number[] = [];
  readonly byCustomer: Csr;
  readonly byAgent: Csr;
  readonly byTeam: Csr;
  /** lower-cased cc_CustomerId / lower-cased email / canonical "+digits" → customer index */
  readonly customerByKey = new Map<string, number>();
  /** Every stored form of every mobile (phone-forms.ts) → customer index × PHONE_FORMS.length + form */
  readonly mobileByForm = new Map<string, number>();
  readonly agentBySkillTarget = new Map<string, number>();
  readonly teamById = new Map<string, number>();
  readonly agentTeam: Uint16Array;
  private readonly extraById = new Map<string, number>();
  /** Notes written at run time on seeded rows (POST /api/Answers/Note), appended when materialised. */
  private readonly addedNotes = new Map<number, Note[]>();

  constructor(readonly parts: StoreParts, cols: SeedColumns) {
    this.seeded = cols;
    const { teams, agents, customers } = parts;
    teams.forEach((t, i) => this.teamById.set(t.id, i));
    agents.forEach((a, i) => this.agentBySkillTarget.set(a.skillTargetId, i));
    this.agentTeam = Uint16Array.from(agents, (a) => this.teamById.get(a.teamId) ?? 0);
    customers.forEach((c, i) => {
      this.customerByKey.set(c.id.toLowerCase(), i);
      if (c.mobile) {
        this.customerByKey.set(c.mobile, i);
        PHONE_FORMS.forEach((form, f) => this.mobileByForm.set(formatPhone(c.mobile!, form), i * PHONE_FORMS.length + f));
      }
      if (c.email) this.customerByKey.set(c.email.toLowerCase(), i);
    });
    this.byCustomer = buildCsr(cols.customer, cols.n, customers.length);
    this.byAgent = buildCsr(cols.agent, cols.n, agents.length);
    const teamOfRow = new Int32Array(cols.n);
    for (let i = 0; i < cols.n; i++) teamOfRow[i] = this.agentTeam[cols.agent[i]!]!;
    this.byTeam = buildCsr(teamOfRow, cols.n, teams.length);
  }

  /** Seeded plus added answers. */
  get size(): number {
    return this.seeded.n + this.extras.length;
  }

  idOf(ref: number): string {
    return ref < this.seeded.n ? this.parts.idPrefix + ref.toString(16).padStart(16, '0') : this.extras[ref - this.seeded.n]!.id;
  }

  refOf(id: string): number | undefined {
    const extra = this.extraById.get(id);
    if (extra !== undefined) return this.seeded.n + extra;
    if (id.length !== 24 || !id.startsWith(this.parts.idPrefix)) return undefined;
    const index = Number.parseInt(id.slice(8), 16);
    return Number.isInteger(index) && index >= 0 && index < this.seeded.n ? index : undefined;
  }

  timeOf(ref: number): number {
    return ref < this.seeded.n ? this.seeded.time[ref]! : this.extraTimes[ref - this.seeded.n]!;
  }

  get(id: string): Answer | undefined {
    const ref = this.refOf(id);
    return ref === undefined ? undefined : this.materialise(ref);
  }

  /** Clean seeded rows can be read column-wise; malformed ones and extras only as objects. */
  isColumnar(ref: number): boolean {
    return ref < this.seeded.n && this.seeded.malformed[ref] === 0;
  }

  /** Value of question `qid` in clean seeded row i (undefined = the answer has no such response). */
  value(i: number, qid: string): Value | undefined {
    const meta = this.parts.catalogue.roleOf.get(qid);
    const c = this.seeded;
    if (!meta || meta.qn !== c.qn[i]) return undefined;
    const customer = c.customer[i]! >= 0 ? this.parts.customers[c.customer[i]!] : undefined;
    const ident = c.ident[i]!;
    // No closures here: this runs per row in scans (and tsx wraps every closure creation).
    let n = -1;
    let t: string | null | undefined;
    switch (meta.role) {
      case 'nps': n = c.nps[i]!; break;
      case 'csat': n = c.csat[i]!; break;
      case 'ces': n = c.ces[i]!; break;
      case 'reason': t = c.reason[i]! < 0 ? undefined : REASONS[c.reason[i]!]; break;
      case 'comment': t = c.comment[i]! < 0 ? undefined : this.parts.comments[c.comment[i]!]; break;
      case 'agentId': t = this.parts.agents[c.agent[i]!]!.skillTargetId; break;
      case 'teamId': t = this.parts.teams[this.agentTeam[c.agent[i]!]!]!.id; break;
      case 'queueId': t = QUEUES[c.queue[i]!]; break;
      case 'customerId': t = ident & IDENT_CUSTOMER ? customer?.id : undefined; break;
      case 'mobile': t = ident & IDENT_MOBILE && customer?.mobile ? this.mobileAs(customer.mobile, c.phoneForm[i]!) : undefined; break;
      case 'email': t = ident & IDENT_EMAIL ? customer?.email : undefined; break;
      case 'account': t = customer ? accountNumber(customer) : undefined; break;
      case 'sensitive': t = c.comment[i]! >= 0 && c.comment[i]! % 9 === 0 ? SENSITIVE_TEXTS[i % SENSITIVE_TEXTS.length] : undefined; break;
      default: return undefined;
    }
    if (t !== undefined) return t === null ? undefined : { textInput: t, numberInput: 0 };
    return n < 0 ? undefined : { textInput: null, numberInput: n };
  }

  /** The mobile as stored in one form (phone-forms.ts). */
  mobileAs(e164: string, form: number): string {
    return formatPhone(e164, PHONE_FORMS[form] ?? 'e164');
  }

  locationOf(i: number): string {
    return this.parts.catalogue.defs[this.seeded.qn[i]!]!.questionnaire.name;
  }

  channelOf(i: number): string {
    return CHANNELS[this.seeded.channel[i]!]!;
  }

  materialise(ref: number): Answer {
    if (ref >= this.seeded.n) return structuredClone(this.extras[ref - this.seeded.n]!);
    const c = this.seeded;
    const i = ref;
    const def = this.parts.catalogue.defs[c.qn[i]!]!;
    const responses: ResponseItem[] = [];
    for (const q of def.questions) {
      const v = this.value(i, q.id);
      if (v) responses.push({ questionId: q.id, questionText: q.text, ...v });
    }
    const time = new Date(c.time[i]!).toISOString();
    const status = TICKETS[c.ticket[i]!] ?? null;
    const answer: Answer = {
      id: this.idOf(i),
      user: 'emulator',
      locationId: def.questionnaire.name,
      responseDateTime: time,
      responseDuration: c.duration[i]!,
      surveyClient: this.channelOf(i),
      responses,
      archived: c.archived[i] === 1,
      notes: status && status !== 'Open'
        ? [{ ...this.parts.ticketOwner, noteTime: new Date(c.time[i]! + 86_400_000).toISOString(), note: 'Called the customer back; issue explained.' }]
        : null,
      openTicket: status ? { status, priority: 'High', createdDate: time } : null,
      deviceId: c.channel[i] === 0 ? 'CVP-01' : null,
    };
    const added = this.addedNotes.get(i);
    if (added) answer.notes = [...(answer.notes ?? []), ...structuredClone(added)];
    return breakRecord(answer, MALFORMED[c.malformed[i]!] ?? '', def.byRole.nps?.id, def.byRole.comment?.id);
  }

  addNote(ref: number, note: Note): void {
    if (ref >= this.seeded.n) {
      const answer = this.extras[ref - this.seeded.n]!;
      answer.notes = [...(Array.isArray(answer.notes) ? answer.notes : []), { ...note }];
      return;
    }
    const list = this.addedNotes.get(ref) ?? [];
    list.push({ ...note });
    this.addedNotes.set(ref, list);
  }

  /** Every answer, newest first (materialised one at a time). */
  *newestFirst(): Generator<Answer> {
    const extras = this.extras.map((_, k) => this.seeded.n + k).sort((a, b) => this.timeOf(b) - this.timeOf(a));
    let e = 0;
    for (let i = this.seeded.n - 1; i >= 0; i--) {
      while (e < extras.length && !(this.timeOf(extras[e]!) < this.seeded.time[i]!)) yield this.materialise(extras[e++]!);
      yield this.materialise(i);
    }
    while (e < extras.length) yield this.materialise(extras[e++]!);
  }

  add(answer: Answer): void {
    if (this.refOf(answer.id) !== undefined) throw new Error(`answer ${answer.id} exists`);
    this.extraById.set(answer.id, this.extras.length);
    this.extras.push(structuredClone(answer));
    this.extraTimes.push(Date.parse(answer.responseDateTime));
    const seen = new Set<number>();
    for (const r of answer.responses ?? []) {
      const role = this.parts.catalogue.roleOf.get(r.questionId)?.role;
      if ((role === 'customerId' || role === 'mobile' || role === 'email') && r.textInput) {
        const form = role === 'mobile' ? this.mobileByForm.get(r.textInput) : undefined;
        const ci = form !== undefined ? Math.floor(form / PHONE_FORMS.length) : this.customerByKey.get(r.textInput.toLowerCase()) ?? this.customerByKey.get(r.textInput);
        if (ci !== undefined) seen.add(ci);
      }
    }
    for (const ci of seen) this.parts.customers[ci]!.surveyCount += 1;
  }
}

/** Break a well-formed record the way real tenants' data is broken (typed loosely on purpose). */
function breakRecord(answer: Answer, kind: string, npsId?: string, commentId?: string): Answer {
  const loose = answer as unknown as Record<string, unknown>;
  switch (kind) {
    case 'no-responses':
      delete loose.responses;
      break;
    case 'unknown-question':
      answer.responses.push({ questionId: UNKNOWN_QUESTION_ID, questionText: 'Deleted question', textInput: 'orphan', numberInput: 0 });
      break;
    case 'bad-date':
      answer.responseDateTime = 'not a date';
      break;
    case 'wrong-types':
      for (const r of answer.responses as unknown as Record<string, unknown>[]) {
        if (r.questionId === npsId && typeof r.numberInput === 'number') r.numberInput = String(r.numberInput);
        if (r.questionId === commentId) r.textInput = 12345;
      }
      break;
    case 'missing-fields':
      delete loose.locationId;
      delete loose.surveyClient;
      break;
    default: // 'nps-out-of-range' lives in the column itself (42)
  }
  return answer;
}

/** Append an answer (the survey path); keeps ids unique and customer survey counts right. */
export function addAnswer(world: World, answer: Answer): void {
  world.answers.add(answer);
}
