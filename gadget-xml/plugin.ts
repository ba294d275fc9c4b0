/**
 * Vite plugin: after one gadget bundle is built, emits the gadget XML files that load it (and, in one of the
 * builds, the layout snippet) into the same output folder, and the files the script loads from beside it (its
 * locales). It also refuses bundles that would not survive as one classic script behind Shindig: extra chunks,
 * extra assets or leftover dynamic imports.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { GADGET_XMLS, LAYOUT_FILE, type BundleName } from './catalogue.js';
import { renderGadgetXml, renderLayoutSnippet, type EmitOptions } from './render.js';

const templatesDir = fileURLToPath(new URL('./templates/', import.meta.url));

export interface GadgetXmlPluginOptions extends EmitOptions {
  bundle: BundleName;
  /** Emit layout-snippet.xml from this build (exactly one build should). */
  emitLayout?: boolean;
  /** Files emitted beside the script (its locale files, vite.config.ts). */
  besideScript?: ReadonlyArray<{ fileName: string; source: string }>;
}

export function gadgetXml(options: GadgetXmlPluginOptions): Plugin {
  return {
    name: 'cx-gadget-xml',
    apply: 'build',
    generateBundle(_output, bundle) {
      const entries = Object.values(bundle).filter((f) => f.type === 'chunk' && f.isEntry);
      const others = Object.values(bundle).filter((f) => !(f.type === 'chunk' && f.isEntry));
      if (entries.length !== 1 || others.length > 0) {
        const names = Object.keys(bundle).join(', ');
        this.error(`gadget "${options.bundle}" must build to exactly one self-contained script; got: ${names}`);
      }
      const entry = entries[0]!;
      if (entry.type === 'chunk' && (entry.dynamicImports.length > 0 || entry.imports.length > 0)) {
        this.error(`gadget "${options.bundle}" still imports other chunks: ${[...entry.imports, ...entry.dynamicImports].join(', ')}`);
      }
      const template = readFileSync(`${templatesDir}gadget.xml`, 'utf8');
      for (const spec of GADGET_XMLS.filter((s) => s.bundle === options.bundle)) {
        this.emitFile({ type: 'asset', fileName: spec.file, source: renderGadgetXml(template, spec, entry.fileName, options) });
      }
      for (const f of options.besideScript ?? []) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.source });
      if (options.emitLayout) {
        const layout = readFileSync(`${templatesDir}layout-snippet.xml`, 'utf8');
        this.emitFile({ type: 'asset', fileName: LAYOUT_FILE, source: renderLayoutSnippet(layout, options) });
      }
    },
  };
}
