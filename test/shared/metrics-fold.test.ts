/** Streaming folds: day/week buckets in the account's zone, per-agent groups, context values, page-by-page folding. */
import { expect } from '@open-wc/testing';
import { BucketedFold, GroupedFold, MetricFold, contextValue, type FoldOptions } from '../../shared/metrics/index.js';
import type { BucketSize } from '../../shared/metrics/types.js';
import type { Answer, Question } from '../../shared/wxm/types.js';
import { answerOf, questionOf, tagMapOf } from '../fakes/answers.js';

const NPS = '5f00000000000000000000a1';
const AGENT = '5f00000000000000000000a2';

const tagMap = () => tagMapOf({ nps: [{ id: NPS, questionnaire: 'post-call', scale: { min: 0, max: 10 } }], context: { cc_AgentId: [AGENT] } });

function answer(date: string, nps: number | null, agent?: string | number): Answer {
  const responses = [{ questionId: NPS, questionText: 'q', textInput: null, numberInput: nps }];
  if (agent !== undefined) {
    responses.push({
      questionId: AGENT,
      questionText: 'agent',
      textInput: typeof agent === 'string' ? agent : null,
      numberInput: typeof agent === 'number' ? agent : null,
    } as never);
  }
  return answerOf({ id: `${date}-${nps}`, responseDateTime: date, responseDuration: 10, responses });
}

const base: FoldOptions = { tagMap: tagMap(), bands: { passiveMin: 7, passiveMax: 8 }, minSample: 10, csatFormula: 'top2', cesFormula: 'mean' };

function buckets(answers: Answer[], size: BucketSize, timeZoneOffset: number) {
  const f = new BucketedFold({ ...base, size, timeZoneOffset });
  for (const a of answers) f.add(a);
  return f.buckets();
}

describe('BucketedFold', () => {
  // 2026-03-01 is a Sunday, 2026-03-02 a Monday.
  it('days split at local midnight in UTC', () => {
    const b = buckets([answer('2026-03-02T00:30:00Z', 0), answer('2026-03-01T23:30:00Z', 10)], 'day', 0);
    expect(b.map((x) => x.start)).to.deep.equal(['2026-03-01', '2026-03-02']);
    expect(b.map((x) => x.summary.nps.score)).to.deep.equal([100, -100]);
  });

  it('days follow the account offset east and west of UTC', () => {
    // UTC+2: 21:30Z is 23:30 on the 1st, 22:30Z is 00:30 on the 2nd
    const east = buckets([answer('2026-03-01T21:30:00Z', 10), answer('2026-03-01T22:30:00Z', 10)], 'day', 120);
    expect(east.map((x) => x.start)).to.deep.equal(['2026-03-01', '2026-03-02']);
    // UTC−5: 03:00Z on the 2nd is 22:00 on the 1st; 05:00Z is midnight on the 2nd
    const west = buckets([answer('2026-03-02T03:00:00Z', 10), answer('2026-03-02T05:00:00Z', 9)], 'day', -300);
    expect(west.map((x) => x.start)).to.deep.equal(['2026-03-01', '2026-03-02']);
  });

  it('weeks start on Monday in the account zone', () => {
    // Sunday 23:30Z: at UTC it is still the week of Mon 23 Feb; at UTC+1 it is already Monday 2 March
    const at = '2026-03-01T23:30:00Z';
    expect(buckets([answer(at, 9)], 'week', 0).map((x) => x.start)).to.deep.equal(['2026-02-23']);
    expect(buckets([answer(at, 9)], 'week', 60).map((x) => x.start)).to.deep.equal(['2026-03-02']);
    // Monday 00:00 local belongs to the new week; the Sunday before to the old
    const w = buckets([answer('2026-03-08T23:59:59Z', 9), answer('2026-03-02T00:00:00Z', 9), answer('2026-03-09T00:00:00Z', 9)], 'week', 0);
    expect(w.map((x) => [x.start, x.summary.nps.n])).to.deep.equal([
      ['2026-03-02', 2],
      ['2026-03-09', 1],
    ]);
  });

  it('day buckets equal the calendar date at UTC + offset (random instants, zones and date formats)', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const ms = Date.UTC(1999, 0, 1) + Math.floor(rand() * 40 * 365 * 86_400_000);
      const offset = Math.round(rand() * 28 - 14) * 60 + (i % 3 === 0 ? 45 : 0);
      const iso = new Date(ms).toISOString();
      // alternate the fast path ("…Z") with forms that go through Date.parse
      const written = i % 3 === 1 ? iso.replace('Z', '+00:00') : i % 3 === 2 ? iso.slice(0, 19) : iso;
      const [b] = buckets([answer(written, 9)], 'day', offset);
      expect(b!.start, `${written} ${offset}`).to.equal(new Date(ms + offset * 60_000).toISOString().slice(0, 10));
    }
  });

  it('every week bucket starts on a Monday at most 6 days before the local date (random instants and zones)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const ms = Date.UTC(2024, 0, 1) + Math.floor(rand() * 3 * 365 * 86_400_000);
      const offset = Math.round(rand() * 26 - 12) * 60 + (i % 4 === 0 ? 30 : 0);
      const [b] = buckets([answer(new Date(ms).toISOString(), 9)], 'week', offset);
      const start = new Date(`${b!.start}T00:00:00Z`);
      const local = new Date(ms + offset * 60_000);
      const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
      expect(start.getUTCDay(), b!.start).to.equal(1);
      const days = (localMidnight - start.getTime()) / 86_400_000;
      expect(days).to.be.within(0, 6);
    }
  });

  it('months are calendar months in the account zone, behind and ahead of UTC', () => {
    // 16:00Z on 31 Oct is already 1 Nov at UTC+9; 03:00Z on 1 Nov is still 31 Oct at UTC−5.
    expect(buckets([answer('2026-10-31T16:00:00Z', 9)], 'month', 540).map((x) => x.start)).to.deep.equal(['2026-11-01']);
    expect(buckets([answer('2026-10-31T16:00:00Z', 9)], 'month', 0).map((x) => x.start)).to.deep.equal(['2026-10-01']);
    expect(buckets([answer('2026-11-01T03:00:00Z', 9)], 'month', -300).map((x) => x.start)).to.deep.equal(['2026-10-01']);
    expect(buckets([answer('2026-11-01T05:00:00Z', 9)], 'month', -300).map((x) => x.start)).to.deep.equal(['2026-11-01']);
    // 31 Dec local → December; 29 Feb of a leap year → February
    expect(buckets([answer('2026-12-31T23:59:00Z', 9), answer('2028-02-29T12:00:00Z', 9)], 'month', 0).map((x) => x.start)).to.deep.equal([
      '2026-12-01',
      '2028-02-01',
    ]);
  });

  it('a fold by day reads out per week and per month exactly as folds of that size', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const all = Array.from({ length: 400 }, () => answer(new Date(Date.UTC(2026, 7, 1) + Math.floor(rand() * 120 * 86_400_000)).toISOString(), Math.floor(rand() * 11)));
    const byDay = new BucketedFold({ ...base, size: 'day', timeZoneOffset: -300 });
    all.forEach((a) => byDay.add(a));
    for (const size of ['week', 'month'] as const) {
      expect(byDay.buckets(size), size).to.deep.equal(buckets(all, size, -300));
    }
    // Reading out coarser buckets leaves the day buckets as they were.
    expect(byDay.buckets()).to.deep.equal(buckets(all, 'day', -300));
  });

  it('returns non-empty buckets oldest first, without gaps filled', () => {
    const b = buckets([answer('2026-03-09T12:00:00Z', 9), answer('2026-03-01T12:00:00Z', 9), answer('2026-03-05T12:00:00Z', 9)], 'day', 0);
    expect(b.map((x) => x.start)).to.deep.equal(['2026-03-01', '2026-03-05', '2026-03-09']);
  });

  it('reads zone-less dates as UTC and skips unreadable dates', () => {
    const b = buckets([answer('2026-03-01T23:30:00', 9), answer('not a date', 9), answer('', 9), answer('2026-0x-01T10:00:00Z', 9)], 'day', 60);
    expect(b.map((x) => x.start)).to.deep.equal(['2026-03-02']);
    expect(b[0]!.summary.answers).to.equal(1);
    const offsetDate = buckets([answer('2026-03-02T01:30:00+02:00', 9)], 'day', 0);
    expect(offsetDate.map((x) => x.start)).to.deep.equal(['2026-03-01']);
  });
});

describe('GroupedFold and contextValue', () => {
  it('folds per agent and skips answers without one', () => {
    const tm = tagMap();
    const g = new GroupedFold({ ...base, key: (a) => contextValue(a, tm, 'cc_AgentId') });
    const d = '2026-03-02T10:00:00Z';
    [answer(d, 10, 'agent-1'), answer(d, 0, 'agent-1'), answer(d, 9, ' agent-2 '), answer(d, 0), answer(d, 9, 5001)].forEach((a) => g.add(a));
    const groups = g.groups();
    expect([...groups.keys()]).to.deep.equal(['agent-1', 'agent-2', '5001']);
    expect(groups.get('agent-1')!.nps.score).to.equal(0);
    expect(groups.get('agent-2')!.nps.score).to.equal(100);
    expect(groups.get('5001')!.nps.n).to.equal(1);
  });

  it('contextValue: first tagged question with a value; tag case-insensitive; undefined when absent', () => {
    const tm = tagMap();
    const d = '2026-03-02T10:00:00Z';
    expect(contextValue(answer(d, 9, 'A7'), tm, 'cc_AgentId')).to.equal('A7');
    expect(contextValue(answer(d, 9, 'A7'), tm, 'CC_AGENTID')).to.equal('A7');
    expect(contextValue(answer(d, 9, '   '), tm, 'cc_AgentId')).to.equal(undefined);
    expect(contextValue(answer(d, 9), tm, 'cc_AgentId')).to.equal(undefined);
    expect(contextValue(answer(d, 9, 'A7'), tm, 'cc_TeamId')).to.equal(undefined);
  });
});

describe('MetricFold streaming', () => {
  it('folding page by page equals folding everything at once, and result() can be read between pages', () => {
    const all = Array.from({ length: 250 }, (_, i) => answer('2026-03-02T10:00:00Z', (i * 7) % 11));
    const once = new MetricFold(base);
    all.forEach((a) => once.add(a));
    const paged = new MetricFold(base);
    for (let p = 0; p < all.length; p += 100) {
      all.slice(p, p + 100).forEach((a) => paged.add(a));
      expect(paged.result().answers).to.equal(Math.min(p + 100, all.length));
    }
    expect(paged.result()).to.deep.equal(once.result());
    // independent count: values (i*7)%11 cycle through 0..10 evenly-ish; count promoters/detractors directly
    const values = all.map((_, i) => (i * 7) % 11);
    const promoters = values.filter((v) => v >= 9).length;
    const detractors = values.filter((v) => v <= 6).length;
    expect(once.result().nps.score).to.be.closeTo((100 * (promoters - detractors)) / 250, 1e-9);
  });

  it('tolerates an answer without responses', () => {
    const f = new MetricFold(base);
    f.add({ ...answer('2026-03-02T10:00:00Z', 9), responses: null as never });
    expect(f.result().answers).to.equal(1);
    expect(f.result().nps.score).to.equal(null);
  });
});

describe('which field holds the answer (numberInput is never null on WxM)', () => {
  const CSAT = '5f00000000000000000000a3';
  const question = (id: string, displayType: string, questionTags: string[]) =>
    questionOf({ id, text: id, displayType: displayType as Question['displayType'], questionTags, setName: 'post-call' });
  const map = () => ({
    ...tagMap(),
    csat: [{ id: CSAT, questionnaire: 'post-call', scale: { min: 0, max: 5 }, variant: 'csat_satisfaction_5' }],
    byId: new Map([
      [NPS, question(NPS, 'Scale', ['NPS'])],
      [AGENT, question(AGENT, 'Text', ['cc_AgentId'])],
      [CSAT, question(CSAT, 'Select', ['CSAT'])],
    ]),
  });
  const wire = (nps: number, agentText: string, csatText: string): Answer => ({
    ...answer('2026-11-20T10:00:00Z', nps),
    responses: [
      { questionId: NPS, questionText: 'q', textInput: null, numberInput: nps },
      { questionId: AGENT, questionText: 'agent', textInput: agentText, numberInput: 0 },
      { questionId: CSAT, questionText: 'csat', textInput: csatText, numberInput: 0 },
    ],
  });

  it('counts an NPS of 0 as a detractor, and no 0 of a text question (a CSAT select) anywhere', () => {
    const f = new MetricFold({ ...base, tagMap: map(), minSample: 1 });
    f.add(wire(0, '5001', 'Very satisfied'));
    f.add(wire(10, '5001', 'Neutral'));
    const r = f.result();
    expect([r.nps.n, r.nps.score]).to.deep.equal([2, 0]);
    expect(r.csat.n).to.equal(0);
  });

  it('contextValue reads the text of a text question, never its numberInput 0', () => {
    expect(contextValue(wire(5, '5001', ''), map(), 'cc_AgentId')).to.equal('5001');
    expect(contextValue(wire(5, '', ''), map(), 'cc_AgentId')).to.equal(undefined);
  });
});
