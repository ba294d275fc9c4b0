/**
 * Vite build of the gadgets. Each gadget is its own build: one minified, self-contained CLASSIC script
 * (IIFE, no shared chunks, no dynamic imports) with a content hash in its name, plus the gadget XML files
 * that load it (gadget-xml/plugin.ts). Why classic and not a module: see README "Why classic scripts".
 * `npm run build` (scripts/build.ts) runs one build per gadget with these settings.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { build, defineConfig, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { gadgetXml } from './gadget-xml/plugin.js';
import type { BundleName } from './gadget-xml/catalogue.js';
import { PUBLIC_WXM_BASE_URL, WXM_ORIGINS_DEFINE } from './shared/config/wxm-origins.js';
import type { Translations } from './shared/i18n/catalogue.js';
import { TRANSLATIONS_GLOBAL } from './shared/i18n/translations.js';
import { PARTS_GLOBAL, type PartName } from './shared/parts/loader.js';
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
    return { locale, fileName: besideFileName(bundle, locale, source), source };
  });
}

/** A file beside a gadget script (`journey.de-<hash>.js`): the hash changes with the content, so no stale copy runs. */
function besideFileName(bundle: BundleName, name: string, source: string): string {
  return `${bundle}.${name}-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.js`;
}

/** Build settings the gadget scripts and their parts share: minified ES2022, nothing beside the code. */
const SCRIPT_BUILD = {
  target: 'es2022',
  minify: true,
  sourcemap: false,
  modulePreload: false,
  copyPublicDir: false,
  reportCompressedSize: false,
} as const;

/** The parts of each gadget (shared/parts/loader.ts): code loaded on demand, each built by buildParts below. */
export const GADGET_PARTS: Record<BundleName, Partial<Record<PartName, string>>> = {
  journey: { 'note-editor': 'gadgets/journey/note-editor.ts', diagnostics: 'shared/ui/diagnostics.ts' },
  analytics: { 'note-editor': 'gadgets/journey/note-editor.ts', diagnostics: 'shared/ui/diagnostics.ts', 'answers-fallback': 'gadgets/analytics/stream-plan.ts' },
};

/** The one module a part reaches the main script's instances through (shared/parts/bridge.ts). */
const BRIDGE = resolve(root, 'shared/parts/bridge.ts');

/**
 * What the bridge provides, by module: each module it re-exports from (its path, or a package name like `lit`)
 * → the names it re-exports, and the bridge itself → all of them. A part's imports of these modules are not
 * bundled but read from `self.cxParts` (the main script's bridge).
 */
export function bridgeBindings(): Map<string, Set<string>> {
  const file = ts.createSourceFile(BRIDGE, readFileSync(BRIDGE, 'utf8'), ts.ScriptTarget.Latest);
  const all = new Set<string>();
  const byModule = new Map<string, Set<string>>([[BRIDGE, all]]);
  for (const st of file.statements) {
    if (!ts.isExportDeclaration(st) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier) || !st.exportClause || !ts.isNamedExports(st.exportClause)) {
      throw new Error(`shared/parts/bridge.ts may only re-export named bindings (export { a } from '…'): ${st.getText(file)}`);
    }
    const key = moduleKey(st.moduleSpecifier.text, BRIDGE);
    const names = byModule.get(key) ?? byModule.set(key, new Set()).get(key)!;
    for (const el of st.exportClause.elements) {
      names.add((el.propertyName ?? el.name).text);
      all.add(el.name.text);
    }
  }
  return byModule;
}

/** A module as the bridge names it: a package name, or the absolute path of a relative `.js` import's `.ts` file. */
function moduleKey(specifier: string, importer: string): string {
  return specifier.startsWith('.') ? resolve(dirname(importer), specifier.replace(/\.js$/, '.ts')) : specifier;
}

/**
 * Keeps a part honest: its imports of the bridge's modules must name bindings the bridge provides (else the part
 * would read `undefined` from `self.cxParts`), and it may not bundle a package (a second Lit would render apart
 * from the main script's). Type-only imports are free.
 */
function bridgeCheck(part: string, provided: Map<string, Set<string>>): Plugin {
  return {
    name: 'cx-part-bridge-check',
    apply: 'build',
    transform(code, id) {
      if (!/\.ts$/.test(id)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest);
      for (const st of file.statements) {
        if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.importClause?.isTypeOnly) continue;
        const names = provided.get(moduleKey(st.moduleSpecifier.text, id));
        if (!names) continue;
        const bindings = st.importClause?.namedBindings;
        if (!st.importClause || st.importClause.name || !bindings || !ts.isNamedImports(bindings)) {
          this.error(`part ${part}: ${st.getText(file)} — import named bindings from the bridge's modules (shared/parts/bridge.ts)`);
        }
        for (const el of bindings.elements) {
          const name = (el.propertyName ?? el.name).text;
          if (!el.isTypeOnly && !names.has(name)) {
            this.error(`part ${part} imports "${name}" from ${st.moduleSpecifier.text}, which shared/parts/bridge.ts does not provide`);
          }
        }
      }
      return null;
    },
    generateBundle(_output, bundle) {
      for (const chunk of Object.values(bundle)) {
        const packages = chunk.type === 'chunk' ? chunk.moduleIds.filter((m) => m.includes('/node_modules/')) : [];
        if (packages.length) this.error(`part ${part} bundles packages of its own (${packages.join(', ')}): reach them through the bridge`);
      }
    },
  };
}

export interface PartFile {
  name: PartName;
  fileName: string;
  source: string;
}

/**
 * Builds a gadget's parts, each as one small classic script (`journey.note-editor-<hash>.js`) that reads the
 * bridge's modules from `self.cxParts`: the main script's own instances, not copies.
 */
export async function buildParts(bundle: BundleName, wxmBaseUrls: readonly string[] = [PUBLIC_WXM_BASE_URL]): Promise<PartFile[]> {
  const provided = bridgeBindings();
  const out: PartFile[] = [];
  for (const [name, entry] of Object.entries(GADGET_PARTS[bundle]) as Array<[PartName, string]>) {
    const result = (await build({
      configFile: false,
      root,
      mode: 'production',
      logLevel: 'error',
      publicDir: false,
      define: { 'process.env.NODE_ENV': JSON.stringify('production'), [WXM_ORIGINS_DEFINE]: JSON.stringify(wxmBaseUrls) },
      build: {
        write: false,
        ...SCRIPT_BUILD,
        rolldownOptions: {
          input: { [name]: entry },
          external: (id, importer) => provided.has(importer ? moduleKey(id, importer) : id),
          output: { format: 'iife', codeSplitting: false, globals: () => PARTS_GLOBAL },
        },
      },
      plugins: [minifyTemplates(), bridgeCheck(name, provided)],
    })) as Rolldown.RolldownOutput;
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (!chunk) throw new Error(`the ${name} part of ${bundle} built to no script`);
    out.push({ name, fileName: besideFileName(bundle, name, chunk.code), source: chunk.code });
  }
  return out;
}

/** In a gadget build, the parts are files beside the script (buildParts), not imports of their sources. */
function partsFromFiles(): Plugin {
  const sources = resolve(root, 'shared/parts/sources.ts');
  return {
    name: 'cx-parts-from-files',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      return id === sources ? 'export const PART_SOURCES = {};' : null;
    },
  };
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
  /** The gadget's parts, built beforehand (buildParts): emitted beside the script, their names baked in. */
  parts?: readonly PartFile[];
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
      __CX_PART_FILES__: JSON.stringify(Object.fromEntries((o.parts ?? []).map((p) => [p.name, p.fileName]))),
    },
    build: {
      outDir: o.outDir,
      emptyOutDir: false, // several builds share the folder; scripts/build.ts empties it once
      ...SCRIPT_BUILD,
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
      partsFromFiles(),
      minifyTemplates(),
      gadgetXml({ bundle: o.bundle, baseUrl: o.baseUrl, wxmBaseUrls, emitLayout: o.emitLayout, besideScript: [...locales, ...(o.parts ?? [])] }),
    ],
  };
}

// `npx vite build` alone builds the journey gadget with relative URLs; `npm run build` builds everything.
export default defineConfig(async () => gadgetBuildConfig({ bundle: 'journey', outDir: 'dist', emitLayout: true, parts: await buildParts('journey') }));
