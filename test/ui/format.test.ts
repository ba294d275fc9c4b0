import { expect } from '@open-wc/testing';
import { setLocale } from '../../shared/i18n/catalogue.js';
import {
  dayHeading,
  daysSince,
  formatDate,
  formatNumber,
  formatPercent,
  formatTime,
} from '../../shared/i18n/format.js';

describe('format', () => {
  afterEach(() => setLocale('en'));

  it('says Today / Yesterday across midnight by calendar day, not by 24 hours', () => {
    const now = new Date(2026, 10, 3, 0, 5); // 00:05 local
    setLocale('en-GB');
    expect(dayHeading(new Date(2026, 10, 2, 23, 55), now)).to.equal('Yesterday'); // 10 minutes ago
    expect(dayHeading(new Date(2026, 10, 3, 0, 1), now)).to.equal('Today');
    expect(dayHeading(new Date(2026, 10, 1, 0, 6), now)).to.match(/^Sun,? 1 Nov 2026$/); // under 48 h, 2 days
    expect(daysSince(new Date(2026, 10, 2, 23, 59), now)).to.equal(1);
    expect(daysSince(new Date(2026, 9, 4, 12), now)).to.equal(30);
  });

  it('localises the headings: German words and date order', () => {
    const now = new Date(2026, 10, 3, 9);
    setLocale('de-DE');
    expect(dayHeading(new Date(2026, 10, 3, 8), now)).to.equal('Heute');
    expect(dayHeading(new Date(2026, 10, 2, 8), now)).to.equal('Gestern');
    const older = dayHeading(new Date(2026, 9, 26, 8), now);
    expect(older).to.match(/^Mo\.?, 26\. Okt\.? 2026$/);
    expect(formatDate(new Date(2026, 9, 26, 8))).to.match(/^26\.10\.2026$/);
    setLocale('en-US');
    expect(dayHeading(new Date(2026, 9, 26, 8), now)).to.equal('Mon, Oct 26, 2026');
  });

  it('formats numbers, percents and times per locale', () => {
    setLocale('de-DE');
    expect(formatNumber(1234.56, { maximumFractionDigits: 1 })).to.equal('1.234,6');
    expect(formatPercent(87.5)).to.match(/^88\s%$/);
    expect(formatTime(new Date(2026, 0, 5, 14, 7))).to.equal('14:07');
    setLocale('en-US');
    expect(formatNumber(-3, { signDisplay: 'exceptZero' })).to.equal('-3');
    expect(formatPercent(87.5, { maximumFractionDigits: 1 })).to.equal('87.5%');
    expect(formatTime(new Date(2026, 0, 5, 14, 7))).to.match(/^2:07\sPM$/);
    expect(formatNumber(4.25, { minimumFractionDigits: 1 })).to.equal('4.3'); // no RangeError without a max
  });

  it('falls back for locales without data and ignores invalid tags', () => {
    expect(formatNumber(1000, { locale: 'zz-ZZ' })).to.equal(new Intl.NumberFormat('en-US').format(1000));
    expect(() => formatNumber(1, { locale: 'not a tag!!' })).to.not.throw();
  });
});
