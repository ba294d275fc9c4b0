/**
 * The shared services as @lit/context contexts, for gadgets whose components deeper in the tree @consume them:
 * such a gadget passes `provideServices` to startGadget (gadget-root.ts), which provides them on the root.
 * A gadget whose app passes services down as properties (the journey) never imports this module.
 */
import { ContextProvider, createContext } from '@lit/context';
import type { GadgetServices } from './boot.js';
import type { FinesseAdapter, FinesseSession } from './finesse/types.js';
import type { GadgetConfig } from './config/types.js';
import type { WxmApi } from './wxm/api.js';

export const wxmContext = createContext<WxmApi>(Symbol('cx-wxm'));
export const sessionContext = createContext<FinesseSession>(Symbol('cx-session'));
export const configContext = createContext<GadgetConfig>(Symbol('cx-config'));
export const finesseContext = createContext<FinesseAdapter>(Symbol('cx-finesse'));
/** BCP-47 locale the UI formats dates and numbers in (the same as the catalogue's current locale). */
export const localeContext = createContext<string>(Symbol('cx-locale'));

/** Provides every service on `host` (call before the consuming elements connect below it). */
export function provideServices(host: HTMLElement, s: GadgetServices<WxmApi>): void {
  const providers = [
    new ContextProvider(host, { context: wxmContext, initialValue: s.wxm }),
    new ContextProvider(host, { context: sessionContext, initialValue: s.session }),
    new ContextProvider(host, { context: configContext, initialValue: s.config }),
    new ContextProvider(host, { context: finesseContext, initialValue: s.adapter }),
    new ContextProvider(host, { context: localeContext, initialValue: s.locale }),
  ];
  for (const p of providers) p.hostConnected();
}
