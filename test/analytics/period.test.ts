import { expect } from '@open-wc/testing';
import { resolvePeriod, parseAccountDay, startOfAccountDay } from '../../gadgets/analytics/period.js';

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
    expect(p.bucket).to.equal('day');
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
    expect(resolvePeriod({ key: '30d' }, now, 0)!.bucket).to.equal('week');
    expect(resolvePeriod({ key: 'custom', from: '2026-01-01', to: '2026-01-14' }, now, 0)!.bucket).to.equal('day');
    expect(resolvePeriod({ key: 'custom', from: '2026-01-01', to: '2026-01-15' }, now, 0)!.bucket).to.equal('week');
    expect(resolvePeriod({ key: '90d' }, now, 0)!.bucket).to.equal('week');
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
});
