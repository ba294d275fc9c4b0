/** State that belongs to one emulated world and is read by both halves (WxM routes, Finesse control API). */
import type { World } from './types.js';

export function perWorld<T>(make: (world: World) => T): (world: World) => T {
  const states = new WeakMap<World, T>();
  return (world) => {
    let state = states.get(world);
    if (state === undefined) states.set(world, (state = make(world)));
    return state;
  };
}
