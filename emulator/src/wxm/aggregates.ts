/**
 * WxM's aggregates over a query's refs: FlashNPS, `/api/summary` (ResponseSummary: the answer distribution of every
 * question) and `/api/answers/compare/{q1}/{q2}` (the q1 × q2 matrix). Shapes from the vendor client
 * (APIClient.cs: ResponseSummary, Summary, SummaryLite, NPS); what the sources leave open is listed in
 * emulator/README.md ("Aggregates"). Clean seeded rows are read from columns, everything else from its wire object.
 */
import type { FilterBy, FlashNps, Question } from '../../../shared/wxm/types.js';
import { REASONS, type Role } from '../world/catalogue.js';
import { perWorld } from '../world/per-world.js';
import type { Value } from '../world/store.js';
import type { World } from '../world/types.js';
import { objectView } from './query.js';

/** The variants the sources leave open (control route POST /_emulator/wxm/aggregates). */
export interface AggregateOptions {
  /** 'missing': both routes answer the "no HTTP resource" 404, as a tenant without them would. */
  routes: 'present' | 'missing';
  numericKeys: NumericKeys;
  /** Status for an unknown question id in compare (400 assumed; 404 is the other plausible answer). */
  unknownQuestionStatus: 400 | 404;
}

export const aggregateOptions = perWorld((): AggregateOptions => ({ routes: 'present', numericKeys: 'integer', unknownQuestionStatus: 400 }));

export function passiveBand(npsRange: unknown): [number, number] {
  const parts = typeof npsRange === 'string' ? npsRange.split(',').map((p) => Number(p.trim())) : [];
  const [lo, hi] = parts;
  return lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [7, 8];
}

/** Numeric value of a tagged question in answer `ref` (first question with the tag the answer holds). */
function taggedValue(world: World, ref: number, role: 'nps' | 'csat' | 'ces'): number | undefined {
  const store = world.answers;
  const defs = store.parts.catalogue.defs;
  if (store.isColumnar(ref)) {
    const col = store.seeded[role];
    const v = col[ref]!;
    return v >= 0 && defs[store.seeded.qn[ref]!]!.byRole[role] ? v : undefined;
  }
  const view = objectView(store.materialise(ref));
  for (const def of defs) {
    const q = def.byRole[role];
    const v = q ? view.value(q.id)?.numberInput : undefined;
    if (typeof v === 'number') return v;
  }
  return undefined;
}

export function flashNps(world: World, refs: number[], filter: FilterBy | null | undefined): FlashNps {
  const [lo, hi] = passiveBand(world.settings.npsRange);
  let promoters = 0;
  let passive = 0;
  let detractors = 0;
  for (const ref of refs) {
    const v = taggedValue(world, ref, 'nps');
    if (v === undefined || !Number.isInteger(v) || v < 0 || v > 10) continue;
    if (v > hi) promoters++;
    else if (v >= lo) passive++;
    else detractors++;
  }
  const n = promoters + passive + detractors;
  const defs = world.answers.parts.catalogue.defs;
  const wanted = filter?.location?.[0];
  const def = defs.find((d) => d.questionnaire.name === wanted) ?? defs[0]!;
  const q = def.byRole.nps!;
  return {
    totalResponses: refs.length,
    netPromoter: {
      questionID: q.id,
      questionText: q.text,
      promoters,
      passive,
      detractors,
      netPromoters: n === 0 ? 0 : Math.round((100 * (promoters - detractors)) / n),
      defaultIndex: 0,
    },
  };
}

// ---- value keys ----

/** Display types whose answer is a number (numberInput); the rest answer in textInput. */
const NUMERIC = new Set(['scale', 'slider', 'number', 'smile-5', 'star-5']);
/** Free text: no distribution (WxM serves those through /api/summary/responsebyquestion). */
const FREE_TEXT = new Set(['text', 'multilinetext', 'date']);

export const isNumeric = (q: Question): boolean => NUMERIC.has(String(q.displayType).toLowerCase());

/** How numeric keys are written: "7" (assumed default) or "7.0" (the spec says clients tolerate it). */
export type NumericKeys = 'integer' | 'decimal';

const numberKey = (n: number, numericKeys: NumericKeys): string =>
  numericKeys === 'decimal' && Number.isInteger(n) ? n.toFixed(1) : String(n);

/**
 * The distribution keys one response contributes: the number as a string for numeric questions, the choice for
 * Select/Dropdown, each choice for MultiSelect (comma-joined on the wire), the text for hidden Text fields
 * (so that compare can key by cc_AgentId). Wrong-typed values contribute nothing.
 */
function keysOf(q: Question, v: Value | undefined, numericKeys: NumericKeys, withText: boolean): string[] {
  if (!v) return [];
  if (isNumeric(q)) {
    const n = v.numberInput;
    if (typeof n !== 'number' || !Number.isFinite(n)) return [];
    return [numberKey(n, numericKeys)];
  }
  const t = v.textInput;
  if (typeof t !== 'string' || t.trim() === '') return [];
  const type = String(q.displayType).toLowerCase();
  if (type === 'multiselect') return t.split(',').map((s) => s.trim()).filter(Boolean);
  if (FREE_TEXT.has(type) && !withText) return [];
  return [t];
}

/** Calls `each(question, value)` for every response of answer `ref` to a known question. */
function forEachResponse(world: World, ref: number, each: (q: Question, v: Value) => void): void {
  const store = world.answers;
  if (store.isColumnar(ref)) {
    for (const q of store.parts.catalogue.defs[store.seeded.qn[ref]!]!.questions) {
      const v = store.value(ref, q.id);
      if (v) each(q, v);
    }
    return;
  }
  const answer = store.materialise(ref);
  const seen = new Set<string>();
  for (const r of Array.isArray(answer.responses) ? answer.responses : []) {
    const q = r && typeof r.questionId === 'string' && !seen.has(r.questionId) ? questionById(world).get(r.questionId) : undefined;
    if (!q) continue;
    seen.add(q.id);
    each(q, r);
  }
}

export const questionById = perWorld((world) => new Map(world.questions.map((q) => [q.id, q])));

/** Value of question `qid` in answer `ref` (columns when clean, else the wire object). */
function valueOf(world: World, ref: number, qid: string): Value | undefined {
  const store = world.answers;
  return store.isColumnar(ref) ? store.value(ref, qid) : objectView(store.materialise(ref)).value(qid);
}

// ---- /api/summary ----

export interface Summary {
  askedQuestion: Question;
  response: Record<string, number>;
  ratingTrend: Record<string, number>;
}

export interface ResponseSummary {
  summary: Summary[];
  weightedScore: number;
  responseCount: number;
  assortedWordCloud: string[];
  tags: string[];
  netPromoter: FlashNps['netPromoter'];
}

const DAY_MS = 86_400_000;

/** An account-local day number as WxM's DateTime key ("2024-05-01T00:00:00", no zone; assumed). */
const dayKey = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10) + 'T00:00:00';

const WORD = /\p{L}{5,}/gu;
const WORD_CLOUD_SIZE = 20;

/** One question's counts over the filtered set (numbers kept as numbers until the reply is written). */
class QuestionTally {
  readonly counts = new Map<number | string, number>();
  /** account-local day number → [sum, n] of the numeric answers that day */
  readonly days = new Map<number, [number, number]>();
  constructor(readonly q: Question, readonly numeric: boolean) {}

  add(v: Value, day: number): void {
    if (!this.numeric) {
      for (const k of keysOf(this.q, v, 'integer', false)) this.count(k);
      return;
    }
    const n = v.numberInput;
    if (typeof n === 'number' && Number.isFinite(n)) this.addNumber(n, day);
  }

  addNumber(n: number, day: number): void {
    this.count(n);
    if (Number.isNaN(day)) return;
    const d = this.days.get(day);
    if (d) { d[0] += n; d[1] += 1; } else this.days.set(day, [n, 1]);
  }

  count(key: number | string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  toSummary(numericKeys: NumericKeys): Summary {
    const response: Record<string, number> = {};
    for (const [k, n] of this.counts) response[typeof k === 'number' ? numberKey(k, numericKeys) : k] = n;
    const ratingTrend: Record<string, number> = {};
    for (const day of [...this.days.keys()].sort((a, b) => a - b)) {
      const [sum, n] = this.days.get(day)!;
      ratingTrend[dayKey(day)] = sum / n;
    }
    return { askedQuestion: this.q, response, ratingTrend };
  }
}

/** The tallies of one questionnaire's questions, by what the column store keeps for them. */
interface DefTallies {
  numeric: [col: Int8Array, tally: QuestionTally][];
  reason?: QuestionTally;
  comment?: QuestionTally;
  /** Questions whose answers have no distribution here (hidden text, comments): only "answered at all" matters. */
  presence: QuestionTally[];
}

export function summary(world: World, refs: number[], filter: FilterBy, numericKeys: NumericKeys): ResponseSummary {
  const store = world.answers;
  const S = store.seeded;
  const tzMs = (Number(world.settings.timeZoneOffset) || 0) * 60_000;
  const tallies = new Map(world.questions.map((q) => [q.id, new QuestionTally(q, isNumeric(q))]));
  const seen = new Set<QuestionTally>();
  // Clean rows are read column by column (like query.ts's columnCheck mirrors store.value); the test compares
  // every distribution with a count over the wire answers.
  const defs: DefTallies[] = store.parts.catalogue.defs.map((d) => {
    const of = (role: Role) => (d.byRole[role] ? tallies.get(d.byRole[role]!.id) : undefined);
    const numeric = (['nps', 'csat', 'ces'] as const).flatMap((r) => (of(r) ? [[S[r], of(r)!] as [Int8Array, QuestionTally]] : []));
    const special = new Set([...numeric.map(([, t]) => t), of('reason')]);
    return { numeric, reason: of('reason'), comment: of('comment'), presence: d.questions.map((q) => tallies.get(q.id)!).filter((t) => !special.has(t)) };
  });
  const commentRows = new Int32Array(store.parts.comments.length);
  const commentText = new Map<string, number>();
  const commentIds = new Set(world.questions.filter((q) => q.questionTags.includes('Comments')).map((q) => q.id));
  for (const ref of refs) {
    const day = Math.floor((store.timeOf(ref) + tzMs) / DAY_MS);
    if (store.isColumnar(ref)) {
      const d = defs[S.qn[ref]!]!;
      for (const [col, t] of d.numeric) {
        const v = col[ref]!;
        if (v >= 0) { seen.add(t); t.addNumber(v, day); }
      }
      if (d.reason && S.reason[ref]! >= 0) { seen.add(d.reason); d.reason.count(REASONS[S.reason[ref]!]!); }
      if (d.comment && S.comment[ref]! >= 0) commentRows[S.comment[ref]!]! += 1;
      for (const t of d.presence) if (!seen.has(t) && store.value(ref, t.q.id)) seen.add(t);
      continue;
    }
    forEachResponse(world, ref, (q, v) => {
      const t = tallies.get(q.id)!;
      seen.add(t);
      t.add(v, day);
      if (commentIds.has(q.id) && typeof v.textInput === 'string') commentText.set(v.textInput, (commentText.get(v.textInput) ?? 0) + 1);
    });
  }
  commentRows.forEach((n, k) => { if (n) commentText.set(store.parts.comments[k]!, (commentText.get(store.parts.comments[k]!) ?? 0) + n); });
  // In questionnaire order; a question appears when at least one filtered answer responded to it.
  const out = [...tallies.values()].filter((t) => seen.has(t)).map((t) => t.toSummary(numericKeys));
  return {
    summary: out,
    weightedScore: 0,
    responseCount: refs.length,
    assortedWordCloud: wordCloud(commentText),
    tags: [...new Set(out.flatMap((x) => x.askedQuestion.questionTags))],
    netPromoter: flashNps(world, refs, filter).netPromoter,
  };
}

/** The most frequent words (5+ letters) of the comments, most frequent first. */
function wordCloud(comments: Map<string, number>): string[] {
  const words = new Map<string, number>();
  for (const [text, n] of comments) {
    for (const w of text.toLowerCase().match(WORD) ?? []) words.set(w, (words.get(w) ?? 0) + n);
  }
  return [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, WORD_CLOUD_SIZE).map(([w]) => w);
}

// ---- /api/answers/compare/{q1}/{q2} ----

export interface CompareCell {
  /** The text of q2, the question whose answers `response` counts (assumed). */
  askedQuestion: string;
  response: Record<string, number>;
}

export type CompareResult = Record<string, CompareCell>;

export class UnknownQuestion extends Error {}

export function compare(world: World, refs: number[], q1Id: string, q2Id: string, numericKeys: NumericKeys): CompareResult {
  const q1 = questionById(world).get(q1Id);
  const q2 = questionById(world).get(q2Id);
  if (!q1 || !q2) throw new UnknownQuestion(!q1 ? q1Id : q2Id);
  const rows = new Map<string, Map<string, number>>();
  for (const ref of refs) {
    const k1 = keysOf(q1, valueOf(world, ref, q1.id), numericKeys, true);
    if (k1.length === 0) continue;
    const k2 = keysOf(q2, valueOf(world, ref, q2.id), numericKeys, true);
    if (k2.length === 0) continue;
    for (const a of k1) {
      let row = rows.get(a);
      if (!row) rows.set(a, (row = new Map()));
      for (const b of k2) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const out: CompareResult = {};
  for (const [a, row] of rows) out[a] = { askedQuestion: q2.text, response: Object.fromEntries(row) };
  return out;
}
