/**
 * The question-tag map: which question ids carry NPS/CSAT/CES, identity and cc_* context, discovered at run time
 * from the questionnaires (ids differ per tenant; docs/wxm-api.md). Tags compare case-insensitively.
 *
 * Retired questions stay in the map: answers given before they were retired are still real feedback.
 */
import type { MetricQuestion, ScaleInfo, TagMap } from './api.js';
import { valueKind } from './answer-value.js';
import type { Question } from './types.js';

const NUM = String.raw`(-?\d+(?:\.\d+)?)`;
/** "min;minLabel-max;maxLabel" — greedy middle so a '-' inside the first label does not confuse it. */
const SCALE_RE = new RegExp(String.raw`^\s*${NUM}\s*;(.*)-\s*${NUM}\s*(?:;.*)?$`, 's');

const CSAT_VARIANTS = ['csat_satisfaction_5', 'csat_agreement_5'];
const CES_VARIANTS = ['ces_agree_5', 'ces_agree_7', 'ces_effort_5', 'ces_effort_7'];
/** Canonical spellings of the context tags (others are kept as first seen). */
const CONTEXT_TAGS = ['cc_AgentId', 'cc_TeamId', 'cc_CustomerId', 'cc_QueueId', 'cc_SkillGroupId', 'cc_CallId', 'cc_language', 'cc_channel'];
const CANONICAL = new Map(CONTEXT_TAGS.map((t) => [t.toLowerCase(), t]));

/** Scale from a question's `multiSelect` ("0;Not likely-10;Very likely", or a list of numeric choices). */
export function parseScale(multiSelect: readonly string[] | null | undefined): ScaleInfo | undefined {
  if (!multiSelect || multiSelect.length === 0) return undefined;
  if (multiSelect.length === 1) {
    const m = SCALE_RE.exec(multiSelect[0]!);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a !== b) return { min: Math.min(a, b), max: Math.max(a, b) };
    }
  }
  const nums = multiSelect.map((c) => c.trim()).filter((c) => /^-?\d+(\.\d+)?$/.test(c)).map(Number);
  if (nums.length >= 2 && nums.length === multiSelect.length) return { min: Math.min(...nums), max: Math.max(...nums) };
  return undefined;
}

/** Scale implied by a variant tag or display type when multiSelect says nothing. */
function impliedScale(displayType: string, variant: string | undefined, fallback: ScaleInfo): ScaleInfo {
  const suffix = variant ? /_(\d+)$/.exec(variant) : null;
  if (suffix) return { min: 1, max: Number(suffix[1]) };
  const five = /-(\d+)$/.exec(displayType); // Smile-5, Star-5
  if (five) return { min: 1, max: Number(five[1]) };
  return fallback;
}

export const emptyTagMap = (): TagMap => ({
  nps: [],
  csat: [],
  ces: [],
  comments: [],
  identity: { customerId: [], mobile: [], email: [], name: [] },
  context: {},
  byId: new Map(),
  hidden: new Set(),
});

/**
 * Builds the map from questions (e.g. GET /api/Questions/Active). `questionnaires` (config) limits it to those
 * questionnaire names (case-insensitive); empty = all.
 */
export function buildTagMap(questions: readonly Question[], questionnaires: readonly string[] = []): TagMap {
  const wanted = new Set(questionnaires.map((q) => q.trim().toLowerCase()).filter(Boolean));
  const map = emptyTagMap();
  /** lower-case tag → the spelling used as key (canonical, else as first seen). */
  const spelling = new Map(CANONICAL);
  for (const q of questions) {
    if (wanted.size > 0 && !wanted.has(q.setName.trim().toLowerCase())) continue;
    map.byId.set(q.id, q);
    if (q.apiFill || q.piiSettings?.isPII || q.restrictedData || q.sensitiveData) map.hidden.add(q.id);
    const tags = new Set(q.questionTags.map((t) => t.trim().toLowerCase()));
    const metric = (variants: string[], fallback: ScaleInfo): MetricQuestion => {
      const variant = variants.find((v) => tags.has(v));
      const scale = parseScale(q.multiSelect) ?? impliedScale(q.displayType, variant, fallback);
      return { id: q.id, questionnaire: q.setName, scale, ...(variant ? { variant } : {}) };
    };
    if (tags.has('nps')) map.nps.push(metric([], { min: 0, max: 10 }));
    if (tags.has('csat')) map.csat.push(metric(CSAT_VARIANTS, { min: 1, max: 5 }));
    if (tags.has('ces')) map.ces.push(metric(CES_VARIANTS, { min: 1, max: 5 }));
    if (tags.has('comments')) map.comments.push(q.id);
    if (tags.has('cc_customerid')) map.identity.customerId.push(q.id);
    if (tags.has('mobile')) map.identity.mobile.push(q.id);
    if (tags.has('email')) map.identity.email.push(q.id);
    if (tags.has('name')) map.identity.name.push(q.id);
    for (const lower of tags) {
      if (!lower.startsWith('cc_')) continue;
      let key = spelling.get(lower);
      if (!key) {
        key = q.questionTags.find((t) => t.trim().toLowerCase() === lower)!.trim();
        spelling.set(lower, key);
      }
      (map.context[key] ??= []).push(q.id);
    }
  }
  return map;
}

/** Question ids carrying a context tag (cc_AgentId, ...), matched case-insensitively like every tag. */
export function contextIds(map: TagMap, tag: string): string[] {
  const context = map.context ?? {};
  const exact = context[tag];
  if (exact) return exact;
  const lower = tag.toLowerCase();
  for (const [key, ids] of Object.entries(context)) if (key.toLowerCase() === lower) return ids;
  return [];
}

/**
 * question id → numeric scale, for every numeric question with a parseable scale and every metric question that is
 * not a text type (a text/select answer carries `numberInput: 0`, which is no score: answer-value.ts).
 */
export function scaleIndex(map: TagMap): Map<string, ScaleInfo> {
  const out = new Map<string, ScaleInfo>();
  for (const q of map.byId.values()) {
    const s = parseScale(q.multiSelect);
    if (s && valueKind(q) === 'number') out.set(q.id, s);
  }
  for (const m of [...map.nps, ...map.csat, ...map.ces]) if (valueKind(map.byId.get(m.id)) !== 'text') out.set(m.id, m.scale);
  return out;
}
