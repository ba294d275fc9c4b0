/** The parameters only the journey gadget reads (docs/parameters.md); the analytics bundle carries no parser. */
import { integer, type ParamParsers } from './config.js';

export const JOURNEY_PARAMS = {
  defaultCountryCode: integer(1, 999),
} satisfies ParamParsers;
