/** The seeded world: what the Finesse half and the WxM half share. */
export { buildWorld, PROFILES, todayUtc, type WorldSizes } from './seed.js';
export { addAnswer, AnswerStore } from './store.js';
export { VOICE, DIGITAL, CHANNELS } from './catalogue.js';
export type * from './types.js';
