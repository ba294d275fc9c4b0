/** Hands the gadget's services to every element below `host` through @lit/context (one context per concern). */
import { ContextProvider } from '@lit/context';
import { configContext, finesseContext, localeContext, sessionContext, wxmContext } from '../../shared/context.js';
import type { WxmApi } from '../../shared/wxm/api.js';
import type { FinesseAdapter, FinesseSession } from '../../shared/finesse/types.js';
import type { GadgetConfig } from '../../shared/config/types.js';

export interface AnalyticsServices {
  wxm: WxmApi;
  session: FinesseSession;
  config: GadgetConfig;
  adapter: FinesseAdapter;
  locale: string;
}

/** `host` may be any element (a plain div works); call after it is in the document. */
export function provideServices(host: HTMLElement, s: AnalyticsServices): void {
  const providers = [
    new ContextProvider(host, { context: wxmContext, initialValue: s.wxm }),
    new ContextProvider(host, { context: sessionContext, initialValue: s.session }),
    new ContextProvider(host, { context: configContext, initialValue: s.config }),
    new ContextProvider(host, { context: finesseContext, initialValue: s.adapter }),
    new ContextProvider(host, { context: localeContext, initialValue: s.locale }),
  ];
  for (const p of providers) p.hostConnected();
}
