/**
 * The follow-up list's data, without the DOM: which answers to ask WxM for (the view's answers whose NPS is a
 * detractor's), and which of those still need a follow-up (no note yet), newest first. Pure and unit-tested.
 */
import type { TagMap } from '../../shared/wxm/api.js';
import type { Answer, FilterBy } from '../../shared/wxm/types.js';
import type { NpsBands } from '../../shared/metrics/types.js';
import { contextValue, scoreClass } from '../../shared/metrics/index.js';
import { answerText, numberAnswer, valueKind } from '../../shared/wxm/answer-value.js';

export interface FollowUpItem {
  answerId: string;
  /** ISO time of the response. */
  time: string;
  score: number;
  /** The first displayable comment; untrusted text. */
  comment?: string;
  agentId?: string;
}

/**
 * The view's filter (period, questionnaires, agent or team) narrowed to detractors: NPS below the passive band
 * (`lt` passiveMin, 7 by default). One filter per NPS question, because several filterquestions combine with AND.
 */
export function followUpFilters(view: FilterBy, tagMap: TagMap, bands: NpsBands): FilterBy[] {
  return tagMap.nps.map((q) => ({
    ...view,
    filterquestions: [...(view.filterquestions ?? []), { questionId: q.id, answerCheck: ['lt'], number: bands.passiveMin }],
  }));
}

/**
 * The answers that still need a follow-up: a detractor's NPS (checked here too: the class comes from scoreClass,
 * whatever the server filtered) and no note yet. Each answer once, newest first.
 */
export function followUpItems(answers: readonly Answer[], tagMap: TagMap, bands: NpsBands): FollowUpItem[] {
  const npsKinds = new Map(tagMap.nps.map((q) => [q.id, valueKind(tagMap.byId.get(q.id))]));
  const comments = new Set(tagMap.comments.filter((id) => !tagMap.hidden.has(id)));
  const seen = new Set<string>();
  const items: FollowUpItem[] = [];
  for (const a of answers) {
    if (seen.has(a.id) || (a.notes?.length ?? 0) > 0) continue;
    let score: number | undefined;
    let comment: string | undefined;
    for (const r of a.responses) {
      const kind = npsKinds.get(r.questionId);
      if (score === undefined && kind !== undefined) score = numberAnswer(r, kind);
      if (comment === undefined && comments.has(r.questionId)) comment = answerText(r, 'text')?.trim() || undefined;
    }
    if (score === undefined || scoreClass('nps', score, 10, bands) !== 'bad') continue;
    seen.add(a.id);
    const agentId = contextValue(a, tagMap, 'cc_AgentId');
    items.push({ answerId: a.id, time: a.responseDateTime, score, ...(comment ? { comment } : {}), ...(agentId ? { agentId } : {}) });
  }
  return items.sort((x, y) => Date.parse(y.time) - Date.parse(x.time));
}
