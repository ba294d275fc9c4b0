/**
 * Behaviours the public sources leave open (issue 10, item 12): the emulator offers each plausible variant, set at
 * start (`--page-base`, `--token-expiry`, `--token-body`) or at run time (`POST /_emulator/variants`), so tests run
 * the gadgets against all of them. Held per world, which both halves (WxM and Finesse) share.
 *
 * - pageBase: whether `/api/answers/page/{page}` counts from 0 or 1 (the vendor .NET client defaults to 0, others 1).
 * - tokenExpiry: how the Cloud Connect token body states expiry: `expires_at` epoch ms (CCAI, verified),
 *   `expires_at` epoch s, or `expires_in` seconds (OAuth style).
 * - tokenBody: the name of the token field: `access_token` (CCAI, verified), `accessToken`, `token`.
 */
import type { World } from './world/types.js';

export const PAGE_BASES = [0, 1] as const;
export const TOKEN_EXPIRIES = ['at-ms', 'at-s', 'in-s'] as const;
export const TOKEN_BODIES = ['access_token', 'accessToken', 'token'] as const;

export interface Variants {
  pageBase: (typeof PAGE_BASES)[number];
  tokenExpiry: (typeof TOKEN_EXPIRIES)[number];
  tokenBody: (typeof TOKEN_BODIES)[number];
}

export const DEFAULT_VARIANTS: Variants = { pageBase: 1, tokenExpiry: 'at-ms', tokenBody: 'access_token' };

const byWorld = new WeakMap<World, Variants>();

export function variantsOf(world: World): Variants {
  let v = byWorld.get(world);
  if (!v) byWorld.set(world, (v = { ...DEFAULT_VARIANTS }));
  return v;
}

/** Applies the known keys of `patch` (strings or numbers); throws with a readable message on a bad value. */
export function setVariants(world: World, patch: Record<string, unknown>): Variants {
  const v = variantsOf(world);
  const next = { ...v };
  const pick = <T extends string | number>(key: keyof Variants, allowed: readonly T[]) => {
    if (patch[key] === undefined) return;
    const value = allowed.find((a) => String(a) === String(patch[key]));
    if (value === undefined) throw new Error(`${key} must be one of ${allowed.join(', ')}`);
    (next as Record<string, unknown>)[key] = value;
  };
  pick('pageBase', PAGE_BASES);
  pick('tokenExpiry', TOKEN_EXPIRIES);
  pick('tokenBody', TOKEN_BODIES);
  return Object.assign(v, next);
}

/** The Cloud Connect token body in the world's variant. */
export function tokenBody(v: Variants, token: string, expiresAt: number, now = Date.now()): Record<string, unknown> {
  const expiry = v.tokenExpiry === 'at-ms' ? { expires_at: expiresAt }
    : v.tokenExpiry === 'at-s' ? { expires_at: Math.floor(expiresAt / 1000) }
    : { expires_in: Math.max(0, Math.floor((expiresAt - now) / 1000)) };
  return { [v.tokenBody]: token, ...expiry };
}
