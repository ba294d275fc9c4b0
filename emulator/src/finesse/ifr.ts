/**
 * `/gadgets/ifr`: renders a gadget from its XML spec into an iframe page, as Shindig does — container
 * script first, then `<base href>` at the spec URL (so the Content's relative URLs resolve against it),
 * then the Content with `__UP_name__` substituted. The gadget URL with its own query stays in this page's
 * `url` parameter.
 */
import type { World } from '../world/types.js';
import { containerScript, upPrefs } from './container.js';
import { parseGadgetSpec, SpecError, type GadgetSpec } from './gadget-spec.js';
import { escapeHtml } from './http.js';
import { readInside } from './static.js';
import type { FinesseUser } from './users.js';

/** Where Finesse's 3rdpartygadget server keeps our files; the emulator maps it onto distDir. */
export const GADGET_FILES = '/3rdpartygadget/files/cx/';

export interface IfrInput {
  world: World;
  distDir: string;
  /** This emulator's own origin, for root-relative spec URLs. */
  selfOrigin: string;
  params: URLSearchParams;
  user: FinesseUser;
  authToken?: string;
}

export interface IfrResult {
  status: number;
  html: string;
}

async function loadSpec(rawUrl: string, distDir: string, selfOrigin: string): Promise<{ xml: string; base: string }> {
  const url = new URL(rawUrl, selfOrigin);
  if (url.pathname.startsWith(GADGET_FILES)) {
    const xml = await readInside(distDir, url.pathname.slice(GADGET_FILES.length));
    if (xml === undefined) throw new FetchError(`no file ${url.pathname} in the built gadgets (run npm run build)`);
    // Root-relative base: right on whatever origin the browser reached the emulator by (e.g. a test proxy).
    return { xml, base: url.pathname };
  }
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (e) {
    throw new FetchError(`could not fetch the gadget XML at ${url.origin}${url.pathname}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new FetchError(`the gadget XML at ${url.origin}${url.pathname} answered ${res.status}`);
  return { xml: await res.text(), base: url.href };
}

class FetchError extends Error {}

export async function renderIfr(input: IfrInput): Promise<IfrResult> {
  const rawUrl = input.params.get('url');
  if (!rawUrl) return errorPage(400, 'missing the url parameter (the gadget XML URL)');
  let spec: GadgetSpec;
  let base: string;
  try {
    const loaded = await loadSpec(rawUrl, input.distDir, input.selfOrigin);
    base = loaded.base;
    spec = parseGadgetSpec(loaded.xml);
  } catch (e) {
    if (e instanceof FetchError) return errorPage(502, e.message);
    if (e instanceof SpecError) return errorPage(422, e.message);
    throw e;
  }
  // The container's up_* values (the desktop passes scheme/host/hostPort, as Finesse does), else the defaults.
  const prefs: Record<string, string> = {};
  for (const p of spec.prefs) prefs[p.name] = p.defaultValue;
  Object.assign(prefs, upPrefs(input.params));
  const script = containerScript(input.world, {
    user: input.user,
    gadgetUrl: rawUrl,
    prefs,
    manualDismiss: spec.manualDismiss,
    title: spec.title,
    authToken: input.authToken,
    params: Object.fromEntries(input.params),
  });
  const warning = spec.missingFeatures.length
    ? `<div role="alert" data-cx-emulator="missing-features" style="font:13px sans-serif;background:#fff4ce;color:#3b2f00;padding:4px 8px">` +
      `Emulator: this gadget spec does not require ${escapeHtml(spec.missingFeatures.join(', '))} (finesse.js needs them).</div>\n`
    : '';
  const html =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n` +
    `<title>${escapeHtml(spec.title || 'Gadget')}</title>\n` +
    // Before <base>: this inline script is part of the container, not of the gadget.
    `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>\n` +
    `<base href="${escapeHtml(base)}">\n</head><body>\n${warning}${substituteUserPrefs(spec, prefs)}\n</body></html>\n`;
  return { status: 200, html };
}

/**
 * Shindig's UserPrefSubstituter: each `__UP_name__` of a pref the spec declares becomes the pref's value (the
 * container's up_ value, else the spec's default_value, else ""), HTML-escaped; undeclared names stay as written.
 */
export function substituteUserPrefs(spec: Pick<GadgetSpec, 'prefs' | 'content'>, values: Record<string, string>): string {
  const declared = new Set(spec.prefs.map((p) => p.name));
  return spec.content.replace(/__UP_([\w.-]+?)__/g, (whole, name: string) => (declared.has(name) ? escapeHtml(values[name] ?? '') : whole));
}

function errorPage(status: number, message: string): IfrResult {
  const html =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Gadget error</title></head>` +
    `<body style="font:14px sans-serif;margin:8px"><p role="alert" data-cx-emulator="gadget-error">` +
    `<strong>Gadget could not be rendered:</strong> ${escapeHtml(message)}</p></body></html>\n`;
  return { status, html };
}
