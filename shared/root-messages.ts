/** Strings of the gadget root (shared/gadget-root.ts): the boot failure and the configuration problems. */
import { defineMessages } from './i18n/catalogue.js';

const en = {
  'boot.failed': 'The gadget could not start.',
  'config.heading': 'This gadget is not set up correctly',
};

export type RootKey = keyof typeof en;

export const rootMsg = defineMessages<RootKey>('root', en);
