import { expect } from '@open-wc/testing';
import { addTranslations, defineMessages, formatMessage, getLocale, localeChain, onLocaleChange, setLocale } from '../../shared/i18n/catalogue.js';
import { errorMessage, shared } from '../../shared/i18n/messages.js';
import { AppError } from '../../shared/errors.js';
import '../helpers/german.js';

const m = defineMessages('test', {
  hello: 'Hello {name}',
  count: '{n, plural, =0 {no responses} one {# response} other {# responses}}',
  only: 'English only',
});
addTranslations('de', { test: { hello: 'Hallo {name}', count: '{n, plural, one {# Antwort} other {# Antworten}}' } });
addTranslations('de_CH', { test: { hello: 'Grüezi {name}' } });
addTranslations('fr', { test: { count: '{n, plural, one {# réponse} other {# réponses}}' } });

describe('message catalogue', () => {
  afterEach(() => setLocale('en'));

  it('interpolates named parameters and leaves unknown ones visible', () => {
    expect(m.t('hello', { name: 'Ana' })).to.equal('Hello Ana');
    expect(m.t('hello')).to.equal('Hello {name}');
  });

  it('does not re-interpret markup or braces inside parameter values', () => {
    expect(m.t('hello', { name: '<b>{n}</b>' })).to.equal('Hello <b>{n}</b>');
  });

  it('chooses plural forms with the locale rules, exact matches first', () => {
    expect(m.t('count', { n: 0 })).to.equal('no responses');
    expect(m.t('count', { n: 1 })).to.equal('1 response');
    expect(m.t('count', { n: 2 })).to.equal('2 responses');
    // French: 0 and 1 are "one"; 1.5 too.
    setLocale('fr-FR');
    expect(m.t('count', { n: 0 })).to.equal('0 réponse');
    expect(m.t('count', { n: 2 })).to.equal('2 réponses');
  });

  it('formats # with the locale number format', () => {
    setLocale('de-DE');
    expect(m.t('count', { n: 1234 })).to.equal(`${new Intl.NumberFormat('de-DE').format(1234)} Antworten`);
    expect(m.t('count', { n: 1234 })).to.not.equal('1234 Antworten');
  });

  it('falls back de-CH → de → en, and unknown locales → en', () => {
    setLocale('de-CH');
    expect(m.t('hello', { name: 'Jo' })).to.equal('Grüezi Jo');
    expect(m.t('count', { n: 3 })).to.equal('3 Antworten');
    expect(m.t('only')).to.equal('English only');
    setLocale('de-DE');
    expect(m.t('hello', { name: 'Jo' })).to.equal('Hallo Jo');
    setLocale('sw-KE');
    expect(m.t('hello', { name: 'Jo' })).to.equal('Hello Jo');
  });

  it('re-renders on added translations, which extend (not replace) what a locale has', () => {
    const seen: string[] = [];
    const off = onLocaleChange((l) => seen.push(l));
    setLocale('de-DE');
    addTranslations('de', { other: { x: 'y' } });
    off();
    expect(seen).to.deep.equal(['de-DE', 'de-DE']);
    expect(m.t('hello', { name: 'Jo' })).to.equal('Hallo Jo');
  });

  it('canonicalises locales, rejects invalid ones and notifies listeners', () => {
    const seen: string[] = [];
    const off = onLocaleChange((l) => seen.push(l));
    setLocale('de-de');
    expect(getLocale()).to.equal('de-DE');
    setLocale('not a locale!!');
    expect(getLocale()).to.equal('en');
    off();
    setLocale('fr');
    expect(seen).to.deep.equal(['de-DE', 'en']);
    expect(localeChain('de-Latn-DE')).to.deep.equal(['de-Latn-DE', 'de-Latn', 'de', 'en']);
  });

  it('handles nested placeholders inside plural branches', () => {
    expect(formatMessage('{n, plural, one {# for {who}} other {# for {who}s}}', { n: 2, who: 'agent' })).to.equal(
      '2 for agents',
    );
  });

  it("ships every shared string in German, the gadgets' other locale, and a message for every error code", () => {
    const codes = ['finesse-auth', 'cloudconnect-down', 'token-malformed', 'wxm-auth', 'wxm-rate-limited', 'wxm-server',
      'wxm-bad-response', 'network', 'timeout', 'config-invalid', 'no-caller-id', 'unexpected'] as const;
    setLocale('en');
    const english = codes.map((c) => errorMessage(new AppError(c, 'client', 'x')));
    expect(new Set(english).size).to.equal(codes.length);
    expect(errorMessage({ code: 'cloudconnect-down' })).to.contain('Cloud Connect is not reachable from Finesse');
    for (const loc of ['de']) {
      setLocale(loc);
      codes.forEach((c, i) => expect(errorMessage({ code: c }), `${loc} ${c}`).to.not.equal(english[i]));
      expect(shared.t('retry')).to.not.equal('Retry');
    }
  });
});
