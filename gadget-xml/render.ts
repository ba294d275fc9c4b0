/**
 * Pure rendering of the gadget XML files from the templates (text in, text out; no file system), so the
 * Vite plugin and the tests share one implementation.
 *
 * Template syntax: `{{name}}` inserts an escaped value (valid both in XML and in the HTML inside CDATA),
 * `{{{name}}}` inserts a fragment we built ourselves.
 */
import { FINESSE_FROM_PREFS, FINESSE_HOST_PREFS, FINESSE_SCRIPTS, LAYOUT, servedByFinesse, type GadgetXmlSpec, type UserPrefSpec } from './catalogue.js';

export interface EmitOptions {
  /** Absolute URL of the folder the files are served from (ends with "/"); undefined = relative URLs. */
  baseUrl?: string;
  /** The WxM base URLs baked into the scripts (named in the layout snippet's comment for the admin). */
  wxmBaseUrls?: readonly string[];
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  // A fragment placeholder alone on its line leaves no empty line behind when the fragment is empty.
  const trimmed = template.replace(/^[ \t]*\{\{\{(\w+)\}\}\}\n/gm, (line, name: string) => (values[name] === '' ? '' : line));
  return trimmed.replace(/\{\{(\{?)(\w+)\}?\}\}/g, (_m, raw: string, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return raw ? value : escapeXml(value);
  });
}

/** A base URL like "/3rdpartygadget/files/cx/": on whichever Finesse server serves the desktop. */
export const isRootRelative = (url: string) => url.startsWith('/') && !url.startsWith('//');

/**
 * Checks and normalises a --base-url (folder: absolute or root-relative, ends with "/"). Throws with a message
 * for the admin.
 */
export function normaliseBaseUrl(value: string, flag: string, { folder }: { folder: boolean }): string {
  if (/\s/.test(value)) throw new Error(`${flag} must not contain whitespace (got "${value}")`);
  if (folder && isRootRelative(value)) {
    if (/[?#]/.test(value)) throw new Error(`${flag} must not have a query or fragment`);
    return value.endsWith('/') ? value : `${value}/`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${flag} must be an absolute URL such as https://host:8445/3rdpartygadget/files/cx/ (got "${value}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${flag} must use https (got ${url.protocol})`);
  if (url.search || url.hash) throw new Error(`${flag} must not have a query or fragment`);
  const text = url.href;
  if (folder) return text.endsWith('/') ? text : `${text}/`;
  return text.replace(/\/+$/, '');
}

/** URL of a file of ours, as written into the XML: under the base URL, or relative to the XML. */
export function assetUrl(file: string, opts: EmitOptions): string {
  if (!opts.baseUrl) return file;
  return isRootRelative(opts.baseUrl) ? opts.baseUrl + file : new URL(file, opts.baseUrl).href;
}

/** What to exclude from Shindig's rewriting so that our URLs stay untouched (substring match). */
export function ownUrlMarker(baseUrl: string): string {
  return isRootRelative(baseUrl) ? baseUrl : new URL(baseUrl).host;
}

/** A gadget URL for the layout, unescaped (`&` as is); the caller escapes it for XML. */
export function layoutGadgetUrl(file: string, params: Record<string, string>, opts: EmitOptions): string {
  const qs = new URLSearchParams(params).toString();
  return assetUrl(file, opts) + (qs ? `?${qs}` : '');
}

function contentRewrite(opts: EmitOptions): string {
  // The Finesse library must never go through Shindig's concatenation (Cisco's guidance for gadgets hosted
  // elsewhere); our own host is excluded so Shindig neither proxies nor rewrites our script.
  const excluded = ['/desktop/assets/js/'];
  if (opts.baseUrl) excluded.unshift(ownUrlMarker(opts.baseUrl));
  const params = excluded.map((u) => `      <Param name="exclude-url">${escapeXml(u)}</Param>`).join('\n');
  return `    <Optional feature="content-rewrite">\n${params}\n    </Optional>`;
}

/**
 * Where the Finesse library comes from. On Finesse's own 3rdpartygadget server: root-relative, which follows
 * whatever host and port the browser reached the desktop by (another cluster node, a VPN-less reverse proxy),
 * as the token service URL does. Anywhere else (an external host, or a relative build whose host is not known
 * yet): from the scheme/host/hostPort UserPrefs the Finesse container fills for every gadget, since Shindig
 * resolves root-relative URLs against the gadget spec's own host. The relative build takes this form because
 * it works on both.
 */
export function finesseLibraryOrigin(opts: EmitOptions): string {
  return servedByFinesse(opts.baseUrl) ? '' : FINESSE_FROM_PREFS;
}

function userPrefs(spec: GadgetXmlSpec, opts: EmitOptions): string {
  const hostPrefs: UserPrefSpec[] = finesseLibraryOrigin(opts) ? FINESSE_HOST_PREFS.map((name) => ({ name, defaultValue: '' })) : [];
  const prefs = [...spec.userPrefs, ...hostPrefs];
  if (prefs.length === 0) return '';
  return prefs
    .map((p) => `  <UserPref name="${escapeXml(p.name)}" datatype="hidden" default_value="${escapeXml(p.defaultValue)}"/>`)
    .join('\n');
}

function assertCdataSafe(value: string): string {
  if (value.includes(']]>')) throw new Error(`"${value}" cannot be written inside CDATA`);
  return value;
}

/** Renders one gadget XML; `scriptFile` is the emitted (hashed) file name of its bundle. */
export function renderGadgetXml(template: string, spec: GadgetXmlSpec, scriptFile: string, opts: EmitOptions): string {
  const scriptUrl = assertCdataSafe(assetUrl(scriptFile, opts));
  const library = finesseLibraryOrigin(opts);
  return fillTemplate(template, {
    jqueryUrl: library + FINESSE_SCRIPTS[0],
    finesseUrl: library + FINESSE_SCRIPTS[1],
    file: spec.file,
    title: spec.title,
    description: spec.description,
    bundle: spec.bundle,
    scriptUrl,
    scriptHost: !opts.baseUrl ? 'the gadget host' : isRootRelative(opts.baseUrl) ? `the Finesse server (${opts.baseUrl})` : new URL(opts.baseUrl).host,
    contentRewrite: contentRewrite(opts),
    userPrefs: userPrefs(spec, opts),
  });
}

export function renderLayoutSnippet(template: string, opts: EmitOptions): string {
  const layouts = LAYOUT.map(({ role, tabs }) => {
    const tabXml = tabs.map((tab) => {
      const url = escapeXml(layoutGadgetUrl(tab.gadgetFile, tab.params, opts));
      return [
        `      <tab>`,
        `        <id>${tab.id}</id>`,
        `        <label>${tab.label}</label>`,
        `        <columns>`,
        `          <column>`,
        `            <gadgets>`,
        `              <!-- PASTE into the ${role} layout, tab "${tab.id}", inside <gadgets>: -->`,
        `              <gadget>${url}</gadget>`,
        `            </gadgets>`,
        `          </column>`,
        `        </columns>`,
        `      </tab>`,
      ].join('\n');
    });
    return [`  <layout>`, `    <role>${role}</role>`, `    <tabs>`, ...tabXml, `    </tabs>`, `  </layout>`].join('\n');
  }).join('\n');
  const builtFor = opts.baseUrl ? ` for ${opts.baseUrl}` : ' with URLs relative to this file';
  const wxm = opts.wxmBaseUrls?.length ? opts.wxmBaseUrls.join(', ') : 'the public default (see README)';
  const comment = (text: string) => escapeXml(text).replace(/--/g, '- -');
  return fillTemplate(template, { layouts, builtFor: comment(builtFor), wxmBaseUrls: comment(wxm) });
}
