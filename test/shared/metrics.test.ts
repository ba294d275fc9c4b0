/**
 * Metric maths against hand-computed tables (docs/metrics.md). Expected values are worked out by hand
 * in the comments and the arithmetic is written out here, never taken from the implementation.
 */
import { expect } from '@open-wc/testing';
import {
  MetricFold,
  compare,
  headline,
  npsBands,
  npsFromFlash,
  scoreClass,
  type FoldOptions,
} from '../../shared/metrics/index.js';
import type { Answer, FlashNps, WxmSettings } from '../../shared/wxm/types.js';
import { answerOf, tagMapOf } from '../fakes/answers.js';

const NPS = '5f0000000000000000000001';
const NPS2 = '5f0000000000000000000002';
const CSAT = '5f0000000000000000000003';
const CES5 = '5f0000000000000000000004';
const CES7 = '5f0000000000000000000005';
const OTHER = '5f0000000000000000000006';

const tagMap = () =>
  tagMapOf({
    nps: [
      { id: NPS, questionnaire: 'post-call', scale: { min: 0, max: 10 } },
      { id: NPS2, questionnaire: 'post-call', scale: { min: 0, max: 10 } },
    ],
    csat: [{ id: CSAT, questionnaire: 'post-call', scale: { min: 1, max: 5 }, variant: 'csat_satisfaction_5' }],
    ces: [
      { id: CES5, questionnaire: 'post-call', scale: { min: 1, max: 5 }, variant: 'ces_agree_5' },
      { id: CES7, questionnaire: 'email', scale: { min: 1, max: 7 }, variant: 'ces_effort_7' },
    ],
  });

let seq = 0;
function answer(values: Record<string, number | null | string>): Answer {
  seq++;
  return answerOf({
    id: `a${seq}`,
    responses: Object.entries(values).map(([questionId, v]) => ({
      questionId,
      questionText: 'q',
      textInput: typeof v === 'string' ? v : null,
      numberInput: typeof v === 'number' ? v : null,
    })),
  });
}

function options(extra: Partial<FoldOptions> = {}): FoldOptions {
  return { tagMap: tagMap(), bands: { passiveMin: 7, passiveMax: 8 }, minSample: 10, csatFormula: 'top2', cesFormula: 'mean', ...extra };
}

function fold(answers: Answer[], extra: Partial<FoldOptions> = {}) {
  const f = new MetricFold(options(extra));
  for (const a of answers) f.add(a);
  return f.result();
}

const npsAnswers = (scores: number[], id = NPS) => scores.map((s) => answer({ [id]: s }));
const FORMULAS = { csatFormula: 'top2', cesFormula: 'mean' } as const;

describe('NPS', () => {
  it('5 promoters, 3 passives, 2 detractors → NPS 30 with the spec interval', () => {
    const r = fold(npsAnswers([9, 10, 9, 10, 9, 7, 8, 7, 0, 6])).nps;
    expect([r.n, r.promoters, r.passives, r.detractors]).to.deep.equal([10, 5, 3, 2]);
    // 100 × (5 − 2) / 10 = 30
    expect(r.score).to.be.closeTo(30, 1e-9);
    // p = .5, d = .2: var = (.7 − .3²)/10 = .061; half = 196 × √.061 = 48.4085…
    expect(r.interval!.low).to.be.closeTo(30 - 48.4085, 1e-3);
    expect(r.interval!.high).to.be.closeTo(30 + 48.4085, 1e-3);
    expect(r.lowSample).to.equal(false);
  });

  it('an empty set has no score ("no responses"), never 0', () => {
    const s = fold([]);
    expect(s.nps.score).to.equal(null);
    expect(s.nps.interval).to.equal(null);
    expect(s.nps.n).to.equal(0);
    expect(s.nps.lowSample).to.equal(false);
    expect(headline('nps', s, FORMULAS)).to.equal(null);
    expect(s.answers).to.equal(0);
  });

  it('all promoters → 100 with a zero-width interval; 9 promoters + 1 detractor → interval clamped at 100', () => {
    const all = fold(npsAnswers([9, 10, 10, 9, 9, 10, 9, 10, 9, 10, 9, 10])).nps;
    expect(all.score).to.equal(100);
    // p = 1, d = 0 → var = (1 − 1)/12 = 0
    expect(all.interval).to.deep.equal({ low: 100, high: 100 });

    const nine = fold(npsAnswers([9, 9, 9, 9, 9, 10, 10, 10, 10, 3])).nps;
    // score 80; var = (1 − .8²)/10 = .036; half = 196 × √.036 = 37.19 → 117.19 clamped to 100
    expect(nine.score).to.be.closeTo(80, 1e-9);
    expect(nine.interval!.high).to.equal(100);
    expect(nine.interval!.low).to.be.closeTo(80 - 196 * Math.sqrt(0.036), 1e-9);
  });

  it('n = 1 gives a score, flagged low-sample', () => {
    const r = fold(npsAnswers([4])).nps;
    expect(r.score).to.equal(-100);
    expect(r.n).to.equal(1);
    expect(r.lowSample).to.equal(true);
    expect(r.interval).to.deep.equal({ low: -100, high: -100 });
  });

  it('low-sample is n < minSample', () => {
    expect(fold(npsAnswers([9, 9, 9, 9, 9, 9, 9, 9, 9])).nps.lowSample).to.equal(true);
    expect(fold(npsAnswers([9, 9, 9, 9, 9, 9, 9, 9, 9, 9])).nps.lowSample).to.equal(false);
    expect(fold(npsAnswers([9, 9, 9]), { minSample: 3 }).nps.lowSample).to.equal(false);
  });

  it('missing, textual, non-finite and out-of-range values count nowhere', () => {
    const s = fold([
      answer({ [NPS]: null }),
      answer({ [NPS]: '9' }),
      answer({ [NPS]: 11 }),
      answer({ [NPS]: -1 }),
      answer({ [NPS]: Number.NaN }),
      answer({ [NPS]: Number.POSITIVE_INFINITY }),
      answer({ [OTHER]: 10 }),
      answer({ [NPS]: 10 }),
      answer({ [NPS]: 0 }),
    ]);
    expect(s.answers).to.equal(9);
    expect(s.nps.n).to.equal(2);
    expect(s.nps.score).to.equal(0);
  });

  it('an answer counts once even when two of its questions carry the NPS tag', () => {
    const r = fold([answer({ [NPS]: 10, [NPS2]: 0 }), answer({ [NPS]: null, [NPS2]: 0 })]).nps;
    // first answer: NPS → promoter (NPS2 ignored); second: NPS has no value, NPS2 → detractor
    expect([r.n, r.promoters, r.detractors]).to.deep.equal([2, 1, 1]);
  });

  it('the passive band comes from settings.npsRange', () => {
    const settings = (npsRange?: string): WxmSettings => ({ timeZoneOffset: 0, locationList: [], npsRange });
    const six = npsBands(settings('6,8'));
    expect(six).to.deep.equal({ passiveMin: 6, passiveMax: 8 });
    // with 6–8 passive: 6 is passive, 5 a detractor → 2 promoters, 2 passives, 1 detractor: 100 × (2 − 1)/5 = 20
    const r = fold(npsAnswers([6, 8, 9, 10, 5]), { bands: six }).nps;
    expect([r.promoters, r.passives, r.detractors]).to.deep.equal([2, 2, 1]);
    expect(r.score).to.be.closeTo(20, 1e-9);
    // and with the default band the same answers give 2 promoters, 1 passive, 2 detractors → 0
    expect(fold(npsAnswers([6, 8, 9, 10, 5])).nps.score).to.equal(0);
  });

  it('npsRange is parsed robustly; garbage falls back to 7–8', () => {
    const bands = (npsRange: unknown) => npsBands({ timeZoneOffset: 0, locationList: [], npsRange } as WxmSettings);
    expect(bands(' 6 , 8 ')).to.deep.equal({ passiveMin: 6, passiveMax: 8 });
    expect(bands('8,6')).to.deep.equal({ passiveMin: 6, passiveMax: 8 });
    expect(bands('7-9')).to.deep.equal({ passiveMin: 7, passiveMax: 9 });
    expect(bands('8;8')).to.deep.equal({ passiveMin: 8, passiveMax: 8 });
    for (const bad of ['', 'abc', '7,8,9', '7.5,8', '0,8', '7,10', '7', null, 42, undefined]) {
      expect(bands(bad), String(bad)).to.deep.equal({ passiveMin: 7, passiveMax: 8 });
    }
    expect(npsBands(undefined)).to.deep.equal({ passiveMin: 7, passiveMax: 8 });
  });
});

describe('CSAT', () => {
  const answers = () => [5, 4, 4, 3, 1].map((v) => answer({ [CSAT]: v }));

  it('top-2-box share with the Wilson interval', () => {
    const c = fold(answers()).csat;
    expect([c.n, c.top2]).to.deep.equal([5, 3]);
    expect(c.share).to.be.closeTo(60, 1e-9);
    // Wilson 95% for 3/5 (published tables): 23.07% – 88.24%
    expect(c.interval!.low).to.be.closeTo(23.07, 0.01);
    expect(c.interval!.high).to.be.closeTo(88.24, 0.01);
    expect(headline('csat', fold(answers()), FORMULAS)).to.be.closeTo(60, 1e-9);
  });

  it('mean formula: mean 3.4 ± 1.96 sd/√n', () => {
    const s = fold(answers(), { csatFormula: 'mean' });
    // (5+4+4+3+1)/5 = 3.4; squared deviations 2.56+.36+.36+.16+5.76 = 9.2; sd = √(9.2/4) = √2.3
    expect(s.csat.mean).to.be.closeTo(3.4, 1e-9);
    const half = (1.96 * Math.sqrt(2.3)) / Math.sqrt(5);
    expect(s.csat.interval!.low).to.be.closeTo(3.4 - half, 1e-9);
    expect(s.csat.interval!.high).to.be.closeTo(3.4 + half, 1e-9);
    expect(headline('csat', s, { csatFormula: 'mean', cesFormula: 'mean' })).to.be.closeTo(3.4, 1e-9);
  });

  it('ignores 0 and 6 on a 1–5 question and is null when empty', () => {
    const c = fold([answer({ [CSAT]: 0 }), answer({ [CSAT]: 6 }), answer({ [CSAT]: 5 })]).csat;
    expect([c.n, c.top2, c.share, c.mean]).to.deep.equal([1, 1, 100, 5]);
    const empty = fold([answer({ [NPS]: 9 })]).csat;
    expect([empty.n, empty.share, empty.mean, empty.interval]).to.deep.equal([0, null, null, null]);
  });

  it('n = 1 under the mean formula has no interval (spread unknown)', () => {
    const c = fold([answer({ [CSAT]: 4 })], { csatFormula: 'mean' }).csat;
    expect(c.mean).to.equal(4);
    expect(c.interval).to.equal(null);
    expect(c.lowSample).to.equal(true);
  });
});

describe('CES', () => {
  it('7-point mean, sd, % easy (5–7) and interval', () => {
    const e = fold([7, 6, 5, 4, 2].map((v) => answer({ [CES7]: v }))).ces;
    // mean 24/5 = 4.8; squared deviations 4.84+1.44+.04+.64+7.84 = 14.8; sd = √(14.8/4) = √3.7
    expect(e.scaleMax).to.equal(7);
    expect(e.mean).to.be.closeTo(4.8, 1e-9);
    expect(e.sd).to.be.closeTo(Math.sqrt(3.7), 1e-9);
    expect(e.easyShare).to.be.closeTo(60, 1e-9);
    const half = (1.96 * Math.sqrt(3.7)) / Math.sqrt(5);
    expect(e.interval!.low).to.be.closeTo(4.8 - half, 1e-9);
    expect(e.interval!.high).to.be.closeTo(4.8 + half, 1e-9);
  });

  it('5-point: easy is 4–5', () => {
    const e = fold([5, 4, 3, 2].map((v) => answer({ [CES5]: v }))).ces;
    expect(e.scaleMax).to.equal(5);
    expect(e.mean).to.be.closeTo(3.5, 1e-9);
    expect(e.easyShare).to.be.closeTo(50, 1e-9);
    expect(e.otherScaleN).to.equal(0);
  });

  it('never mixes scales: the 7-point set is reported and 5-point answers are counted apart', () => {
    const e = fold([answer({ [CES7]: 7 }), answer({ [CES7]: 5 }), answer({ [CES5]: 1 }), answer({ [CES5]: 1 })]).ces;
    expect(e.scaleMax).to.equal(7);
    expect(e.n).to.equal(2);
    expect(e.mean).to.be.closeTo(6, 1e-9);
    expect(e.otherScaleN).to.equal(2);
    // 6 on 7 is out of range for a 5-point question: ignored
    expect(fold([answer({ [CES5]: 6 })]).ces.n).to.equal(0);
  });

  it('easyShare formula: headline is the share and the interval is Wilson', () => {
    const s = fold([5, 4, 3, 2, 1].map((v) => answer({ [CES5]: v })), { cesFormula: 'easyShare' });
    expect(headline('ces', s, { csatFormula: 'top2', cesFormula: 'easyShare' })).to.be.closeTo(40, 1e-9);
    // Wilson 95% for 2/5 (published tables): 11.76% – 76.93%
    expect(s.ces.interval!.low).to.be.closeTo(11.76, 0.01);
    expect(s.ces.interval!.high).to.be.closeTo(76.93, 0.01);
  });
});

describe('compare (period over period)', () => {
  const counts = (p: number, pa: number, d: number) => fold(npsAnswers([...Array(p).fill(10), ...Array(pa).fill(7), ...Array(d).fill(2)]));

  it('significant when the intervals do not overlap', () => {
    // now 80/10/10 of 100: 70 ± 196√((.9 − .49)/100) = 70 ± 12.55 → [57.4, 82.5]
    // before 20/30/50: −30 ± 196√((.7 − .09)/100) = −30 ± 15.31 → [−45.3, −14.7]
    const c = compare('nps', counts(80, 10, 10), counts(20, 30, 50), FORMULAS);
    expect(c.delta).to.be.closeTo(100, 1e-9);
    expect(c.significant).to.equal(true);
  });

  it('no clear change when they overlap', () => {
    // now 6/2/2: 40 ± 196√((.8 − .16)/10) = 40 ± 49.6; before 5/3/2: 30 ± 48.4
    const c = compare('nps', counts(6, 2, 2), counts(5, 3, 2), FORMULAS);
    expect(c.delta).to.be.closeTo(10, 1e-9);
    expect(c.significant).to.equal(false);
  });

  it('no delta when a side is empty', () => {
    expect(compare('nps', counts(6, 2, 2), fold([]), FORMULAS)).to.deep.equal({ delta: null, significant: false });
    expect(compare('csat', fold([]), counts(1, 0, 0), FORMULAS)).to.deep.equal({ delta: null, significant: false });
  });

  it('uses the formula’s interval: CSAT mean changes measured on the 1–5 scale', () => {
    const all = (v: number, n: number) => Array.from({ length: n }, (_, i) => answer({ [CSAT]: i % 2 ? v : v - 1 }));
    // now: half 5s half 4s (mean 4.5); before: half 2s half 1s (mean 1.5); both intervals narrow → significant
    const now = fold(all(5, 20));
    const before = fold(all(2, 20));
    const c = compare('csat', now, before, { csatFormula: 'mean', cesFormula: 'mean' });
    expect(c.delta).to.be.closeTo(3, 1e-9);
    expect(c.significant).to.equal(true);
    // under top-2 the same data is 100% vs 0%
    expect(compare('csat', now, before, FORMULAS).delta).to.be.closeTo(100, 1e-9);
  });

  it('CES means on different scales are not compared', () => {
    const c = compare('ces', fold([answer({ [CES7]: 6 })]), fold([answer({ [CES5]: 4 })]), FORMULAS);
    expect(c).to.deep.equal({ delta: null, significant: false });
  });
});

describe('npsFromFlash', () => {
  const flash = (promoters: unknown, passive: unknown, detractors: unknown, totalResponses = 25): FlashNps =>
    ({
      totalResponses,
      netPromoter: { questionID: NPS, questionText: 'q', promoters, passive, detractors, netPromoters: 99, defaultIndex: 0 },
    }) as FlashNps;

  it('computes from the three counts (n is their sum, not totalResponses)', () => {
    const r = npsFromFlash(flash(5, 3, 2), 10);
    expect(r.n).to.equal(10);
    expect(r.score).to.be.closeTo(30, 1e-9);
    expect(r.interval!.high).to.be.closeTo(30 + 196 * Math.sqrt(0.061), 1e-9);
    expect(r.lowSample).to.equal(false);
    // the same counts folded from raw answers give the same result
    expect(fold(npsAnswers([9, 9, 9, 9, 9, 7, 7, 7, 0, 0])).nps).to.deep.equal(r);
  });

  it('empty or garbage counts → no responses', () => {
    expect(npsFromFlash(flash(0, 0, 0, 0), 10).score).to.equal(null);
    const r = npsFromFlash(flash(-3, 'x', null), 10);
    expect([r.n, r.score]).to.deep.equal([0, null]);
    expect(npsFromFlash({} as FlashNps, 10).score).to.equal(null);
  });
});

describe('scoreClass', () => {
  const bands = { passiveMin: 7, passiveMax: 8 };
  it('NPS by band, including a 6–8 band', () => {
    expect([0, 6, 7, 8, 9, 10].map((v) => scoreClass('nps', v, 10, bands))).to.deep.equal(['bad', 'bad', 'neutral', 'neutral', 'good', 'good']);
    expect(scoreClass('nps', 6, 10, { passiveMin: 6, passiveMax: 8 })).to.equal('neutral');
  });
  it('CSAT and CES on 5 and 7 points', () => {
    expect([1, 2, 3, 4, 5].map((v) => scoreClass('csat', v, 5, bands))).to.deep.equal(['bad', 'bad', 'neutral', 'good', 'good']);
    expect([1, 2, 3, 4, 5].map((v) => scoreClass('ces', v, 5, bands))).to.deep.equal(['bad', 'bad', 'neutral', 'good', 'good']);
    expect([1, 2, 3, 4, 5, 6, 7].map((v) => scoreClass('ces', v, 7, bands))).to.deep.equal(['bad', 'bad', 'bad', 'neutral', 'good', 'good', 'good']);
  });
});
