import { expect } from '@open-wc/testing';
import { MAX_BUCKETS, bucketRanges, chooseBucket, resolvePeriod, parseAccountDay, startOfAccountDay } from '../../gadgets/analytics/period.js';

const H = 3_600_000;
const D = 24 * H;

describe('analytics period', () => {
  const now = new Date('2026-11-26T10:30:00Z');

  it('today starts at midnight in the account time zone, compared with the same hours yesterday', () => {
    const p = resolvePeriod({ key: 'today' }, now, 0)!;
    expect(p.current.start.toISOString()).to.equal('2026-11-26T00:00:00.000Z');
    expect(p.current.end.toISOString()).to.equal(now.toISOString());
    expect(p.previous.start.toISOString()).to.equal('2026-11-25T00:00:00.000Z');
    expect(p.previous.end.toISOString()).to.equal('2026-11-25T10:30:00.000Z');
  });

  it('honours a positive and a negative account offset', () => {
    // 10:30Z is 19:30 in UTC+9: the day began at 15:00Z the day before.
    expect(resolvePeriod({ key: 'today' }, now, 540)!.current.start.toISOString()).to.equal('2026-11-25T15:00:00.000Z');
    // 10:30Z is 00:30 in UTC−10 (same calendar day, just begun).
    expect(resolvePeriod({ key: 'today' }, now, -600)!.current.start.toISOString()).to.equal('2026-11-26T10:00:00.000Z');
  });

  it('7/30/90 days include today and the previous period is the span right before', () => {
    for (const [key, days] of [['7d', 7], ['30d', 30], ['90d', 90]] as const) {
      const p = resolvePeriod({ key }, now, 0)!;
      expect(p.days).to.equal(days);
      expect(p.current.start.getTime()).to.equal(Date.parse('2026-11-26T00:00:00Z') - (days - 1) * D);
      expect(p.current.start.getTime() - p.previous.start.getTime()).to.equal(days * D);
      expect(p.previous.end.getTime()).to.be.at.most(p.current.start.getTime() + D);
    }
  });

  it('a custom period covers whole days, inclusive, and rejects bad input', () => {
    const p = resolvePeriod({ key: 'custom', from: '2026-11-01', to: '2026-11-10' }, now, 60)!;
    expect(p.days).to.equal(10);
    expect(p.current.start.toISOString()).to.equal('2026-10-31T23:00:00.000Z');
    expect(p.current.end.toISOString()).to.equal('2026-11-10T23:00:00.000Z');
    expect(p.previous.start.toISOString()).to.equal('2026-10-21T23:00:00.000Z');
    expect(resolvePeriod({ key: 'custom', from: '2026-11-10', to: '2026-11-01' }, now, 0)).to.equal(undefined);
    expect(resolvePeriod({ key: 'custom', from: '2026-02-30', to: '2026-03-01' }, now, 0)).to.equal(undefined);
    expect(resolvePeriod({ key: 'custom', from: '2026-12-01', to: '2026-12-02' }, now, 0)).to.equal(undefined);
    expect(resolvePeriod({ key: 'custom' }, now, 0)).to.equal(undefined);
  });

  it('a custom period ending today stops at now', () => {
    const p = resolvePeriod({ key: 'custom', from: '2026-11-20', to: '2026-11-26' }, now, 0)!;
    expect(p.current.end.toISOString()).to.equal(now.toISOString());
  });

  it('day helpers agree with each other', () => {
    const t = Date.parse('2026-03-15T23:59:00Z');
    expect(startOfAccountDay(t, 120)).to.equal(parseAccountDay('2026-03-16', 120));
  });

  describe('trend bucket', () => {
    const period = (key: 'today' | '7d' | '30d' | '90d', tz = 0) => resolvePeriod({ key }, now, tz)!;
    const custom = (from: string, to: string, tz = 0) => resolvePeriod({ key: 'custom', from, to }, now, tz)!;

    it('a sparse team over 90 days is charted per month: weekly points would miss the minimum', () => {
      // 90 days from 29 Aug: 14 weeks need 140 responses for 10 each; 4 months need 40.
      expect(chooseBucket(period('90d'), 0, 60, 10)).to.equal('month');
      expect(chooseBucket(period('90d'), 0, 140, 10)).to.equal('week');
    });

    it('a busy team over 7 days is charted per day', () => {
      expect(chooseBucket(period('7d'), 0, 500, 10)).to.equal('day');
      // 7 days × 10 = 70 needed for daily points
      expect(chooseBucket(period('7d'), 0, 69, 10)).to.not.equal('day');
    });

    it('30 days of a medium team are charted per week; never more than MAX_BUCKETS points, however busy', () => {
      // 28 Oct – 26 Nov 2026: 5 ISO weeks → 50 responses reach 10 per week; 30 days are over MAX_BUCKETS.
      expect(chooseBucket(period('30d'), 0, 90, 10)).to.equal('week');
      expect(chooseBucket(period('30d'), 0, 100_000, 10)).to.equal('week');
      expect(chooseBucket(custom('2026-01-01', '2026-01-14'), 0, 100_000, 10)).to.equal('day');
      for (const key of ['today', '7d', '30d', '90d'] as const) {
        for (const n of [0, 5, 50, 500, 5000]) {
          const p = period(key);
          expect(bucketRanges(p, 0, chooseBucket(p, 0, n, 10)).length, `${key} ${n}`).to.be.at.most(MAX_BUCKETS);
        }
      }
    });

    it('when no bucket reaches the minimum, the fewest points (the finest of equals): today stays per day', () => {
      expect(chooseBucket(period('90d'), 0, 3, 10)).to.equal('month');
      expect(chooseBucket(period('today'), 0, 3, 10)).to.equal('day');
    });

    it('month buckets are calendar months in the account zone, clipped to the period, empty ones included', () => {
      const iso = (r: { range: { start: Date; end: Date } }) => [r.range.start.toISOString(), r.range.end.toISOString()];
      // UTC+9: 1 Nov begins at 15:00Z on 31 Oct
      const east = bucketRanges(custom('2026-10-20', '2026-11-03', 540), 540, 'month');
      expect(east.map((b) => b.start)).to.deep.equal(['2026-10-01', '2026-11-01']);
      expect(east.map(iso)).to.deep.equal([
        ['2026-10-19T15:00:00.000Z', '2026-10-31T15:00:00.000Z'],
        ['2026-10-31T15:00:00.000Z', '2026-11-03T15:00:00.000Z'],
      ]);
      // UTC−5: 1 Nov begins at 05:00Z
      const west = bucketRanges(custom('2026-10-20', '2026-11-03', -300), -300, 'month');
      expect(west.map(iso)[1]).to.deep.equal(['2026-11-01T05:00:00.000Z', '2026-11-04T05:00:00.000Z']);
      // 90 days from 29 Aug: Aug (3 days), Sep, Oct, Nov — an even axis of four, whatever holds answers.
      const ninety = bucketRanges(period('90d'), 0, 'month');
      expect(ninety.map((b) => b.start)).to.deep.equal(['2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01']);
      expect(ninety[0]!.range.start.toISOString()).to.equal('2026-08-29T00:00:00.000Z');
      expect(ninety[3]!.range.end.toISOString()).to.equal(now.toISOString());
      // A year-end: December runs into January.
      expect(bucketRanges(custom('2025-12-15', '2026-01-10'), 0, 'month').map(iso)[0]![1]).to.equal('2026-01-01T00:00:00.000Z');
    });
  });
});
