/**
 * FlashNPS and summary over a query's refs, without materialising clean rows. An answer counts towards NPS when
 * a question tagged NPS holds an integer 0–10 in numberInput (out-of-range and wrong-typed values are skipped).
 */
import type { FilterBy, FlashNps } from '../../../shared/wxm/types.js';
import type { World } from '../world/types.js';
import { objectView } from './query.js';

export function passiveBand(npsRange: unknown): [number, number] {
  const parts = typeof npsRange === 'string' ? npsRange.split(',').map((p) => Number(p.trim())) : [];
  const [lo, hi] = parts;
  return lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [7, 8];
}

/** Numeric value of a tagged question in answer `ref` (first question with the tag the answer holds). */
function taggedValue(world: World, ref: number, role: 'nps' | 'csat' | 'ces'): number | undefined {
  const store = world.answers;
  const defs = store.parts.catalogue.defs;
  if (store.isColumnar(ref)) {
    const col = store.seeded[role];
    const v = col[ref]!;
    return v >= 0 && defs[store.seeded.qn[ref]!]!.byRole[role] ? v : undefined;
  }
  const view = objectView(store.materialise(ref));
  for (const def of defs) {
    const q = def.byRole[role];
    const v = q ? view.value(q.id)?.numberInput : undefined;
    if (typeof v === 'number') return v;
  }
  return undefined;
}

export function flashNps(world: World, refs: number[], filter: FilterBy | null | undefined): FlashNps {
  const [lo, hi] = passiveBand(world.settings.npsRange);
  let promoters = 0;
  let passive = 0;
  let detractors = 0;
  for (const ref of refs) {
    const v = taggedValue(world, ref, 'nps');
    if (v === undefined || !Number.isInteger(v) || v < 0 || v > 10) continue;
    if (v > hi) promoters++;
    else if (v >= lo) passive++;
    else detractors++;
  }
  const n = promoters + passive + detractors;
  const defs = world.answers.parts.catalogue.defs;
  const wanted = filter?.location?.[0];
  const def = defs.find((d) => d.questionnaire.name === wanted) ?? defs[0]!;
  const q = def.byRole.nps!;
  return {
    totalResponses: refs.length,
    netPromoter: {
      questionID: q.id,
      questionText: q.text,
      promoters,
      passive,
      detractors,
      netPromoters: n === 0 ? 0 : Math.round((100 * (promoters - detractors)) / n),
      defaultIndex: 0,
    },
  };
}

/** A small /api/summary: counts and means per metric question (shape assumed beyond responseCount/netPromoter). */
export function summary(world: World, refs: number[]) {
  const nps = flashNps(world, refs, undefined).netPromoter;
  const metric = (role: 'nps' | 'csat' | 'ces') => {
    let n = 0;
    let sum = 0;
    for (const ref of refs) {
      const v = taggedValue(world, ref, role);
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10) { n++; sum += v; }
    }
    return { tag: role.toUpperCase(), count: n, average: n ? sum / n : null };
  };
  return { responseCount: refs.length, netPromoter: nps.netPromoters, summary: [metric('nps'), metric('csat'), metric('ces')] };
}
