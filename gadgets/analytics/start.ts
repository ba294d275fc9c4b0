/** Boots the shared core into `host` and renders the analytics app (main.ts and the emulator tests use it). */
import { bootGadget, type BootOptions } from '../../shared/boot.js';
import { toAppError } from '../../shared/errors.js';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { setLocale } from '../../shared/i18n/catalogue.js';
import '../../shared/ui/state-panel.js';
import { provideServices } from './provide.js';
import { TEAM_PREF, type AnalyticsApp } from './analytics-app.js';
import './analytics-app.js';

/** `init` may set properties of the app (e.g. its first period) before it renders. */
export async function startAnalytics(
  host: HTMLElement,
  options: BootOptions = {},
  init?: (app: AnalyticsApp) => void,
): Promise<AnalyticsApp | undefined> {
  try {
    // The adapter reads back only the UserPrefs it is told about: the remembered team is one of them.
    const boot = await bootGadget({ adapter: createFinesseAdapter({ prefNames: [TEAM_PREF] }), ...options });
    setLocale(boot.locale);
    provideServices(host, boot);
    const app = document.createElement('cx-analytics-app');
    app.problems = boot.problems;
    init?.(app);
    host.append(app);
    await app.updateComplete;
    // Finesse shows its own spinner until the gadget says it has something on screen.
    boot.adapter.dismissLoading();
    boot.adapter.adjustHeight();
    return app;
  } catch (e) {
    // Boot failed (no container, no session): say so instead of a blank gadget.
    const panel = document.createElement('cx-state-panel');
    panel.kind = 'error';
    panel.error = toAppError(e);
    panel.diagnostics = { gadget: 'analytics', stage: 'boot' };
    panel.addEventListener('cx-retry', () => location.reload());
    host.replaceChildren(panel);
    return undefined;
  }
}
