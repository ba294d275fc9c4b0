// Entry of the journey gadget bundle: the shared root boots, then hands the services to <cx-journey-app>.
import { startGadget } from '../../shared/gadget-root.js';
import './app.js';

void startGadget({ gadget: 'journey', app: document.createElement('cx-journey-app') });
