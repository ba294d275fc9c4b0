// Entry of the analytics gadget bundle: boot the shared core, provide its services, render the app.
import { bootGadget } from '../../shared/boot.js';
import { toAppError } from '../../shared/errors.js';
import '../../shared/ui/state-panel.js';
import { provideServices } from './provide.js';
import './app.js';

async function start(): Promise<void> {
  const host = document.createElement('div');
  document.body.append(host);
  try {
    const boot = await bootGadget({});
    provideServices(host, boot);
    const app = document.createElement('cx-analytics-app');
    app.problems = boot.problems;
    host.append(app);
    await app.updateComplete;
    // Finesse shows its own spinner until the gadget says it has something on screen.
    boot.adapter.dismissLoading();
    boot.adapter.adjustHeight();
  } catch (e) {
    const panel = document.createElement('cx-state-panel');
    panel.kind = 'error';
    panel.error = toAppError(e);
    panel.diagnostics = { gadget: 'analytics', stage: 'boot' };
    panel.addEventListener('cx-retry', () => location.reload());
    host.replaceChildren(panel);
  }
}

void start();
