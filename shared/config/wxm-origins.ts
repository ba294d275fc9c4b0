/**
 * The WxM addresses this build may send the bearer token to: an admin's decision taken at build time
 * (`npm run build -- --wxm-base-url URL[,URL…]`, baked in through the `__CX_WXM_ORIGINS__` define), never a
 * runtime parameter's. A gadget parameter or UserPref can only pick one of them; the first is the default.
 * The same rules check the build flag (node) and the parameter (browser), so both agree on what is allowed.
 */
declare const __CX_WXM_ORIGINS__: readonly string[] | undefined;

export const PUBLIC_WXM_BASE_URL = 'https://api.getcloudcherry.com';

/** Plain http is only acceptable where nobody else can listen: this machine (the emulator). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A WxM base URL in its one comparable form (no trailing "/"), or why it cannot be one. */
export function normaliseWxmAddress(raw: string): { ok: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { error: `must be an absolute https URL, e.g. ${PUBLIC_WXM_BASE_URL}` };
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return { error: 'must use https (http only for 127.0.0.1, localhost or [::1])' };
  if (url.username || url.password) return { error: 'must not contain credentials' };
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) return { error: 'must not contain a query or fragment' };
  return { ok: url.href.replace(/\/+$/, '') };
}

/** The allowed WxM base URLs of this build (normalised; the first is the default). */
export const WXM_ORIGINS: readonly string[] =
  typeof __CX_WXM_ORIGINS__ !== 'undefined' && __CX_WXM_ORIGINS__.length > 0 ? __CX_WXM_ORIGINS__ : [PUBLIC_WXM_BASE_URL];

/** The name of the define the builds and the test servers set (a JSON array of normalised URLs). */
export const WXM_ORIGINS_DEFINE = '__CX_WXM_ORIGINS__';
