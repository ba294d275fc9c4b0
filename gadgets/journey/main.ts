// Entry of the journey gadget bundle: the shared root boots, then hands the services to <cx-journey-app>.
import { startGadget } from '../../shared/gadget-root.js';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { watchCalls } from '../../shared/finesse/calls.js';
import { createWxmReader } from '../../shared/wxm/wxm-client.js';
import { JOURNEY_PARAMS } from '../../shared/config/journey-params.js';
import { COMPACT_PREF } from './app.js';

void startGadget({
  gadget: 'journey',
  wxmClient: createWxmReader,
  params: JOURNEY_PARAMS,
  adapter: createFinesseAdapter({ prefNames: [COMPACT_PREF], calls: watchCalls }),
  app: document.createElement('cx-journey-app'),
});
