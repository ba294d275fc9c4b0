/** A small seeded PRNG (mulberry32) so the same seed yields the same world on any machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Roughly normal (Irwin–Hall of 4 uniforms): cheap and good enough for score spreads. */
  normal(mean: number, sd: number): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    normal: (mean, sd) => mean + sd * ((next() + next() + next() + next() - 2) * Math.sqrt(3)),
  };
}

/** Derive an independent stream for one purpose (so adding a draw in one place does not shift another). */
export function substream(seed: number, label: string): Rng {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b) ^ (h >>> 13);
  return mulberry32(h >>> 0);
}

/** 24 lowercase hex digits derived from a seed and a label (question ids and the like). */
export function hexId(seed: number, label: string): string {
  const r = substream(seed, label);
  let s = '';
  for (let i = 0; i < 3; i++) s += Math.floor(r.next() * 0x100000000).toString(16).padStart(8, '0');
  return s;
}
