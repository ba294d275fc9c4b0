/** FilterBy for one view: whose answers (agent or team), when, and which questionnaires. */
import type { TagMap } from '../../shared/wxm/api.js';
import type { FilterBy } from '../../shared/wxm/types.js';
import type { FilterTag } from '../../shared/config/types.js';
import { AppError } from '../../shared/errors.js';
import { contextIds } from '../../shared/wxm/tag-map.js';
import type { Range } from './period.js';

/** Whose answers a view shows: the answers whose `tag` context question holds `value`. */
export interface AnswerScope {
  tag: FilterTag;
  value: string;
}

/**
 * `scope` undefined = everyone (the "all teams" benchmark). Each questionnaire has its own context question,
 * so several ids are OR-ed: an answer carries only its own questionnaire's question.
 */
export function viewFilter(scope: AnswerScope | undefined, range: Range, tagMap: TagMap, questionnaires: string[]): FilterBy {
  // A Range is half-open; WxM's date bounds may both be inclusive (the emulator reads them so; the sources are
  // silent): ending 1 ms early keeps an answer at a shared boundary out of the earlier of two adjacent buckets.
  const filter: FilterBy = { afterdate: range.start.toISOString(), beforedate: new Date(range.end.getTime() - 1).toISOString() };
  if (questionnaires.length > 0) filter.location = [...questionnaires];
  if (scope) {
    const ids = contextQuestionIds(tagMap, scope.tag, questionnaires);
    if (ids.length === 0) {
      throw new AppError('config-invalid', 'config', `no question is tagged ${scope.tag}`, { retryable: false });
    }
    filter.filterquestions = ids.map((questionId) => ({
      questionId,
      answerCheck: [scope.value],
      ...(ids.length > 1 ? { groupBy: 'OR' as const } : {}),
    }));
  }
  return filter;
}

/** Context question ids for `tag`, limited to the chosen questionnaires when the tag map knows them. */
export function contextQuestionIds(tagMap: TagMap, tag: string, questionnaires: string[]): string[] {
  const ids = contextIds(tagMap, tag);
  if (questionnaires.length === 0) return ids;
  const wanted = new Set(questionnaires);
  return ids.filter((id) => {
    const set = tagMap.byId.get(id)?.setName;
    return set === undefined || wanted.has(set);
  });
}
