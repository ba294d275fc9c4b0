/** A token client that hands out numbered tokens ("T1-SECRETTOKEN", then T2 after a 401) and counts its calls. */
import type { TokenClient } from '../../shared/token/token-client.js';

export function fakeTokens() {
  let n = 1;
  const stats = { get: 0, refresh: 0, rejected: [] as string[] };
  const tokens: TokenClient = {
    async getToken() {
      stats.get++;
      return `T${n}-SECRETTOKEN`;
    },
    async refreshAfter401(rejected) {
      stats.refresh++;
      stats.rejected.push(rejected);
      n++;
      return `T${n}-SECRETTOKEN`;
    },
    dispose() {},
  };
  return { tokens, stats };
}
