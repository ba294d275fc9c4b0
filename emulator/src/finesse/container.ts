/**
 * The container script every gadget page gets (Shindig's role): the boot data for one user and gadget,
 * followed by the browser runtime in public/gadgets/container-runtime.js.
 */
import { readFileSync } from 'node:fs';
import type { World } from '../world/types.js';
import { scriptJson } from './http.js';
import { basicAuth, type FinesseUser } from './users.js';

const RUNTIME_URL = new URL('../../public/gadgets/container-runtime.js', import.meta.url);
let runtime: string | undefined;

export interface ContainerBoot {
  user: FinesseUser;
  /** The gadget URL with its query (the iframe's `url` parameter). */
  gadgetUrl: string;
  /** UserPref values: spec defaults overridden by up_* parameters. */
  prefs: Record<string, string>;
  manualDismiss: boolean;
  title: string;
  /** SSO token to put in Config.authToken (SSO desktops). */
  authToken?: string;
  /** The iframe/script parameters, for gadgets.util.getUrlParameters(). */
  params: Record<string, string>;
}

/** up_<name>=value parameters → {name: value}. */
export function upPrefs(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (k.startsWith('up_') && k.length > 3) out[k.slice(3)] = v;
  return out;
}

/**
 * Where the container hands the gadget its CCE skill target id (`stid=` on the desktop or gadget page):
 * `both` (default, the 12.6 container: Config.cceSkillTargetId and the up_cceSkillTargetId parameter),
 * `config` (Config only), `up` (only up_cceSkillTargetId, next to up_id), `none` (not at all).
 */
export type SkillTargetIdMode = 'both' | 'config' | 'up' | 'none';
export const skillTargetIdMode = (v: string | undefined): SkillTargetIdMode =>
  v === 'config' || v === 'up' || v === 'none' ? v : 'both';

export function containerScript(_world: World, boot: ContainerBoot): string {
  runtime ??= readFileSync(RUNTIME_URL, 'utf8');
  const a = boot.user.agent;
  const mode = skillTargetIdMode(boot.params.stid);
  const params = { ...boot.params };
  const prefs = { ...boot.prefs };
  if (mode === 'both' || mode === 'up') {
    params.up_id ??= a.id;
    params.up_cceSkillTargetId ??= a.skillTargetId;
    prefs.cceSkillTargetId ??= params.up_cceSkillTargetId;
  }
  const data = {
    user: {
      id: a.id,
      authorization: basicAuth(a.id),
      authToken: boot.authToken,
      ...(mode === 'both' || mode === 'config' ? { cceSkillTargetId: a.skillTargetId } : {}),
      locale: 'en_US',
    },
    gadgetUrl: boot.gadgetUrl,
    prefs,
    manualDismiss: boot.manualDismiss,
    title: boot.title,
    params,
  };
  return `var __cxEmuContainer = ${scriptJson(data)};\n${runtime}`;
}
