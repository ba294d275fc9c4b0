/** The WxM half of the emulator: what index.ts composes. */
export { createWxmHandler, type WxmContext } from './handler.js';
export { DEFAULT_RATE_LIMIT } from './rate-limit.js';
export { SurveyTokenStore, type SurveyToken } from './surveys.js';
export { query } from './query.js';
export { flashNps } from './aggregates.js';
