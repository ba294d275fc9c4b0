/**
 * Starts the shared engine for a gadget: connect to Finesse, read the configuration, create the token and WxM
 * clients. Each gadget's main.ts calls it and provides the results through the contexts of shared/context.ts.
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
import type { WxmApi } from './wxm/api.js';
import { createWxmClient } from './wxm/wxm-client.js';

export interface GadgetServices {
  adapter: FinesseAdapter;
  session: FinesseSession;
  config: GadgetConfig;
  problems: ConfigProblem[];
  tokens: TokenClient;
  wxm: WxmApi;
  /** The UI locale: config override, else the Finesse user's. */
  locale: string;
}

export interface BootOptions {
  adapter?: FinesseAdapter;
  /** For tests: the fetch both clients use. */
  fetch?: typeof fetch;
}

export async function bootGadget(options: BootOptions = {}): Promise<GadgetServices> {
  const adapter = options.adapter ?? createFinesseAdapter();
  const session = await adapter.connect();
  const { config, problems, wxmBlocked } = loadConfig(adapter.gadgetParams(), adapter.userPrefs());
  for (const p of problems) log.warn(`configuration: ${p.message}`);
  const tokens = createTokenClient({
    authHeader: () => session.authHeader(),
    tokenSource: config.tokenSource,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const wxm = wxmBlocked
    ? blockedWxm(wxmBlocked)
    : createWxmClient({
        baseUrl: config.wxmBaseUrl,
        tokens,
        timeoutMs: config.timeoutMs,
        questionnaires: config.questionnaires,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
  return { adapter, session, config, problems, tokens, wxm, locale: config.locale ?? session.locale };
}
