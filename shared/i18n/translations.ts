/**
 * The gadget scripts carry English only. Each other locale is a small classic script that the build emits beside
 * the gadget script (`journey.de-<hash>.js`, vite.config.ts) and that files its texts under
 * `self.cxTranslations[locale]`; it is loaded only for an agent whose Finesse locale needs it (script-beside.ts).
 * If it cannot load, the gadget stays in English and says so on the console.
 */
import { log } from '../log.js';
import { addTranslations, localeChain, type Translations } from './catalogue.js';
import { runScriptBeside } from '../script-beside.js';

/** Locale → file name, baked in by the build (vite.config.ts); absent when running from source. */
declare const __CX_LOCALE_FILES__: Record<string, string> | undefined;

/** The global the locale files assign to (vite.config.ts writes them). */
export const TRANSLATIONS_GLOBAL = 'cxTranslations';

const LOAD_TIMEOUT_MS = 10_000;

/** Loads the texts of `locale` (or of its nearest language with a file); resolves once they are in, or not. */
export async function loadTranslations(
  locale: string,
  files: Record<string, string> = typeof __CX_LOCALE_FILES__ !== 'undefined' ? __CX_LOCALE_FILES__ : {},
  base?: string,
): Promise<void> {
  const lang = localeChain(locale).find((l) => Object.hasOwn(files, l.toLowerCase()))?.toLowerCase();
  if (!lang) return; // English, or a locale without texts: English it is
  const file = files[lang]!;
  const loaded = await runScriptBeside(file, LOAD_TIMEOUT_MS, base);
  const tables = (globalThis as { [TRANSLATIONS_GLOBAL]?: Record<string, Translations> })[TRANSLATIONS_GLOBAL]?.[lang];
  if (loaded && typeof tables === 'object' && tables !== null) addTranslations(lang, tables);
  else log.warn(`the ${lang} texts (${file}) did not load: the gadget shows English`);
}
