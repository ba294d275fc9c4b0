/** Everything the Finesse-side routes share (built once by index.ts). */
import type { FaultRegistry } from '../faults.js';
import type { TokenStore } from '../tokens.js';
import type { World } from '../world/types.js';
import type { CallCenter } from './calls.js';
import type { EventHub } from './events.js';
import type { SurveyLog } from './survey-hook.js';

export interface FinesseContext {
  world: World;
  tokens: TokenStore;
  /** Faults on WxM routes (shared with the WxM half). */
  wxmFaults: FaultRegistry;
  /** Faults on Finesse-side routes (token service, /cherrypoint/authtoken, /finesse/api/Team). */
  finesseFaults: FaultRegistry;
  /** Shared with the WxM half, which reads it on every request. */
  rateLimit: { max: number; windowMs: number };
  cloudConnect: { down: boolean };
  ssoTokens: Map<string, string>;
  distDir: string;
  calls: CallCenter;
  hub: EventHub;
  surveys: SurveyLog;
  /** This origin as the emulator listens on it (no trailing slash). */
  selfUrl(): string;
  wxmUrl(): string;
}
