// Entry of the journey gadget bundle: the shared root boots, then hands the services to <cx-journey-app>.
import { startGadget } from '../../shared/gadget-root.js';
import { createWxmReader } from '../../shared/wxm/wxm-client.js';
import './app.js';

void startGadget({ gadget: 'journey', wxmClient: createWxmReader, app: document.createElement('cx-journey-app') });
