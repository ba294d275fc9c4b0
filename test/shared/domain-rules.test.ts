/** One source of truth for the domain rules: a score's class, context tags matched case-insensitively everywhere. */
import { expect } from '@open-wc/testing';
import { DEFAULT_BANDS, contextValue, scoreClass } from '../../shared/metrics/index.js';
import { contextIds } from '../../shared/wxm/tag-map.js';
import { verbatimReader } from '../../gadgets/analytics/verbatims.js';
import { viewFilter } from '../../gadgets/analytics/filter.js';
import { TEAM_Q, teamAnswer, teamTagMap } from '../fakes/answers.js';
import type { TagMap } from '../../shared/wxm/api.js';

/** The team tag map as a tenant that spells its context tags in lower case would give it. */
function lowerCaseTags(): TagMap {
  const map = teamTagMap();
  return { ...map, context: { cc_agentid: [TEAM_Q.agent], CC_TEAMID: [TEAM_Q.team] } };
}

describe('score classes come from scoreClass only', () => {
  it('a slider NPS of 6.6 is the same class in the verbatim list as on a score chip (nearest whole number: passive)', () => {
    const read = verbatimReader(teamTagMap(), DEFAULT_BANDS);
    for (const [nps, klass] of [[6.6, 'neutral'], [6.4, 'bad'], [8.6, 'good'], [8.4, 'neutral']] as const) {
      const v = read(teamAnswer({ id: String(nps), time: '2026-03-02T10:00:00Z', agent: 'A1', team: 'T1', nps, comment: 'c' }))!;
      expect(v.npsClass, String(nps)).to.equal(klass);
      expect(v.npsClass).to.equal(scoreClass('nps', nps, 10, DEFAULT_BANDS));
    }
  });
});

describe('context tags match case-insensitively everywhere', () => {
  it('contextIds finds cc_AgentId under any spelling and nothing for an unknown tag', () => {
    expect(contextIds(lowerCaseTags(), 'cc_AgentId')).to.deep.equal([TEAM_Q.agent]);
    expect(contextIds(lowerCaseTags(), 'cc_TeamId')).to.deep.equal([TEAM_Q.team]);
    expect(contextIds(lowerCaseTags(), 'cc_QueueId')).to.deep.equal([]);
  });

  it('the analytics view filter and the fold read the same question for a lower-case tag', () => {
    const map = lowerCaseTags();
    const range = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-03-08T00:00:00Z') };
    const filter = viewFilter({ tag: 'cc_TeamId', value: 'T1' }, range, map, []);
    expect(filter.filterquestions).to.deep.equal([{ questionId: TEAM_Q.team, answerCheck: ['T1'] }]);
    const a = teamAnswer({ id: '1', time: '2026-03-02T10:00:00Z', agent: 'A1', team: 'T1', nps: 9 });
    expect(contextValue(a, map, 'cc_TeamId')).to.equal('T1');
  });
});
