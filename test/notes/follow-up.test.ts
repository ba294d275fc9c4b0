/** The follow-up list's query and selection (pure): detractors of the view, without a note, newest first. */
import { expect } from '@open-wc/testing';
import { followUpFilters, followUpItems } from '../../gadgets/analytics/follow-up.js';
import { DEFAULT_BANDS } from '../../shared/metrics/index.js';
import { TEAM_Q, teamAnswer, teamTagMap } from '../fakes/answers.js';

const view = {
  afterdate: '2026-03-01T00:00:00.000Z',
  beforedate: '2026-03-08T00:00:00.000Z',
  location: ['post-call'],
  filterquestions: [{ questionId: TEAM_Q.team, answerCheck: ['T1'] }],
};
const day = (d: number) => `2026-03-0${d}T10:00:00Z`;

describe('followUpFilters', () => {
  it("keeps the view's period, questionnaires and team, and adds NPS below the passive band", () => {
    expect(followUpFilters(view, teamTagMap(), DEFAULT_BANDS)).to.deep.equal([
      { ...view, filterquestions: [...view.filterquestions, { questionId: TEAM_Q.nps, answerCheck: ['lt'], number: 7 }] },
    ]);
  });

  it("follows the account's passive band and gives one filter per NPS question", () => {
    const map = teamTagMap();
    map.nps.push({ id: 'q-nps-2', questionnaire: 'email', scale: { min: 0, max: 10 } });
    const filters = followUpFilters({ afterdate: view.afterdate }, map, { passiveMin: 6, passiveMax: 8 });
    expect(filters.map((f) => f.filterquestions)).to.deep.equal([
      [{ questionId: TEAM_Q.nps, answerCheck: ['lt'], number: 6 }],
      [{ questionId: 'q-nps-2', answerCheck: ['lt'], number: 6 }],
    ]);
    expect(filters.every((f) => f.afterdate === view.afterdate)).to.equal(true);
  });

  it('asks for nothing when no question is tagged NPS', () => {
    expect(followUpFilters(view, { ...teamTagMap(), nps: [] }, DEFAULT_BANDS)).to.deep.equal([]);
  });
});

describe('followUpItems', () => {
  it('lists detractors without a note, newest first, with comment, agent and score', () => {
    const noted = { ...teamAnswer({ id: 'n', time: day(5), agent: 'A1', team: 'T1', nps: 2 }), notes: [{ user: 'u', authorName: 'U', noteTime: day(5), note: 'done' }] };
    const answers = [
      teamAnswer({ id: 'old', time: day(2), agent: 'A1', team: 'T1', nps: 0, comment: '  Never again  ' }),
      teamAnswer({ id: 'new', time: day(4), agent: 'A2', team: 'T1', nps: 6 }),
      teamAnswer({ id: 'passive', time: day(3), agent: 'A1', team: 'T1', nps: 7, comment: 'ok' }),
      teamAnswer({ id: 'none', time: day(3), agent: 'A1', team: 'T1', comment: 'no score' }),
      noted,
      teamAnswer({ id: 'old', time: day(2), agent: 'A1', team: 'T1', nps: 0 }), // the same answer from a second page
    ];
    expect(followUpItems(answers, teamTagMap(), DEFAULT_BANDS)).to.deep.equal([
      { answerId: 'new', time: day(4), score: 6, agentId: 'A2' },
      { answerId: 'old', time: day(2), score: 0, comment: 'Never again', agentId: 'A1' },
    ]);
  });

  it('classes slider scores like a score chip does (6.6 is passive, 6.4 a detractor)', () => {
    const answers = [6.6, 6.4].map((nps, i) => teamAnswer({ id: String(i), time: day(i + 1), agent: 'A1', team: 'T1', nps }));
    expect(followUpItems(answers, teamTagMap(), DEFAULT_BANDS).map((x) => x.score)).to.deep.equal([6.4]);
  });
});
