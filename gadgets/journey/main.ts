// Entry of the journey gadget bundle: boot the shared core, then hand the services to <cx-journey-app>.
import { bootGadget } from '../../shared/boot.js';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { toAppError } from '../../shared/errors.js';
import './app.js';

async function main(): Promise<void> {
  const app = document.createElement('cx-journey-app');
  document.body.append(app);
  // Created here (not inside bootGadget) so that a failed boot can still lift the loading indicator.
  const adapter = createFinesseAdapter();
  try {
    const services = await bootGadget({ adapter });
    app.services = services;
  } catch (e) {
    app.bootError = toAppError(e);
  }
  await app.updateComplete;
  adapter.dismissLoading();
  adapter.adjustHeight();
}

void main();
