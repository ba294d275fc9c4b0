/**
 * Starts the shared engine for a gadget: connect to Finesse, read the configuration, create the token and WxM
 * clients. The gadget root (gadget-root.ts) calls it and hands the results to the gadget's app. `bootWith` takes
 * what only some gadgets need (GadgetKit: the journey only reads pages and no analytics parameter), so that a
 * bundle carries no more; `bootGadget` boots with everything.
 * Config problems do not stop the boot: the gadget shows them and runs on defaults — except a WxM address this
 * build does not allow, which gets a WxM client that refuses every call (no fallback: the token stays home).
 */
import type { ConfigProblem, GadgetConfig } from './config/types.js';
import { loadConfig, type ParamParsers } from './config/config.js';
import { ANALYTICS_PARAMS } from './config/analytics-params.js';
import { JOURNEY_PARAMS } from './config/journey-params.js';
import { blockedWxm } from './config/wxm-blocked.js';
import { createFinesseAdapter } from './finesse/adapter.js';
import type { FinesseAdapter, FinesseSession } from './finesse/types.js';
import { log } from './log.js';
import { createTokenClient, type TokenClient } from './token/token-client.js';
import type { WxmApi, WxmReads } from './wxm/api.js';
import { createWxmClient, type WxmClientOptions } from './wxm/wxm-client.js';

/** The services of one gadget session; `W` is the WxM client it booted with. */
export interface GadgetServices<W extends WxmReads = WxmApi> {
  adapter: FinesseAdapter;
  session: FinesseSession;
  config: GadgetConfig;
  problems: ConfigProblem[];
  tokens: TokenClient;
  wxm: W;
  /** The UI locale: config override, else the Finesse user's. */
  locale: string;
}

export interface BootOptions {
  adapter?: FinesseAdapter;
  /** For tests: the fetch both clients use. */
  fetch?: typeof fetch;
}

export type WxmFactory<W extends WxmReads> = (options: WxmClientOptions) => W;

/** What a gadget boots with beyond the shared core: its WxM client and the parameters only it reads. */
export interface GadgetKit<W extends WxmReads> {
  /** createWxmReader (pages only) or createWxmClient (also streaming, FlashNPS): shared/wxm/wxm-client.ts. */
  wxmClient: WxmFactory<W>;
  /** The gadget's own parameters (config/analytics-params.ts); the shared ones are always read. */
  params?: ParamParsers;
}

/** Boots with the whole WxM client and every parameter (the analytics gadget, tools and tests). */
export function bootGadget(options: BootOptions = {}): Promise<GadgetServices> {
  return bootWith({ wxmClient: createWxmClient, params: { ...ANALYTICS_PARAMS, ...JOURNEY_PARAMS } }, options);
}

export async function bootWith<W extends WxmReads>(kit: GadgetKit<W>, options: BootOptions = {}): Promise<GadgetServices<W>> {
  const adapter = options.adapter ?? createFinesseAdapter();
  const session = await adapter.connect();
  const { config, problems, wxmBlocked } = loadConfig(adapter.gadgetParams(), adapter.userPrefs(), kit.params);
  for (const p of problems) log.warn(`configuration: ${p.message}`);
  const tokens = createTokenClient({
    authHeader: () => session.authHeader(),
    tokenSource: config.tokenSource,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // The blocked client refuses every method of the whole client, so it stands in for any of them.
  const wxm = wxmBlocked
    ? (blockedWxm(wxmBlocked) as WxmReads as W)
    : kit.wxmClient({
        baseUrl: config.wxmBaseUrl,
        tokens,
        timeoutMs: config.timeoutMs,
        questionnaires: config.questionnaires,
        finesseOrigin: session.finesseOrigin,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
  return { adapter, session, config, problems, tokens, wxm, locale: config.locale ?? session.locale };
}
