/**
 * Services injected into components with @lit/context, one context per concern, so components can be
 * tested with fakes and never reach for globals. The gadget's root element provides them (see boot.ts).
 */
import { createContext } from '@lit/context';
import type { FinesseAdapter, FinesseSession } from './finesse/types.js';
import type { GadgetConfig } from './config/types.js';
import type { WxmApi } from './wxm/api.js';

export const wxmContext = createContext<WxmApi>(Symbol('cx-wxm'));
export const sessionContext = createContext<FinesseSession>(Symbol('cx-session'));
export const configContext = createContext<GadgetConfig>(Symbol('cx-config'));
export const finesseContext = createContext<FinesseAdapter>(Symbol('cx-finesse'));
/** BCP-47 locale the UI formats dates and numbers in (config override, else the Finesse user's). */
export const localeContext = createContext<string>(Symbol('cx-locale'));
