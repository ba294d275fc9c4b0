/** NPS from counts (docs/metrics.md): bands from settings, score, interval, low-sample flag. */
import type { FlashNps, WxmSettings } from '../wxm/types.js';
import { DEFAULT_BANDS } from './defaults.js';
import { npsInterval } from './interval.js';
import type { NpsBands, NpsResult } from './types.js';

/**
 * Passive band from settings.npsRange ("7,8"). Accepts spaces and ",", ";", "-" or "–" as separator, and the two
 * bounds in either order; anything else (garbage, decimals, a band that leaves no detractor or promoter
 * values on 0–10) → the default 7–8.
 */
export function npsBands(settings: WxmSettings | undefined): NpsBands {
  const raw = settings?.npsRange;
  if (typeof raw !== 'string') return { ...DEFAULT_BANDS };
  const m = /^\s*(\d{1,2})\s*[,;\-–]\s*(\d{1,2})\s*$/.exec(raw);
  if (!m) return { ...DEFAULT_BANDS };
  const a = Number(m[1]);
  const b = Number(m[2]);
  const passiveMin = Math.min(a, b);
  const passiveMax = Math.max(a, b);
  if (passiveMin < 1 || passiveMax > 9) return { ...DEFAULT_BANDS };
  return { passiveMin, passiveMax };
}

/** Score and interval from the three counts; n = 0 → score null ("no responses", never 0). */
export function npsResult(promoters: number, passives: number, detractors: number, minSample: number): NpsResult {
  const n = promoters + passives + detractors;
  return {
    n,
    promoters,
    passives,
    detractors,
    score: n > 0 ? (100 * (promoters - detractors)) / n : null,
    interval: npsInterval(promoters, detractors, n),
    lowSample: n > 0 && n < minSample,
  };
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);

/**
 * NPS from the FlashNPS aggregate. Recomputed from the three counts (netPromoters may be rounded by the server);
 * n is their sum, not totalResponses (which also counts answers without an NPS value).
 */
export function npsFromFlash(flash: FlashNps, minSample: number): NpsResult {
  const np = flash?.netPromoter;
  return npsResult(count(np?.promoters), count(np?.passive), count(np?.detractors), minSample);
}
