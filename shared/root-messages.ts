/** Strings of the gadget root (shared/gadget-root.ts): the boot failure and the configuration problems. */
import { defineMessages } from './i18n/catalogue.js';

const en = {
  'boot.failed': 'The gadget could not start.',
  'config.heading': 'This gadget is not set up correctly',
  'config.item': '{param}: {message}',
};

export const rootMsg = defineMessages<keyof typeof en>({
  en,
  de: {
    'boot.failed': 'Das Gadget konnte nicht starten.',
    'config.heading': 'Dieses Gadget ist nicht richtig eingerichtet',
    'config.item': '{param}: {message}',
  },
});
