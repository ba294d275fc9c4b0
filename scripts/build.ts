/**
 * `npm run build [-- --base-url URL] [--wxm-base-url URL[,URL…]] [--out-dir DIR]`
 * Builds each gadget into one classic script plus its gadget XML files and the layout snippet
 * (vite.config.ts, gadget-xml/plugin.ts), prints the script sizes, then validates the output.
 * --wxm-base-url lists the only WxM addresses the scripts will send the token to (default the public API).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { buildParts, gadgetBuildConfig, GADGET_ENTRIES } from '../vite.config.js';
import { normaliseBaseUrl } from '../gadget-xml/render.js';
import { validateDir } from '../gadget-xml/validate-cli.js';
import { formatFindings, type Finding } from '../gadget-xml/validate.js';
import { GADGET_XMLS, LAYOUT_FILE, type BundleName } from '../gadget-xml/catalogue.js';
import { normaliseWxmAddress, PUBLIC_WXM_BASE_URL } from '../shared/config/wxm-origins.js';

export interface BuildOptions {
  outDir: string;
  baseUrl?: string;
  /** Comma-separated WxM base URLs (https; http only on loopback), the first being the default. */
  wxmBaseUrl?: string;
  quiet?: boolean;
}

export interface BuildResult {
  outDir: string;
  /** The WxM base URLs baked into the scripts. */
  wxmBaseUrls: string[];
  /** Emitted script file name per gadget bundle. */
  scripts: Record<BundleName, string>;
  /** The files of each bundle's parts (loaded on demand from beside its script, shared/parts/loader.ts). */
  parts: Record<BundleName, string[]>;
  sizes: Array<{ file: string; bytes: number; gzipBytes: number }>;
  findings: Finding[];
}

/** `--wxm-base-url A,B`: each checked and normalised like the gadgets compare them; throws for the admin. */
export function parseWxmBaseUrls(value: string | undefined): string[] {
  if (value === undefined) return [PUBLIC_WXM_BASE_URL];
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new Error('--wxm-base-url needs at least one URL');
  const urls = items.map((item) => {
    const r = normaliseWxmAddress(item);
    if ('error' in r) throw new Error(`--wxm-base-url "${item}" ${r.error}`);
    return r.ok;
  });
  return [...new Set(urls)];
}

/** Removes earlier build output only (never the folder itself: --out-dir may name a folder with other files). */
function cleanOutDir(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const ours = new Set([...GADGET_XMLS.map((s) => s.file), LAYOUT_FILE]);
  const bundles = Object.keys(GADGET_ENTRIES).join('|');
  const script = new RegExp(`^(${bundles})(\\.[\\w-]+)?-[\\w-]+\\.js$`); // scripts, their locale files and parts
  for (const f of readdirSync(outDir)) if (ours.has(f) || script.test(f)) rmSync(join(outDir, f));
}

export async function buildGadgets(opts: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(opts.outDir);
  const baseUrl = opts.baseUrl === undefined ? undefined : normaliseBaseUrl(opts.baseUrl, '--base-url', { folder: true });
  const wxmBaseUrls = parseWxmBaseUrls(opts.wxmBaseUrl);
  cleanOutDir(outDir);
  const bundles = Object.keys(GADGET_ENTRIES) as BundleName[];
  const scripts = {} as Record<BundleName, string>;
  const partFiles = {} as Record<BundleName, string[]>;
  for (const [i, bundle] of bundles.entries()) {
    const parts = await buildParts(bundle, wxmBaseUrls);
    partFiles[bundle] = parts.map((p) => p.fileName);
    const config = gadgetBuildConfig({ bundle, outDir, baseUrl, wxmBaseUrls, emitLayout: i === 0, parts, logLevel: opts.quiet ? 'error' : 'warn' });
    await build(config);
    const file = readdirSync(outDir).find((f) => f.startsWith(`${bundle}-`) && f.endsWith('.js'));
    if (!file) throw new Error(`the ${bundle} build wrote no script into ${outDir}`);
    scripts[bundle] = file;
  }
  const sizes = bundles.flatMap((b) => [scripts[b], ...partFiles[b]]).map((file) => {
    const code = readFileSync(join(outDir, file));
    return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  });
  return { outDir, wxmBaseUrls, scripts, parts: partFiles, sizes, findings: validateDir(outDir) };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function sizeTable(sizes: BuildResult['sizes']): string {
  const w = Math.max(6, ...sizes.map((s) => s.file.length));
  const rows = sizes.map((s) => `${s.file.padEnd(w)}  ${kB(s.bytes).padStart(9)}  ${kB(s.gzipBytes).padStart(9)}`);
  return [`${'script'.padEnd(w)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}`, ...rows].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'wxm-base-url': { type: 'string' },
      'out-dir': { type: 'string', default: 'dist' },
    },
  });
  const result = await buildGadgets({ outDir: values['out-dir'], baseUrl: values['base-url'], wxmBaseUrl: values['wxm-base-url'] });
  const base = values['base-url'] ? `for ${normaliseBaseUrl(values['base-url'], '--base-url', { folder: true })}` : 'with relative URLs (no --base-url)';
  console.log(`\nGadgets built into ${result.outDir} ${base}`);
  console.log(`WxM addresses the token may go to: ${result.wxmBaseUrls.join(', ')} (the first is the default)\n`);
  console.log(sizeTable(result.sizes));
  console.log(`\n${readdirSync(result.outDir).filter((f) => f.endsWith('.xml')).join('  ')}\n`);
  console.log(formatFindings(result.findings));
  if (result.findings.some((f) => f.level === 'error')) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    // Rolldown colours its diagnostics even into logs and pipes; keep them readable there.
    console.error(`build failed: ${process.stderr.isTTY ? message : message.replace(/\x1b\[[0-9;]*m/g, '')}`);
    process.exitCode = 1;
  });
}
