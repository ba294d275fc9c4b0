/**
 * Vite build of the gadgets. Each gadget is its own build: one minified, self-contained CLASSIC script
 * (IIFE, no shared chunks, no dynamic imports) with a content hash in its name, plus the gadget XML files
 * that load it (gadget-xml/plugin.ts). Why classic and not a module: see README "Why classic scripts".
 * `npm run build` (scripts/build.ts) runs one build per gadget with these settings.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig } from 'vite';
import { gadgetXml } from './gadget-xml/plugin.js';
import type { BundleName } from './gadget-xml/catalogue.js';
import { PUBLIC_WXM_BASE_URL, WXM_ORIGINS_DEFINE } from './shared/config/wxm-origins.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export const GADGET_ENTRIES: Record<BundleName, string> = {
  journey: 'gadgets/journey/main.ts',
  analytics: 'gadgets/analytics/main.ts',
};

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

export function gadgetBuildConfig(o: GadgetBuildOptions): InlineConfig {
  const wxmBaseUrls = o.wxmBaseUrls?.length ? o.wxmBaseUrls : [PUBLIC_WXM_BASE_URL];
  return {
    configFile: false,
    root,
    mode: 'production',
    logLevel: o.logLevel ?? 'warn',
    publicDir: false,
    base: './',
    // Production condition: Lit's production build (no dev-mode warning, smaller).
    // The WxM addresses are baked in (shared/config/wxm-origins.ts): the token's destinations are a build decision.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), [WXM_ORIGINS_DEFINE]: JSON.stringify(wxmBaseUrls) },
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
    plugins: [gadgetXml({ bundle: o.bundle, baseUrl: o.baseUrl, wxmBaseUrls, emitLayout: o.emitLayout })],
  };
}

// `npx vite build` alone builds the journey gadget with relative URLs; `npm run build` builds everything.
export default defineConfig(gadgetBuildConfig({ bundle: 'journey', outDir: 'dist', emitLayout: true }));
