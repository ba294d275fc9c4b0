import { expect } from '@open-wc/testing';
import { changeModel, formatValue, kpiModel, roundForDisplay, unitOf } from '../../gadgets/analytics/display.js';
import { msg } from '../../gadgets/analytics/messages.js';
import { setLocale } from '../../shared/i18n/catalogue.js';
import { npsSummary } from '../fakes/answers.js';
import '../helpers/german.js';

const f = { csatFormula: 'top2' as const, cesFormula: 'mean' as const };

describe('analytics display rules', () => {
  it('rounds only at display: NPS and percentages to integers, means to one decimal', () => {
    expect(roundForDisplay('points', 33.333)).to.equal(33);
    expect(roundForDisplay('points', -0.4)).to.equal(0);
    expect(roundForDisplay('mean', 4.25)).to.equal(4.3);
    expect(formatValue('percent', 66.6667, 'en-US')).to.equal('67%');
    expect(formatValue('mean', 4, 'en-US')).to.equal('4.0');
    expect(formatValue('mean', 4.26, 'de-DE')).to.equal('4,3');
    expect(unitOf('csat', { csatFormula: 'mean', cesFormula: 'mean' })).to.equal('mean');
    expect(unitOf('ces', { csatFormula: 'top2', cesFormula: 'easyShare' })).to.equal('percent');
  });

  it('an empty set has no value (shown as "No responses"), never 0', () => {
    const k = kpiModel('csat', npsSummary(1, 0, 0), f);
    expect(k.value).to.equal(null);
    expect(k.n).to.equal(0);
  });

  it('a large, clear change is "up N — significant"', () => {
    // 80 promoters/10 detractors of 100 vs 20/60 of 100: NPS 70 vs −40, intervals far apart.
    const now = npsSummary(80, 10, 10);
    const before = npsSummary(20, 20, 60);
    const c = changeModel('nps', now, before, f, 'en-US');
    expect(c).to.deep.equal({ kind: 'up', amount: '110', significant: true });
    expect(msg.t('change.up', { amount: c.amount })).to.equal('up 110 — significant');
  });

  it('a small change with overlapping intervals is not significant', () => {
    const c = changeModel('nps', npsSummary(5, 3, 2), npsSummary(4, 3, 3), f, 'en-US');
    expect(c.kind).to.equal('up');
    expect(c.significant).to.equal(false);
  });

  it('no previous data is said as such', () => {
    const empty = { ...npsSummary(1, 0, 0), nps: { n: 0, promoters: 0, passives: 0, detractors: 0, score: null, interval: null, lowSample: false } };
    expect(changeModel('nps', npsSummary(5, 3, 2), empty, f).kind).to.equal('unknown');
  });

  it('German catalogue is complete for what an agent reads', () => {
    setLocale('de-DE');
    try {
      expect(msg.t('kpi.noResponses')).to.equal('Keine Antworten');
      expect(msg.t('change.upUnclear', { amount: '3' })).to.equal('3 höher — keine klare Veränderung');
      expect(msg.t('state.malformed', { n: 2 })).to.contain('2 Antworten');
    } finally {
      setLocale('en');
    }
  });
});
