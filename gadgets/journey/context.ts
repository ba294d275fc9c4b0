/** Journey-only services handed from the app to its views (the shared ones are in shared/context.ts). */
import { createContext } from '@lit/context';
import type { NpsBands } from '../../shared/metrics/types.js';
import type { LookupRegistry } from './registry.js';

export const registryContext = createContext<LookupRegistry>(Symbol('cx-journey-registry'));
/** The NPS passive band from the account settings (read once per session; defaults while loading fails). */
export const bandsContext = createContext<Promise<NpsBands>>(Symbol('cx-journey-bands'));
