/**
 * Vite build of the gadgets. Each gadget is its own build: one minified, self-contained CLASSIC script
 * (IIFE, no shared chunks, no dynamic imports) with a content hash in its name, plus the gadget XML files
 * that load it (gadget-xml/plugin.ts). Why classic and not a module: see README "Why classic scripts".
 * `npm run build` (scripts/build.ts) runs one build per gadget with these settings.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { defineConfig, type InlineConfig, type Plugin } from 'vite';
import { gadgetXml } from './gadget-xml/plugin.js';
import type { BundleName } from './gadget-xml/catalogue.js';
import { PUBLIC_WXM_BASE_URL, WXM_ORIGINS_DEFINE } from './shared/config/wxm-origins.js';
import type { Translations } from './shared/i18n/catalogue.js';
import { TRANSLATIONS_GLOBAL } from './shared/i18n/translations.js';
import { de as journeyDe } from './gadgets/journey/messages.de.js';
import { de as analyticsDe } from './gadgets/analytics/messages.de.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export const GADGET_ENTRIES: Record<BundleName, string> = {
  journey: 'gadgets/journey/main.ts',
  analytics: 'gadgets/analytics/main.ts',
};

/** The locales besides English, per gadget: each becomes a file beside the script (localeFiles below). */
export const GADGET_LOCALES: Record<BundleName, Record<string, Translations>> = {
  journey: { de: journeyDe },
  analytics: { de: analyticsDe },
};

/**
 * A gadget's other locales as small classic scripts (`journey.de-<hash>.js`), loaded by shared/i18n/translations.ts
 * only for an agent in that locale: the gadget script itself carries English only (about 2.5 kB gzip less each).
 */
export function localeFiles(bundle: BundleName): Array<{ locale: string; fileName: string; source: string }> {
  return Object.entries(GADGET_LOCALES[bundle]).map(([locale, tables]) => {
    const source = `(self.${TRANSLATIONS_GLOBAL}??={})[${JSON.stringify(locale)}]=${JSON.stringify(tables)};\n`;
    const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
    return { locale, fileName: `${bundle}.${locale}-${hash}.js`, source };
  });
}

export interface GadgetBuildOptions {
  bundle: BundleName;
  outDir: string;
  baseUrl?: string;
  /** The WxM base URLs the scripts may send the token to (normalised; first = default). */
  wxmBaseUrls?: readonly string[];
  emitLayout?: boolean;
  /** Another entry module for this bundle (tests build fixtures with the production settings). */
  entry?: string;
  logLevel?: InlineConfig['logLevel'];
}

/**
 * Lit's html`` and css`` templates keep the source's indentation: every byte of it ships (about 0.4 kB gzip per
 * gadget). This strips it at build time. Only the literal parts of templates tagged `html` or `css` change (found
 * by TypeScript's parser, so expressions, strings and comments elsewhere are untouched): in html, a whitespace
 * run with a line break becomes one space (HTML collapses it anyway; no template holds <pre>/<textarea> text);
 * in css, whitespace around punctuation goes and other runs become one space, outside quoted strings.
 */
export function minifyTemplates(): Plugin {
  const minifyHtml = (raw: string) => raw.replace(/\s*\n\s*/g, ' ');
  const minifyCss = (raw: string) =>
    raw
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(/('[^'\n]*'|"[^"\n]*")/)
      .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}')))
      .join('');
  return {
    name: 'cx-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('node_modules') || !/\b(html|css)`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: Array<{ start: number; end: number; text: string }> = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
          const minify = node.tag.text === 'html' ? minifyHtml : minifyCss;
          const t = node.template;
          const literals = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
          for (const lit of literals) {
            // The raw text between the delimiters (` or } before, ` or ${ after).
            const start = lit.getStart(file) + 1;
            const end = lit.end - (ts.isTemplateTail(lit) || ts.isNoSubstitutionTemplateLiteral(lit) ? 1 : 2);
            edits.push({ start, end, text: minify(code.slice(start, end)) });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (edits.length === 0) return null;
      let out = code;
      for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}

export function gadgetBuildConfig(o: GadgetBuildOptions): InlineConfig {
  const wxmBaseUrls = o.wxmBaseUrls?.length ? o.wxmBaseUrls : [PUBLIC_WXM_BASE_URL];
  const locales = localeFiles(o.bundle);
  return {
    configFile: false,
    root,
    mode: 'production',
    logLevel: o.logLevel ?? 'warn',
    publicDir: false,
    base: './',
    // Production condition: Lit's production build (no dev-mode warning, smaller).
    // The WxM addresses are baked in (shared/config/wxm-origins.ts): the token's destinations are a build decision.
    // The locale files' names too (shared/i18n/translations.ts).
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
      [WXM_ORIGINS_DEFINE]: JSON.stringify(wxmBaseUrls),
      __CX_LOCALE_FILES__: JSON.stringify(Object.fromEntries(locales.map((l) => [l.locale, l.fileName]))),
    },
    build: {
      outDir: o.outDir,
      emptyOutDir: false, // several builds share the folder; scripts/build.ts empties it once
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER, // any asset is inlined: nothing else to host
      rolldownOptions: {
        // Reading a property has no side effect in our code or our libraries: lets Chart.js's unregistered
        // scales and elements (time, logarithmic, radial, bar, arc) drop out — about 6 kB gzip of analytics.
        treeshake: { propertyReadSideEffects: false },
        input: { [o.bundle]: o.entry ?? GADGET_ENTRIES[o.bundle] },
        output: {
          format: 'iife',
          codeSplitting: false, // dynamic imports are inlined: one file, nothing that can go missing
          entryFileNames: '[name]-[hash].js',
        },
      },
    },
    plugins: [
      minifyTemplates(),
      gadgetXml({ bundle: o.bundle, baseUrl: o.baseUrl, wxmBaseUrls, emitLayout: o.emitLayout, besideScript: locales }),
    ],
  };
}

// `npx vite build` alone builds the journey gadget with relative URLs; `npm run build` builds everything.
export default defineConfig(gadgetBuildConfig({ bundle: 'journey', outDir: 'dist', emitLayout: true }));
