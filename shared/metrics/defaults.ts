/**
 * The defaults of the domain rules, in one place (docs/metrics.md): the NPS passive band when the account's
 * settings give none, and the headline formulas when the configuration gives none.
 */
import type { Formulas, NpsBands } from './types.js';

export const DEFAULT_BANDS: Readonly<NpsBands> = Object.freeze({ passiveMin: 7, passiveMax: 8 });

export const DEFAULT_FORMULAS: Readonly<Formulas> = Object.freeze<Formulas>({ csatFormula: 'top2', cesFormula: 'mean' });
