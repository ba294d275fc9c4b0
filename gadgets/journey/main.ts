// Entry of the journey gadget bundle: boot the shared core, then hand the services to <cx-journey-app>.
import { bootGadget } from '../../shared/boot.js';
import { toAppError } from '../../shared/errors.js';
import './app.js';

async function main(): Promise<void> {
  const app = document.createElement('cx-journey-app');
  document.body.append(app);
  try {
    const services = await bootGadget();
    app.services = services;
    await app.updateComplete;
    services.adapter.dismissLoading();
    services.adapter.adjustHeight();
  } catch (e) {
    app.bootError = toAppError(e);
  }
}

void main();
