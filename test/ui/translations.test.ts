import { expect } from '@open-wc/testing';
import { defineMessages, setLocale } from '../../shared/i18n/catalogue.js';
import { loadTranslations } from '../../shared/i18n/translations.js';

const m = defineMessages('probe', { hello: 'Hello', bye: 'Bye' });
/** A locale file as the build writes it (vite.config.ts localeFiles), served as a data: URL. */
const file = (body: string) => `data:text/javascript,${encodeURIComponent(body)}`;

async function warningsOf(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const warn = console.warn;
  console.warn = (...a: unknown[]) => void seen.push(a.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = warn;
  }
  return seen;
}

describe('locale files (shared/i18n/translations.ts)', () => {
  afterEach(() => setLocale('en'));

  it("loads the file of the locale's language and its texts replace the English ones", async () => {
    const files = { de: file('(self.cxTranslations??={})["de"]={"probe":{"hello":"Hallo"}};') };
    const warnings = await warningsOf(() => loadTranslations('de-AT', files));
    setLocale('de-AT');
    expect(m.t('hello')).to.equal('Hallo');
    expect(m.t('bye')).to.equal('Bye'); // not in the file: English
    expect(warnings).to.deep.equal([]);
  });

  it('loads nothing for English or a locale without a file', async () => {
    let loaded = 0;
    const observer = new MutationObserver((records) => (loaded += records.flatMap((r) => [...r.addedNodes]).length));
    observer.observe(document.head, { childList: true });
    await loadTranslations('en-GB', { de: '/no-such-file.js' });
    await loadTranslations('fr-FR', { de: '/no-such-file.js' });
    observer.disconnect();
    expect(loaded).to.equal(0);
  });

  it('a missing or empty file leaves the gadget in English and says so on the console', async () => {
    const missing = await warningsOf(() => loadTranslations('nl-NL', { nl: '/no-such-locale-file.js' }));
    const empty = await warningsOf(() => loadTranslations('sv-SE', { sv: file('var nothing = 1;') }));
    setLocale('nl-NL');
    expect(m.t('hello')).to.equal('Hello');
    expect(missing.join('\n')).to.contain('nl texts (/no-such-locale-file.js) did not load: the gadget shows English');
    expect(empty.join('\n')).to.contain('sv texts');
  });
});
