/**
 * The shared services as @lit/context contexts: only the analytics gadget's pre-root code (gadgets/analytics/
 * provide.ts) uses them. On the shared root (gadget-root.ts) services travel as properties; once analytics is on
 * the root, this module goes.
 */
import { createContext } from '@lit/context';
import type { FinesseAdapter, FinesseSession } from './finesse/types.js';
import type { GadgetConfig } from './config/types.js';
import type { WxmApi } from './wxm/api.js';

export const wxmContext = createContext<WxmApi>(Symbol('cx-wxm'));
export const sessionContext = createContext<FinesseSession>(Symbol('cx-session'));
export const configContext = createContext<GadgetConfig>(Symbol('cx-config'));
export const finesseContext = createContext<FinesseAdapter>(Symbol('cx-finesse'));
/** BCP-47 locale the UI formats dates and numbers in (the same as the catalogue's current locale). */
export const localeContext = createContext<string>(Symbol('cx-locale'));

