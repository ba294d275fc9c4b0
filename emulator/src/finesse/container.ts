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

export function containerScript(_world: World, boot: ContainerBoot): string {
  runtime ??= readFileSync(RUNTIME_URL, 'utf8');
  const a = boot.user.agent;
  const data = {
    user: {
      id: a.id,
      authorization: basicAuth(a.id),
      authToken: boot.authToken,
      cceSkillTargetId: a.skillTargetId,
      locale: 'en_US',
    },
    gadgetUrl: boot.gadgetUrl,
    prefs: boot.prefs,
    manualDismiss: boot.manualDismiss,
    title: boot.title,
    params: boot.params,
  };
  return `var __cxEmuContainer = ${scriptJson(data)};\n${runtime}`;
}
