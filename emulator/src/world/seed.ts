/**
 * buildWorld: the whole emulated contact centre from (seed, profile, start day), deterministically.
 * Answers are written straight into typed-array columns (see store.ts), then sorted by time once.
 */
import { buildCatalogue, CHANNELS } from './catalogue.js';
import { formForChannel, PHONE_FORMS } from './phone-forms.js';
import { buildCommentPool, sentimentOf } from './comments.js';
import { substream, type Rng } from './prng.js';
import { allocColumns, AnswerStore, IDENT_CUSTOMER, IDENT_EMAIL, IDENT_MOBILE, MALFORMED, QUEUES, type SeedColumns } from './store.js';
import type { EmuAgent, EmuCustomer, EmuSupervisor, EmuTeam, Profile, World } from './types.js';

export interface WorldSizes {
  teams: number;
  agentsPerTeam: number;
  customers: number;
  /** Total seeded answers (hit exactly unless customers × 60 cannot hold it). */
  answers: number;
}

export const PROFILES: Record<Profile, WorldSizes> = {
  small: { teams: 4, agentsPerTeam: 6, customers: 300, answers: 4_500 },
  large: { teams: 4, agentsPerTeam: 50, customers: 100_000, answers: 1_000_000 },
};

export const MAX_SURVEYS = 60;
const DAY = 86_400_000;
const HISTORY_DAYS = 400;

/** Fixture customers (always the first rows) and their survey counts. */
const FIXTURES: { trait: string; count: number }[] = [
  { trait: 'max-history', count: 60 },
  { trait: 'no-surveys', count: 0 },
  { trait: 'hostile', count: 12 },
  { trait: 'malformed', count: 10 },
  { trait: 'mobile-only', count: 8 },
  { trait: 'email-only', count: 8 },
  { trait: 'mobile-formats', count: 8 },
];

/** Share of ordinary customers also reached by campaigns that know them by email or mobile only. */
const PARTIAL_IDS = 0.3;
/** Fixtures whose answers keep one canonical "+digits" mobile, so tests that look them up stay exact. */
const CANONICAL_MOBILE = new Set(['mobile-only', 'max-history', 'hostile', 'malformed', 'email-only']);

const TEAM_NAMES = ['Billing', 'Technical Support', 'Sales', 'Retention', 'Onboarding', 'Collections', 'Premium', 'Night Shift'];
/** Team score levels (0..1): teams differ visibly in NPS. */
const TEAM_QUALITY = [0.78, 0.55, 0.4, 0.65, 0.7, 0.5, 0.85, 0.45];
const FIRST = ['Anna', 'Ben', 'Chloé', 'Daniel', 'Elif', 'Farid', 'Grace', 'Hiro', 'Inés', 'Jonas', 'Kenji', 'Lena', 'Mateo', 'Noor',
  'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tamar', 'Uma', 'Victor', 'Wen', 'Yael', 'Zoë'];
const LAST = ['Schmidt', 'Dubois', 'García', 'Tanaka', 'Haddad', 'Cohen', 'Smith', 'Müller', 'Rossi', 'Nguyen', 'Okafor', 'Larsen',
  'Kowalski', 'Silva', 'Brown', 'Yamamoto', 'Martin', 'Levi', 'Fischer', 'Moreau'];
const LANGUAGE_WEIGHTS: [string, number][] = [['en', 0.5], ['de', 0.1], ['fr', 0.1], ['es', 0.1], ['ar', 0.06], ['he', 0.06], ['ja', 0.08]];
const COUNTRY = ['+1415', '+4479', '+4917', '+3361', '+3460'];

export function todayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function buildWorld(opts: { seed: number; profile: Profile; startDay?: Date; sizes?: Partial<WorldSizes> }): World {
  const { seed, profile } = opts;
  const sizes = { ...PROFILES[profile], ...opts.sizes };
  const startDay = new Date(opts.startDay ?? todayUtc());
  const catalogue = buildCatalogue(seed);
  const comments = buildCommentPool();
  const { teams, agents, supervisors, quality } = buildStaff(substream(seed, 'staff'), sizes);
  const customers = buildCustomers(substream(seed, 'customers'), sizes.customers);
  markPartialIds(substream(seed, 'partial-ids'), customers);
  assignCounts(substream(seed, 'counts'), customers, sizes.answers);

  const total = customers.reduce((s, c) => s + c.surveyCount, 0);
  const raw = allocColumns(total);
  const rng = substream(seed, 'answers');
  // A stream of its own, so that which identifiers and phone forms an answer carries leaves every other draw as it was.
  const identity = substream(seed, 'identity');
  const start = startDay.getTime();
  let row = 0;
  customers.forEach((customer, ci) => {
    const first = row;
    for (let k = 0; k < customer.surveyCount; k++, row++) {
      writeAnswer(rng, raw, row, ci, customer, start, agents.length, quality, comments);
      writeIdentity(identity, raw, row, customer);
    }
    applyTraits(raw, first, row, customer, comments.hostile);
  });
  const cols = sortByTime(raw);

  const supervisor = supervisors[0];
  const store = new AnswerStore({
    catalogue, teams, agents, customers, comments: comments.pool,
    ticketOwner: { user: supervisor?.id ?? 'admin', authorName: supervisor ? `${supervisor.firstName} ${supervisor.lastName}` : 'Admin' },
    idPrefix: (0x5e000000 + (seed % 0x1000000)).toString(16).padStart(8, '0').slice(-8),
  }, cols);

  return {
    seed, profile, startDay, settings: catalogue.settings,
    questionnaires: catalogue.defs.map((d) => d.questionnaire), questions: catalogue.questions,
    teams, agents, supervisors, customers, answers: store,
  };
}

function buildStaff(rng: Rng, sizes: WorldSizes) {
  const teams: EmuTeam[] = [];
  const agents: EmuAgent[] = [];
  const quality: number[] = [];
  for (let t = 0; t < sizes.teams; t++) {
    teams.push({ id: String(101 + t), name: TEAM_NAMES[t % TEAM_NAMES.length]! + (t >= TEAM_NAMES.length ? ` ${t + 1}` : '') });
    for (let a = 0; a < sizes.agentsPerTeam; a++) {
      const n = agents.length;
      agents.push({
        id: String(1001 + n), skillTargetId: String(5001 + n), firstName: rng.pick(FIRST), lastName: rng.pick(LAST),
        teamId: teams[t]!.id, extension: String(7001 + n),
      });
      quality.push(Math.min(1, Math.max(0, (TEAM_QUALITY[t % TEAM_QUALITY.length] ?? 0.6) + rng.normal(0, 0.12))));
    }
  }
  // Two supervisors, each over half the teams; they log in as supervisors, not as members of those teams.
  const supervisors: EmuSupervisor[] = [0, 1].map((s) => {
    const supervised = teams.filter((_, t) => (t < Math.ceil(teams.length / 2)) === (s === 0)).map((t) => t.id);
    return {
      id: String(2001 + s), skillTargetId: String(5901 + s), firstName: s === 0 ? 'Sofia' : 'Marcus', lastName: s === 0 ? 'Lindqvist' : 'Adeyemi',
      teamId: supervised[0] ?? teams[0]?.id ?? '101', extension: String(7901 + s), supervisedTeamIds: supervised,
    };
  });
  return { teams, agents, supervisors, quality };
}

function buildCustomers(rng: Rng, count: number): EmuCustomer[] {
  const customers: EmuCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    let u = rng.next();
    const language = LANGUAGE_WEIGHTS.find(([, w]) => (u -= w) < 0)?.[0] ?? 'en';
    // (i × prime) mod 1e7 is a bijection on i < 1e7: unique numbers without a set.
    const digits = String((i * 7_919 + 1_234_567) % 10_000_000).padStart(7, '0');
    const hasMobile = rng.chance(0.85);
    const hasEmail = rng.chance(0.7);
    const local = `${first}.${last}${i}`.normalize('NFD').replace(/[^A-Za-z0-9.]/g, '');
    customers.push({
      id: `C${100_000 + i}`,
      name: `${first} ${last}`,
      mobile: hasMobile ? `${COUNTRY[i % COUNTRY.length]}${digits}` : null,
      // A tenth keep their capitals, as typed: clients must compare emails case-insensitively.
      email: hasEmail ? (rng.chance(0.1) ? `${local}@Example.com` : `${local.toLowerCase()}@example.com`) : null,
      surveyCount: 0,
      language,
    });
  }
  FIXTURES.forEach((f, i) => {
    const c = customers[i];
    if (!c) return;
    c.traits = [f.trait];
    if (f.trait === 'mobile-only') c.email = null;
    if (f.trait === 'email-only') c.mobile = null;
    if (f.trait === 'mobile-only' && !c.mobile) c.mobile = `+1415${String(9_000_000 + i)}`;
    if (f.trait === 'email-only' && !c.email) c.email = `email.only${i}@example.com`;
    if (f.trait === 'mobile-formats') {
      // A North American number: the form with the most spellings ("(408) 555-0106", "4085550106", ...).
      c.mobile = `+1408555${String(100 + i).padStart(4, '0')}`;
      c.email = null;
    }
  });
  return customers;
}

/** Ordinary customers that campaigns also survey by email or mobile alone: their answers do not all carry cc_CustomerId. */
function markPartialIds(rng: Rng, customers: EmuCustomer[]): void {
  for (let i = FIXTURES.length; i < customers.length; i++) if (rng.chance(PARTIAL_IDS)) customers[i]!.traits = ['partial-ids'];
}

/**
 * Which identity prefills one answer carries, by channel (realistic tenant): CVP's post-call survey writes POD.ID
 * (cc_CustomerId, sometimes Email) and the ANI; post-call SMS/email links carry the same prefills. A 'partial-ids'
 * customer is also surveyed by campaigns that only know the address they sent to: an email survey then carries
 * Email (rarely cc_CustomerId), an SMS the Mobile, a web survey whatever the customer typed.
 */
function writeIdentity(rng: Rng, c: SeedColumns, i: number, customer: EmuCustomer): void {
  const channel = CHANNELS[c.channel[i]!]!;
  const mobile = customer.mobile ? IDENT_MOBILE : 0;
  const email = customer.email ? IDENT_EMAIL : 0;
  const partial = customer.traits?.[0] === 'partial-ids';
  let ident: number;
  if (channel === 'voice') ident = IDENT_CUSTOMER | mobile | (rng.chance(0.4) ? email : 0);
  else if (channel === 'sms') ident = (partial && !rng.chance(0.3) ? 0 : IDENT_CUSTOMER) | mobile;
  else if (channel === 'email') ident = (partial && !rng.chance(0.1) ? 0 : IDENT_CUSTOMER) | email;
  else ident = (partial && !rng.chance(0.3) ? 0 : IDENT_CUSTOMER) | (rng.chance(0.5) ? email : 0) | (rng.chance(0.3) ? mobile : 0);
  // Every survey is somebody's: without the address it went to, it was sent by customer id.
  if ((ident & (IDENT_MOBILE | IDENT_EMAIL)) === 0) ident |= IDENT_CUSTOMER;
  c.ident[i] = ident;
  c.phoneForm[i] = formForChannel(channel, rng.next());
}

/** Spread `total` surveys over customers (skewed: most have a few, some many), fixtures fixed. */
function assignCounts(rng: Rng, customers: EmuCustomer[], total: number): void {
  const free = customers.length - Math.min(FIXTURES.length, customers.length);
  let remaining = Math.max(0, total - FIXTURES.slice(0, customers.length).reduce((s, f) => s + f.count, 0));
  customers.forEach((c, i) => { c.surveyCount = FIXTURES[i]?.count ?? 0; });
  if (free === 0) return;
  const weights = new Float64Array(customers.length);
  let sum = 0;
  for (let i = FIXTURES.length; i < customers.length; i++) {
    weights[i] = rng.chance(0.08) ? 0 : -Math.log(1 - rng.next());
    sum += weights[i]!;
  }
  const scale = sum > 0 ? remaining / sum : 0;
  for (let i = FIXTURES.length; i < customers.length; i++) {
    const n = Math.min(MAX_SURVEYS - 1, Math.round(weights[i]! * scale));
    customers[i]!.surveyCount = n;
    remaining -= n;
  }
  // Settle the rounding difference one survey at a time (59 cap keeps 'max-history' the only 60).
  for (let guard = 0; remaining !== 0 && guard < 50_000_000; guard++) {
    const c = customers[FIXTURES.length + Math.floor(rng.next() * free)]!;
    if (remaining > 0 && c.surveyCount < MAX_SURVEYS - 1) { c.surveyCount++; remaining--; }
    else if (remaining < 0 && c.surveyCount > 1) { c.surveyCount--; remaining++; }
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

function writeAnswer(rng: Rng, c: SeedColumns, i: number, ci: number, customer: EmuCustomer, start: number,
  agentCount: number, quality: number[], pool: ReturnType<typeof buildCommentPool>): void {
  const u = rng.next();
  const channel = u < 0.55 ? 0 : u < 0.75 ? 1 : u < 0.9 ? 2 : 3; // voice, email, sms, web
  const voice = channel === 0;
  const agent = Math.floor(rng.next() * agentCount);
  c.time[i] = start - Math.floor(rng.next() * HISTORY_DAYS * DAY / 1000) * 1000 - 1000;
  c.customer[i] = ci;
  c.agent[i] = agent;
  c.qn[i] = voice ? 0 : 1;
  c.channel[i] = channel;
  const nps = clamp(rng.normal(3 + 7 * quality[agent]!, 2.2), 0, 10);
  const answered = rng.chance(0.96);
  c.nps[i] = answered ? nps : -1;
  c.csat[i] = voice && rng.chance(0.85) ? clamp(1 + nps * 0.4 + rng.normal(0, 0.6), 1, 5) : -1;
  c.ces[i] = rng.chance(0.78) ? (voice ? clamp(1 + nps * 0.6 + rng.normal(0, 0.8), 1, 7) : clamp(1 + nps * 0.4 + rng.normal(0, 0.6), 1, 5)) : -1;
  c.reason[i] = voice && rng.chance(0.7) ? rng.int(0, 4) : -1;
  c.comment[i] = -1;
  if (rng.chance(0.35)) {
    const s = sentimentOf(nps);
    const r = rng.next();
    const bucket = r < 0.001 ? pool.hostile : r < 0.1 ? pool.emoji[s]! : r < 0.15 ? pool.bucket.get('en')![s]! : pool.bucket.get(customer.language)![s]!;
    c.comment[i] = rng.pick(bucket);
  }
  c.queue[i] = rng.int(0, QUEUES.length - 1);
  c.duration[i] = rng.int(voice ? 40 : 20, voice ? 400 : 240);
  c.ticket[i] = answered && nps <= 6 && rng.chance(0.3) ? (start - c.time[i]! < 14 * DAY ? rng.int(1, 2) : rng.int(2, 3)) : 0;
  c.archived[i] = rng.chance(0.01) ? 1 : 0;
  c.malformed[i] = rng.chance(0.0008) ? rng.int(1, MALFORMED.length - 1) : 0;
  if (c.malformed[i] === 2) c.nps[i] = 42;
}

/** Make the fixture customers' promises true (see EmuCustomer.traits). */
function applyTraits(c: SeedColumns, from: number, to: number, customer: EmuCustomer, hostile: number[]): void {
  const trait = customer.traits?.[0];
  if (!trait || from === to) return;
  for (let i = from; i < to; i++) c.malformed[i] = 0;
  if (CANONICAL_MOBILE.has(trait)) for (let i = from; i < to; i++) c.phoneForm[i] = 0;
  if (trait === 'mobile-only') for (let i = from; i < to; i++) c.ident[i] = IDENT_MOBILE;
  if (trait === 'mobile-formats') {
    for (let i = from; i < to; i++) {
      c.ident[i] = IDENT_MOBILE;
      c.phoneForm[i] = (i - from) % PHONE_FORMS.length;
    }
  }
  if (trait === 'email-only') for (let i = from; i < to; i++) c.ident[i] = IDENT_EMAIL;
  if (trait === 'hostile') {
    let newest = from;
    for (let i = from; i < to; i++) {
      c.comment[i] = hostile[(i - from) % hostile.length]!;
      if (c.time[i]! > c.time[newest]!) newest = i;
    }
    c.comment[newest] = hostile[0]!;
    c.archived[newest] = 0;
  }
  if (trait === 'malformed') {
    // Broken rows that still carry the identity prefills, so a lookup by this customer meets them.
    const kinds = [2, 3, 4, 5, 6];
    kinds.forEach((kind, k) => {
      const i = from + 1 + k * 2;
      if (i < to) { c.malformed[i] = kind; if (kind === 2) c.nps[i] = 42; }
    });
  }
}

/** Reorder every column oldest → newest (ties by generation order). */
function sortByTime(raw: SeedColumns): SeedColumns {
  const n = raw.n;
  let base = Infinity;
  for (let i = 0; i < n; i++) base = Math.min(base, raw.time[i]!);
  const SHIFT = 2 ** 27; // rows per world; seconds since base fit the remaining 26 bits of a double's mantissa
  if (n >= SHIFT) throw new Error('too many answers for one world');
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((raw.time[i]! - base) / 1000) * SHIFT + i;
  keys.sort();
  const perm = new Int32Array(n);
  for (let r = 0; r < n; r++) perm[r] = keys[r]! % SHIFT;
  const sorted = allocColumns(n);
  for (const key of Object.keys(raw) as (keyof SeedColumns)[]) {
    if (key === 'n') continue;
    // One compiled loop per column: a shared loop over 16 typed-array kinds goes megamorphic and crawls.
    const permute = new Function('from', 'to', 'perm', 'n', 'for (let r = 0; r < n; r++) to[r] = from[perm[r]];') as
      (from: unknown, to: unknown, perm: Int32Array, n: number) => void;
    permute(raw[key], sorted[key], perm, n);
  }
  return sorted;
}
