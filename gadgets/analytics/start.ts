/** Starts the analytics gadget on the shared root (main.ts, the emulator tests and the bench use it). */
import { startGadget } from '../../shared/gadget-root.js';
import type { BootOptions } from '../../shared/boot.js';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import { ANALYTICS_PARAMS } from '../../shared/config/analytics-params.js';
import { TEAM_PREF, type AnalyticsApp } from './analytics-app.js';
import './analytics-app.js';

/** Resolves with the app once it is on screen, or undefined when the boot failed (the root then shows why). */
export async function startAnalytics(
  host: HTMLElement = document.body,
  options: BootOptions = {},
  /** May set properties of the app (e.g. its first period) before it renders. */
  init?: (app: AnalyticsApp) => void,
): Promise<AnalyticsApp | undefined> {
  const app = document.createElement('cx-analytics-app');
  init?.(app);
  const root = await startGadget({
    gadget: 'analytics',
    wxmClient: createWxmClient,
    params: ANALYTICS_PARAMS,
    app,
    host,
    // The adapter reads back only the UserPrefs it is told about: the remembered team is one of them.
    adapter: createFinesseAdapter({ prefNames: [TEAM_PREF] }),
    ...options,
  });
  return root.bootError ? undefined : app;
}
