/**
 * Validates the emitted gadget XML and the hosting assumptions behind it. Pure: it receives the XML texts and
 * the list of files in the output folder, and returns findings (no file system, no DOM globals), so the CLI,
 * the build and the tests share it.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import {
  FINESSE_FROM_PREFS,
  FINESSE_HOST_PREFS,
  FINESSE_LAYOUT_NS,
  FINESSE_SCRIPTS,
  GADGET_XMLS,
  LAYOUT,
  LAYOUT_FILE,
  REQUIRED_FEATURES,
  servedByFinesse,
} from './catalogue.js';

export interface Finding {
  level: 'error' | 'warning';
  file: string;
  message: string;
}

export interface DistContents {
  /** Text of the XML files, by file name (the validator asks for the files it knows). */
  xml: ReadonlyMap<string, string>;
  /** Every file name in the output folder (relative, "/"-separated). */
  files: ReadonlySet<string>;
  /** Text of the gadget scripts, by file name (to check the files they load beside them). */
  scripts?: ReadonlyMap<string, string>;
}

type Report = (level: Finding['level'], message: string) => void;

function parseXml(text: string, report: Report): Document | undefined {
  let failed = false;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return report('warning', `XML: ${message.trim()}`);
        failed = true;
        report('error', `does not parse as XML: ${message.trim()}`);
      },
    }).parseFromString(text, 'text/xml');
    return failed ? undefined : doc;
  } catch (e) {
    if (!failed) report('error', `does not parse as XML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function children(parent: Element | Document, name: string): Element[] {
  return Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
}

function descendants(parent: Element | Document, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS('*', name));
}

const isAbsolute = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);
const isRootRelative = (url: string) => url.startsWith('/') && !url.startsWith('//');
/** Stands for "the Finesse server that serves the desktop" when a base URL is root-relative. */
const THIS_FINESSE = 'https://finesse.invalid';

/** Where a URL of ours points inside the output folder (undefined: outside it). */
function distPath(url: string, fromFile: string, baseUrl: string | undefined): string | undefined {
  const base = new URL(baseUrl ?? 'file:///dist/', THIS_FINESSE);
  const target = new URL(url, baseUrl ? base : `file:///dist/${fromFile}`);
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return undefined;
  return decodeURIComponent(target.pathname.slice(base.pathname.length));
}

/** Checks a URL of ours (script or gadget spec): scheme, whitespace, and that the file exists. */
function checkOwnUrl(url: string, what: string, file: string, dist: DistContents, baseUrl: string | undefined, report: Report) {
  if (/\s/.test(url)) report('error', `${what} URL contains whitespace: "${url}"`);
  if (baseUrl && isRootRelative(baseUrl)) {
    if (!isRootRelative(url)) return report('error', `${what} URL "${url}" should start with ${baseUrl} like the other files`);
  } else if (baseUrl) {
    if (!isAbsolute(url)) return report('error', `${what} URL "${url}" is relative, but the files were built for ${baseUrl}`);
    const scheme = new URL(url).protocol;
    if (scheme === 'http:') report('warning', `${what} URL uses http: the https Finesse desktop will block it as mixed content (${url})`);
    else if (scheme !== 'https:') report('error', `${what} URL must be https: ${url}`);
  } else if (isAbsolute(url) || url.startsWith('/')) {
    return report('error', `${what} URL "${url}" should be relative (the other files were built without a base URL)`);
  }
  const path = distPath(url, file, baseUrl);
  if (path === undefined) report('error', `${what} URL ${url} points outside ${baseUrl ?? 'the output folder'}`);
  else if (!dist.files.has(path)) report('error', `${what} URL ${url} refers to "${path}", which is not in the output folder`);
}

const SCRIPT_SRC = /<script\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1/gi;

/** A Finesse library script in either form (root-relative, or from the scheme/host/hostPort UserPrefs). */
const isFinesseLibrary = (src: string) => FINESSE_SCRIPTS.some((lib) => src === lib || src === FINESSE_FROM_PREFS + lib);

/** The folder our script is served from, when the gadget XMLs use absolute URLs (the --base-url). */
export function detectBaseUrl(dist: DistContents): string | undefined {
  for (const spec of GADGET_XMLS) {
    const content = dist.xml.get(spec.file) ?? '';
    for (const [, , src] of content.matchAll(SCRIPT_SRC)) {
      if (!src || isFinesseLibrary(src)) continue;
      if (isAbsolute(src)) return new URL('./', src).href;
      if (isRootRelative(src)) return src.slice(0, src.lastIndexOf('/') + 1);
    }
  }
  return undefined;
}

function validateGadget(spec: (typeof GADGET_XMLS)[number], dist: DistContents, baseUrl: string | undefined, report: Report) {
  const text = dist.xml.get(spec.file);
  if (text === undefined) return report('error', 'missing from the output folder');
  const doc = parseXml(text, report);
  if (!doc) return;
  const module = doc.documentElement;
  if (!module || module.localName !== 'Module') return report('error', 'the root element must be <Module>');
  const prefs = children(module, 'ModulePrefs')[0];
  if (!prefs) return report('error', 'has no <ModulePrefs>');
  if (!prefs.getAttribute('title')?.trim()) report('error', '<ModulePrefs> has no title');

  const required = new Map(children(prefs, 'Require').map((r) => [r.getAttribute('feature') ?? '', r]));
  for (const feature of REQUIRED_FEATURES) {
    if (!required.has(feature)) report('error', `does not declare <Require feature="${feature}"/> (finesse.js needs it)`);
  }
  const loading = required.get('loadingindicator');
  const manual = loading && children(loading, 'Param').find((p) => p.getAttribute('name') === 'manual-dismiss');
  if (loading && manual?.textContent?.trim() !== 'true') {
    report('error', 'loadingindicator must have <Param name="manual-dismiss">true</Param> (the gadget dismisses it when ready)');
  }

  for (const pref of spec.userPrefs) {
    const el = children(module, 'UserPref').find((u) => u.getAttribute('name') === pref.name);
    if (!el) report('error', `has no <UserPref name="${pref.name}">`);
    else if (el.getAttribute('default_value') !== pref.defaultValue) {
      report('error', `<UserPref name="${pref.name}"> must default to "${pref.defaultValue}" (is "${el.getAttribute('default_value')}")`);
    }
  }

  const content = children(module, 'Content').find((c) => (c.getAttribute('type') ?? 'html') === 'html');
  if (!content) return report('error', 'has no <Content type="html">');
  const html = content.textContent ?? '';
  if (!/^\s*<!DOCTYPE html>/i.test(html)) report('error', '<Content> must start with <!DOCTYPE html> (Cisco\'s gadgets do; without it the page renders in quirks mode)');
  const srcs = [...html.matchAll(SCRIPT_SRC)].map((m) => m[2] ?? '');
  // The form the build chooses (render.ts finesseLibraryOrigin): root-relative only on Finesse's own server.
  const onFinesse = servedByFinesse(baseUrl);
  const origin = onFinesse ? '' : FINESSE_FROM_PREFS;
  const why = onFinesse
    ? 'root-relative, from the Finesse server that serves these files'
    : `from the Finesse host through the scheme/host/hostPort UserPrefs, since these files are not served by Finesse (root-relative would resolve against ${baseUrl ?? 'the gadget host'})`;
  FINESSE_SCRIPTS.forEach((lib, i) => {
    if (srcs[i] !== origin + lib) report('error', `script #${i + 1} must be ${origin + lib} (${why}); found ${srcs[i] ?? 'none'}`);
  });
  if (!onFinesse) {
    for (const name of FINESSE_HOST_PREFS) {
      const el = children(module, 'UserPref').find((u) => u.getAttribute('name') === name);
      if (!el) report('error', `has no <UserPref name="${name}" datatype="hidden" default_value=""/> (the Finesse library URL is built from it)`);
    }
  }
  const own = srcs.filter((s) => !isFinesseLibrary(s));
  if (own.length === 0) report('error', 'loads no gadget script');
  for (const src of own) checkOwnUrl(src, 'script', spec.file, dist, baseUrl, report);

  if (baseUrl) {
    const marker = isRootRelative(baseUrl) ? baseUrl : new URL(baseUrl).host;
    const rewrite = children(prefs, 'Optional').find((o) => o.getAttribute('feature') === 'content-rewrite');
    const excluded = rewrite
      ? children(rewrite, 'Param').filter((p) => p.getAttribute('name') === 'exclude-url').map((p) => p.textContent?.trim() ?? '')
      : [];
    const ok = own.every((src) => excluded.some((x) => x !== '' && src.includes(x)));
    if (!ok) report('error', `content-rewrite is not excluded for our host: add <Optional feature="content-rewrite"><Param name="exclude-url">${marker}</Param></Optional>`);
  }
}

function validateLayout(dist: DistContents, baseUrl: string | undefined, report: Report) {
  const text = dist.xml.get(LAYOUT_FILE);
  if (text === undefined) return report('error', 'missing from the output folder');
  // Unescaped "&" outside comments: CFAdmin rejects the layout. Point at the line before parsing fails.
  const noComments = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const m of noComments.matchAll(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi)) {
    const line = noComments.slice(0, m.index).split('\n').length;
    report('error', `line ${line}: "&" must be written "&amp;" inside the layout XML`);
  }
  const doc = parseXml(text, report);
  if (!doc) return;
  const root = doc.documentElement;
  if (!root || root.localName !== 'finesseLayout' || root.namespaceURI !== FINESSE_LAYOUT_NS) {
    return report('error', `the root element must be <finesseLayout xmlns="${FINESSE_LAYOUT_NS}">`);
  }
  for (const { role, tabs } of LAYOUT) {
    const layout = children(root, 'layout').find((l) => children(l, 'role')[0]?.textContent?.trim() === role);
    if (!layout) {
      report('error', `has no <layout> for role ${role}`);
      continue;
    }
    for (const tab of tabs) {
      const el = descendants(layout, 'tab').find((t) => children(t, 'id')[0]?.textContent?.trim() === tab.id);
      const gadgets = el ? descendants(el, 'gadget') : [];
      const urls = gadgets.map((g) => g.textContent ?? '');
      const ours = urls.find((u) => u.trim().split('?')[0]?.endsWith(tab.gadgetFile));
      if (ours === undefined) {
        report('error', `${role} tab "${tab.id}" has no <gadget> for ${tab.gadgetFile}`);
        continue;
      }
      if (ours !== ours.trim()) report('error', `${role} tab "${tab.id}": whitespace around the URL inside <gadget> (Finesse does not trim it)`);
      const url = ours.trim();
      checkOwnUrl(url.split('?')[0] ?? url, `${role} tab "${tab.id}" gadget`, LAYOUT_FILE, dist, baseUrl, report);
      const query = new URLSearchParams(url.split('?')[1] ?? '');
      for (const [name, value] of Object.entries(tab.params)) {
        if (query.get(name) !== value) report('error', `${role} tab "${tab.id}": the gadget URL needs ${name}=${value}`);
      }
    }
  }
}

/** A locale file a gadget script loads from beside itself (`journey.de-<hash>.js`, shared/i18n/translations.ts). */
const LOCALE_FILE = new RegExp(`\\b(?:${[...new Set(GADGET_XMLS.map((s) => s.bundle))].join('|')})\\.[\\w-]+\\.js\\b`, 'g');

/** Every locale file a script names must be uploaded with it, or agents in that locale get English. */
function validateScript(code: string, dist: DistContents, report: Report) {
  for (const [name] of code.matchAll(LOCALE_FILE)) {
    if (!dist.files.has(name)) report('error', `loads "${name}" from beside itself, which is not in the output folder`);
  }
}

export function validateDist(dist: DistContents): Finding[] {
  const findings: Finding[] = [];
  const baseUrl = detectBaseUrl(dist);
  const reporter = (file: string): Report => (level, message) => void findings.push({ level, file, message });
  for (const spec of GADGET_XMLS) validateGadget(spec, dist, baseUrl, reporter(spec.file));
  validateLayout(dist, baseUrl, reporter(LAYOUT_FILE));
  for (const [file, code] of dist.scripts ?? []) validateScript(code, dist, reporter(file));
  return findings;
}

/** Human-readable lines, errors first. */
export function formatFindings(findings: Finding[]): string {
  if (findings.length === 0) return 'gadget XML: all checks passed';
  const order = { error: 0, warning: 1 };
  return [...findings]
    .sort((a, b) => order[a.level] - order[b.level])
    .map((f) => `${f.level.toUpperCase().padEnd(7)} ${f.file}: ${f.message}`)
    .join('\n');
}
