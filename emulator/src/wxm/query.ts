/**
 * FilterBy semantics over the answer store. Identity filters (cc_CustomerId, Mobile, Email, cc_AgentId, cc_TeamId)
 * start from an index; everything else scans the date range. Clean seeded rows are matched column-wise; malformed
 * rows and run-time answers are matched on their wire objects, with the same rules.
 *
 * Rules (emulator's reading of the spec):
 * - location: answer.locationId in the list (empty list = no filter).
 * - afterdate/beforedate: inclusive bounds on responseDateTime (a record whose date does not parse never matches).
 * - archived: when present, answer.archived must equal it; absent = both.
 * - channel: surveyClient equal, case-insensitive.
 * - days (0 = Sunday) and aftertime/beforetime ("HH:mm"): in the account's time zone (settings.timeZoneOffset).
 * - filterquestions: ["gt"|"lt"|"eq"] + number on numberInput (a text answer's numberInput is 0, as on real WxM);
 *   ["Any Text"] = non-empty textInput; otherwise textInput equals one of the values, case-insensitively but
 *   otherwise exactly as stored: no phone-number normalisation ("+14085550100" does not find "4085550100"), that is
 *   the client's job. All combine with AND, except that entries with groupBy "OR" form one group of which at least
 *   one must match.
 */
import type { Answer, FilterBy } from '../../../shared/wxm/types.js';
import { CHANNELS, REASONS } from '../world/catalogue.js';
import { csrRows, IDENT_CUSTOMER, IDENT_EMAIL, IDENT_MOBILE, QUEUES, type AnswerStore, type Value } from '../world/store.js';
import { PHONE_FORMS } from '../world/phone-forms.js';
import type { World } from '../world/types.js';

export class BadFilter extends Error {}

interface Check { qid: string; kind: 'gt' | 'lt' | 'eq' | 'any' | 'text'; number: number; values: Set<string>; raw: string[] }

interface Compiled {
  locations?: Set<string>;
  after: number;
  before: number;
  archived?: boolean;
  channel?: string;
  days?: Set<number>;
  afterMin?: number;
  beforeMin?: number;
  tzMs: number;
  and: Check[];
  or: Check[];
}

/** What the matcher needs to know about one answer. */
interface View {
  time: number;
  location: unknown;
  channel: unknown;
  archived: unknown;
  value(qid: string): Value | undefined;
}

function parseDate(s: unknown, name: string): number | undefined {
  if (s === undefined || s === null || s === '') return undefined;
  const t = typeof s === 'string' ? Date.parse(s) : NaN;
  if (Number.isNaN(t)) throw new BadFilter(`${name} is not a date`);
  return t;
}

function parseTime(s: unknown): number | undefined {
  if (typeof s !== 'string' || s === '') return undefined;
  const m = /^(\d{1,2}):(\d{2})/.exec(s);
  if (!m) throw new BadFilter('time must be HH:mm');
  return Number(m[1]) * 60 + Number(m[2]);
}

export function compile(filter: FilterBy | null | undefined, timeZoneOffset: number): Compiled {
  const f = filter ?? {};
  if (typeof f !== 'object' || Array.isArray(f)) throw new BadFilter('filter must be an object');
  const checks: Check[] = [];
  const or: Check[] = [];
  for (const fq of Array.isArray(f.filterquestions) ? f.filterquestions : []) {
    if (!fq || typeof fq.questionId !== 'string') throw new BadFilter('filterquestion without questionId');
    const raw = Array.isArray(fq.answerCheck) ? fq.answerCheck.map(String) : [];
    const op = raw[0]?.toLowerCase();
    let check: Check;
    if (op === 'gt' || op === 'lt' || op === 'eq') {
      check = { qid: fq.questionId, kind: op, number: Number(fq.number ?? 0), values: new Set(), raw };
    } else if (raw.some((v) => v.toLowerCase() === 'any text')) {
      check = { qid: fq.questionId, kind: 'any', number: 0, values: new Set(), raw };
    } else {
      check = { qid: fq.questionId, kind: 'text', number: 0, values: new Set(raw.map((v) => v.toLowerCase())), raw };
    }
    (fq.groupBy === 'OR' ? or : checks).push(check);
  }
  const locations = Array.isArray(f.location) && f.location.length > 0 ? new Set(f.location.map(String)) : undefined;
  return {
    locations,
    after: parseDate(f.afterdate, 'afterdate') ?? -Infinity,
    before: parseDate(f.beforedate, 'beforedate') ?? Infinity,
    archived: typeof f.archived === 'boolean' ? f.archived : undefined,
    channel: typeof f.channel === 'string' && f.channel !== '' ? f.channel.toLowerCase() : undefined,
    days: Array.isArray(f.days) && f.days.length > 0 ? new Set(f.days.map(Number)) : undefined,
    afterMin: parseTime(f.aftertime),
    beforeMin: parseTime(f.beforetime),
    tzMs: timeZoneOffset * 60_000,
    and: checks,
    or,
  };
}

function checkValue(c: Check, v: Value | undefined): boolean {
  if (!v) return false;
  const n = v.numberInput;
  const t = v.textInput;
  switch (c.kind) {
    case 'gt': return typeof n === 'number' && n > c.number;
    case 'lt': return typeof n === 'number' && n < c.number;
    case 'eq': return typeof n === 'number' && n === c.number;
    case 'any': return typeof t === 'string' && t.trim() !== '';
    default: return typeof t === 'string' ? c.values.has(t.toLowerCase()) : typeof n === 'number' && c.values.has(String(n));
  }
}

function matches(q: Compiled, v: View): boolean {
  if (q.locations && !(typeof v.location === 'string' && q.locations.has(v.location))) return false;
  if (q.after !== -Infinity || q.before !== Infinity) {
    if (!(v.time >= q.after && v.time <= q.before)) return false;
  }
  if (q.archived !== undefined && (v.archived === true) !== q.archived) return false;
  if (q.channel && !(typeof v.channel === 'string' && v.channel.toLowerCase() === q.channel)) return false;
  if (q.days || q.afterMin !== undefined || q.beforeMin !== undefined) {
    if (Number.isNaN(v.time)) return false;
    const local = new Date(v.time + q.tzMs);
    if (q.days && !q.days.has(local.getUTCDay())) return false;
    const min = local.getUTCHours() * 60 + local.getUTCMinutes();
    if (q.afterMin !== undefined && min < q.afterMin) return false;
    if (q.beforeMin !== undefined && min > q.beforeMin) return false;
  }
  for (const c of q.and) if (!checkValue(c, v.value(c.qid))) return false;
  if (q.or.length > 0 && !q.or.some((c) => checkValue(c, v.value(c.qid)))) return false;
  return true;
}

export function objectView(a: Answer, time = Date.parse(a.responseDateTime)): View {
  let byId: Map<string, Value> | undefined;
  return {
    time, location: a.locationId, channel: a.surveyClient, archived: a.archived,
    value(qid) {
      if (!byId) {
        byId = new Map();
        for (const r of Array.isArray(a.responses) ? a.responses : []) if (r && !byId.has(r.questionId)) byId.set(r.questionId, r);
      }
      return byId.get(qid);
    },
  };
}

type RowTest = (i: number) => boolean;

/** A bitmap over `size` items holding those `accept` picks. */
function mask(size: number, accept: (k: number) => boolean): Uint8Array {
  const m = new Uint8Array(size);
  for (let k = 0; k < size; k++) if (accept(k)) m[k] = 1;
  return m;
}

/**
 * One filterquestion as a test on clean seeded rows, reading columns only. Mirrors checkValue(store.value(i, qid))
 * exactly (a test compares both on random filters).
 */
function columnCheck(store: AnswerStore, c: Check): RowTest {
  const meta = store.parts.catalogue.roleOf.get(c.qid);
  if (!meta) return () => false;
  const S = store.seeded;
  const qn = meta.qn;
  const { agents, teams, customers, comments } = store.parts;
  const textOk = (t: string | null | undefined) =>
    typeof t === 'string' && (c.kind === 'any' ? t.trim() !== '' : c.kind === 'text' && c.values.has(t.toLowerCase()));
  const numeric = meta.role === 'nps' || meta.role === 'csat' || meta.role === 'ces';
  if (!numeric && (c.kind === 'gt' || c.kind === 'lt' || c.kind === 'eq')) {
    // A number check on a text question sees its numberInput 0 (rare: read the row's value).
    const zero = c.kind === 'gt' ? 0 > c.number : c.kind === 'lt' ? 0 < c.number : c.number === 0;
    return zero ? (i) => store.value(i, c.qid) !== undefined : () => false;
  }
  switch (meta.role) {
    case 'nps': case 'csat': case 'ces': {
      const col = S[meta.role];
      const x = c.number;
      if (c.kind === 'gt') return (i) => S.qn[i] === qn && col[i]! >= 0 && col[i]! > x;
      if (c.kind === 'lt') return (i) => S.qn[i] === qn && col[i]! >= 0 && col[i]! < x;
      if (c.kind === 'eq') return (i) => S.qn[i] === qn && col[i]! >= 0 && col[i]! === x;
      if (c.kind === 'any') return () => false;
      const ok = mask(128, (v) => c.values.has(String(v)));
      return (i) => S.qn[i] === qn && col[i]! >= 0 && ok[col[i]!] === 1;
    }
    case 'reason': {
      const ok = mask(REASONS.length, (k) => textOk(REASONS[k]));
      return (i) => S.qn[i] === qn && S.reason[i]! >= 0 && ok[S.reason[i]!] === 1;
    }
    case 'comment': {
      const ok = mask(comments.length, (k) => textOk(comments[k]));
      return (i) => S.qn[i] === qn && S.comment[i]! >= 0 && ok[S.comment[i]!] === 1;
    }
    case 'agentId': {
      const ok = mask(agents.length, (k) => textOk(agents[k]!.skillTargetId));
      return (i) => S.qn[i] === qn && ok[S.agent[i]!] === 1;
    }
    case 'teamId': {
      const ok = mask(teams.length, (k) => textOk(teams[k]!.id));
      const team = store.agentTeam;
      return (i) => S.qn[i] === qn && ok[team[S.agent[i]!]!] === 1;
    }
    case 'queueId': {
      const ok = mask(QUEUES.length, (k) => textOk(QUEUES[k]));
      return (i) => S.qn[i] === qn && ok[S.queue[i]!] === 1;
    }
    case 'mobile': {
      // Exact per stored form: a (customer, form) pair matches when its spelling is one of the accepted values.
      const forms = PHONE_FORMS.length;
      const ok = new Uint8Array(customers.length * forms);
      if (c.kind === 'text') {
        for (const v of c.raw) {
          const k = store.mobileByForm.get(v);
          if (k !== undefined) ok[k] = 1;
        }
      } else if (c.kind === 'any') {
        customers.forEach((cu, k) => { if (cu.mobile) ok.fill(1, k * forms, (k + 1) * forms); });
      }
      return (i) => S.qn[i] === qn && (S.ident[i]! & IDENT_MOBILE) !== 0 && S.customer[i]! >= 0 && ok[S.customer[i]! * forms + S.phoneForm[i]!] === 1;
    }
    case 'account': case 'sensitive': {
      const value = (i: number) => store.value(i, c.qid)?.textInput;
      return (i) => S.qn[i] === qn && textOk(value(i));
    }
    case 'customerId': case 'email': {
      const bit = meta.role === 'customerId' ? IDENT_CUSTOMER : IDENT_EMAIL;
      const field = (k: number) => { const cu = customers[k]!; return meta.role === 'customerId' ? cu.id : cu.email; };
      let ok: Uint8Array;
      if (c.kind === 'text') {
        ok = new Uint8Array(customers.length);
        for (const v of c.raw) {
          const k = store.customerByKey.get(v.toLowerCase()) ?? store.customerByKey.get(v);
          if (k !== undefined && textOk(field(k))) ok[k] = 1;
        }
      } else {
        ok = mask(customers.length, (k) => textOk(field(k)));
      }
      return (i) => S.qn[i] === qn && (S.ident[i]! & bit) !== 0 && S.customer[i]! >= 0 && ok[S.customer[i]!] === 1;
    }
    default:
      return () => false;
  }
}

/** The whole filter (bar the date range, which the caller turns into a row range) as a test on clean rows. */
function columnPredicate(store: AnswerStore, q: Compiled): RowTest {
  const S = store.seeded;
  const tests: RowTest[] = [];
  if (q.locations) {
    const ok = mask(store.parts.catalogue.defs.length, (k) => q.locations!.has(store.parts.catalogue.defs[k]!.questionnaire.name));
    tests.push((i) => ok[S.qn[i]!] === 1);
  }
  if (q.after !== -Infinity || q.before !== Infinity) tests.push((i) => S.time[i]! >= q.after && S.time[i]! <= q.before);
  if (q.archived !== undefined) {
    const want = q.archived ? 1 : 0;
    tests.push((i) => S.archived[i] === want);
  }
  if (q.channel) {
    const ch = q.channel;
    const ok = mask(CHANNELS.length, (k) => CHANNELS[k]!.toLowerCase() === ch);
    tests.push((i) => ok[S.channel[i]!] === 1);
  }
  if (q.days || q.afterMin !== undefined || q.beforeMin !== undefined) {
    tests.push((i) => {
      const local = new Date(S.time[i]! + q.tzMs);
      if (q.days && !q.days.has(local.getUTCDay())) return false;
      const min = local.getUTCHours() * 60 + local.getUTCMinutes();
      return !(q.afterMin !== undefined && min < q.afterMin) && !(q.beforeMin !== undefined && min > q.beforeMin);
    });
  }
  for (const c of q.and) tests.push(columnCheck(store, c));
  if (q.or.length > 0) {
    const any = q.or.map((c) => columnCheck(store, c));
    tests.push((i) => { for (let k = 0; k < any.length; k++) if (any[k]!(i)) return true; return false; });
  }
  const count = tests.length;
  return (i) => { for (let k = 0; k < count; k++) if (!tests[k]!(i)) return false; return true; };
}

/** Seeded rows an identity check can be answered from, or undefined when the check is not indexable. */
function candidatesFor(store: AnswerStore, world: World, c: Check): Int32Array | undefined {
  if (c.kind !== 'text') return undefined;
  const role = world.answers.parts.catalogue.roleOf.get(c.qid)?.role;
  const lists: Int32Array[] = [];
  for (const value of c.raw) {
    const key = value.toLowerCase();
    if (role === 'mobile') {
      const form = store.mobileByForm.get(value);
      if (form !== undefined) lists.push(csrRows(store.byCustomer, Math.floor(form / PHONE_FORMS.length)));
    } else if (role === 'customerId' || role === 'email') {
      const ci = store.customerByKey.get(key) ?? store.customerByKey.get(value);
      if (ci !== undefined) lists.push(csrRows(store.byCustomer, ci));
    } else if (role === 'agentId') {
      const ai = store.agentBySkillTarget.get(value);
      if (ai !== undefined) lists.push(csrRows(store.byAgent, ai));
    } else if (role === 'teamId') {
      const ti = store.teamById.get(value);
      if (ti !== undefined) lists.push(csrRows(store.byTeam, ti));
    } else {
      return undefined;
    }
  }
  return union(lists);
}

/** Sorted union of ascending row lists, without duplicates. */
function union(input: Int32Array[]): Int32Array {
  // The same value asked on each questionnaire's question yields the very same index slice: keep one.
  const lists = input.filter((l, k) => input.findIndex((m) => m.buffer === l.buffer && m.byteOffset === l.byteOffset && m.length === l.length) === k);
  if (lists.length === 1) return lists[0]!;
  const merged = new Int32Array(lists.reduce((s, l) => s + l.length, 0));
  let o = 0;
  for (const l of lists) { merged.set(l, o); o += l.length; }
  merged.sort();
  let w = 0;
  for (let k = 0; k < merged.length; k++) if (k === 0 || merged[k - 1] !== merged[k]) merged[w++] = merged[k]!;
  return merged.subarray(0, w);
}

/** First k in [0, n) with ok(k), for ok monotone false→true; n when none. */
function searchFirst(n: number, ok: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) hi = mid; else lo = mid + 1;
  }
  return lo;
}

function lowerBound(times: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Refs of every matching answer, newest first. */
export function query(world: World, filter: FilterBy | null | undefined): number[] {
  const store = world.answers;
  const q = compile(filter, world.settings.timeZoneOffset);
  const n = store.seeded.n;

  // Pick the narrowest index; fall back to the date range.
  let candidates: ArrayLike<number> | undefined;
  for (const c of q.and) {
    const list = candidatesFor(store, world, c);
    if (list && (!candidates || list.length < candidates.length)) candidates = list;
  }
  if (q.or.length > 0) {
    const lists = q.or.map((c) => candidatesFor(store, world, c));
    if (lists.every((l) => l !== undefined)) {
      const all = union(lists as Int32Array[]);
      if (!candidates || all.length < candidates.length) candidates = all;
    }
  }

  const seeded: number[] = [];
  const fast = columnPredicate(store, q);
  const broken = store.seeded.malformed;
  const test = (i: number) => (broken[i] === 0 ? fast(i) : matches(q, objectView(store.materialise(i))));
  if (candidates) {
    // Candidate rows ascend, and so do their times: the date range is a slice of them.
    const time = (k: number) => store.seeded.time[candidates![k]!]!;
    const lo = q.after === -Infinity ? 0 : searchFirst(candidates.length, (k) => time(k) >= q.after);
    const hi = q.before === Infinity ? candidates.length : searchFirst(candidates.length, (k) => time(k) > q.before);
    for (let k = hi - 1; k >= lo; k--) if (test(candidates[k]!)) seeded.push(candidates[k]!);
  } else {
    // Rows outside the range cannot match: broken rows keep their column time or carry no date at all.
    const lo = q.after === -Infinity ? 0 : lowerBound(store.seeded.time, n, q.after);
    const hi = q.before === Infinity ? n : lowerBound(store.seeded.time, n, q.before + 1);
    for (let i = hi - 1; i >= lo; i--) if (test(i)) seeded.push(i);
  }

  const extras: number[] = [];
  store.extras.forEach((a, k) => { if (matches(q, objectView(a, store.extraTimes[k]))) extras.push(n + k); });
  if (extras.length === 0) return seeded;
  extras.sort((a, b) => (store.timeOf(b) || 0) - (store.timeOf(a) || 0));
  const out: number[] = [];
  let e = 0;
  for (const r of seeded) {
    while (e < extras.length && !((store.timeOf(extras[e]!) || 0) < store.timeOf(r))) out.push(extras[e++]!);
    out.push(r);
  }
  while (e < extras.length) out.push(extras[e++]!);
  return out;
}
