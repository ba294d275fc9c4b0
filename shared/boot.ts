/**
 * Starts the shared engine for a gadget: connect to Finesse, read the configuration, create the token and WxM
 * clients. The gadget root (gadget-root.ts) calls it and hands the results to the gadget's app. `bootWith` takes
 * the WxM client the gadget needs (the journey only reads pages: createWxmReader); `bootGadget` boots with the
 * whole client.
 * Config problems do not stop the boot: the gadget shows them and runs on defaults — except a WxM address this
 * build does not allow, which gets a WxM client that refuses every call (no fallback: the token stays home).
 */
import type { ConfigProblem, GadgetConfig } from './config/types.js';
import { loadConfig } from './config/config.js';
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

export function bootGadget(options: BootOptions = {}): Promise<GadgetServices> {
  return bootWith(createWxmClient, options);
}

export async function bootWith<W extends WxmReads>(createWxm: WxmFactory<W>, options: BootOptions = {}): Promise<GadgetServices<W>> {
  const adapter = options.adapter ?? createFinesseAdapter();
  const session = await adapter.connect();
  const { config, problems, wxmBlocked } = loadConfig(adapter.gadgetParams(), adapter.userPrefs());
  for (const p of problems) log.warn(`configuration: ${p.message}`);
  const tokens = createTokenClient({
    authHeader: () => session.authHeader(),
    tokenSource: config.tokenSource,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // The blocked client refuses every method of the whole client, so it stands in for any of them.
  const wxm = wxmBlocked
    ? (blockedWxm(wxmBlocked) as WxmReads as W)
    : createWxm({
        baseUrl: config.wxmBaseUrl,
        tokens,
        timeoutMs: config.timeoutMs,
        questionnaires: config.questionnaires,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
  return { adapter, session, config, problems, tokens, wxm, locale: config.locale ?? session.locale };
}
