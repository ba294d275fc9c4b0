/**
 * The gadget scripts carry English only. Each other locale is a small classic script that the build emits beside
 * the gadget script (`journey.de-<hash>.js`, vite.config.ts) and that files its texts under
 * `self.cxTranslations[locale]`; it is loaded only for an agent whose Finesse locale needs it. A classic
 * `<script>` like the gadget's own (no fetch, so no CORS; no dynamic import: README "Why classic scripts").
 * If it cannot load, the gadget stays in English and says so on the console.
 */
import { log } from '../log.js';
import { addTranslations, localeChain, type Translations } from './catalogue.js';

/** Locale → file name, baked in by the build (vite.config.ts); absent when running from source. */
declare const __CX_LOCALE_FILES__: Record<string, string> | undefined;

/** The global the locale files assign to (vite.config.ts writes them). */
export const TRANSLATIONS_GLOBAL = 'cxTranslations';

// Read while the gadget script runs: its locale files sit beside it, wherever it is served from.
const scriptUrl = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : undefined;

const LOAD_TIMEOUT_MS = 10_000;

/** Loads the texts of `locale` (or of its nearest language with a file); resolves once they are in, or not. */
export async function loadTranslations(
  locale: string,
  files: Record<string, string> = typeof __CX_LOCALE_FILES__ !== 'undefined' ? __CX_LOCALE_FILES__ : {},
  base = scriptUrl ?? document.baseURI,
): Promise<void> {
  const lang = localeChain(locale).find((l) => Object.hasOwn(files, l.toLowerCase()))?.toLowerCase();
  if (!lang) return; // English, or a locale without texts: English it is
  const file = files[lang]!;
  const script = document.createElement('script');
  script.src = new URL(file, base).href;
  const loaded = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
    const done = (ok: boolean) => () => (clearTimeout(timer), resolve(ok));
    script.onload = done(true);
    script.onerror = done(false);
    document.head.append(script);
  });
  script.remove();
  const tables = (globalThis as { [TRANSLATIONS_GLOBAL]?: Record<string, Translations> })[TRANSLATIONS_GLOBAL]?.[lang];
  if (loaded && typeof tables === 'object' && tables !== null) addTranslations(lang, tables);
  else log.warn(`the ${lang} texts (${file}) did not load: the gadget shows English`);
}
