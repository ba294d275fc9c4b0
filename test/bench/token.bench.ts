/**
 * Token client overhead: the cached path per call (what every WxM request pays), a cold burst of concurrent
 * callers (one request to Finesse), and the real round trip through the Finesse token service of the emulator.
 * Also the WxM client's own overhead per call against a raw fetch of the same route with the same token.
 */
import { createTokenClient } from '../../shared/token/token-client.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';

/** The small profile starts fastest; latency is kept so the round trips are realistic. */
export const emulatorArgs = ['--port', '0', '--wxm-port', '0', '--profile', 'small', '--seed', '42', '--latency-ms', '150'];

const basic = `Basic ${btoa('1001:emulator')}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function run(env: { finesseUrl: string; wxmUrl: string }): Promise<Record<string, number | string>> {
  // 1. cached path, in-memory fake service (no network in the measurement)
  let requests = 0;
  const fakeFetch = (async () => {
    requests++;
    return new Response(JSON.stringify({ access_token: 'bench-token', expires_in: 3600 }), { status: 200 });
  }) as typeof fetch;
  const local = createTokenClient({ authHeader: () => basic, fetch: fakeFetch });
  await local.getToken();
  const N = 200_000;
  let t = performance.now();
  for (let i = 0; i < N; i++) await local.getToken();
  const cachedUs = ((performance.now() - t) * 1000) / N;
  local.dispose();

  // 2. cold burst: 1000 concurrent callers, one request
  requests = 0;
  const burst = createTokenClient({ authHeader: () => basic, fetch: fakeFetch });
  t = performance.now();
  await Promise.all(Array.from({ length: 1000 }, () => burst.getToken()));
  const burstMs = performance.now() - t;
  const burstRequests = requests;
  burst.dispose();

  // 3. real token service through Finesse (same origin as a gadget page)
  const rounds: number[] = [];
  for (let i = 0; i < 10; i++) {
    const real = createTokenClient({ authHeader: () => basic });
    const s = performance.now();
    await real.getToken();
    rounds.push(performance.now() - s);
    real.dispose();
  }

  // 4. WxM client vs raw fetch, same route and token
  const tokens = createTokenClient({ authHeader: () => basic });
  const wxm = createWxmClient({ baseUrl: env.wxmUrl, tokens, timeoutMs: 10_000 });
  const token = await tokens.getToken();
  await wxm.settings();
  const viaClient: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 10; i++) {
    let s = performance.now();
    await wxm.settings();
    viaClient.push(performance.now() - s);
    s = performance.now();
    await (await fetch(`${env.wxmUrl}/api/settings`, { headers: { Authorization: `Bearer ${token}` } })).json();
    raw.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 150)); // stay under the emulated rate limit
  }
  tokens.dispose();

  return {
    'getToken cached (µs/call)': Number(cachedUs.toFixed(3)),
    'getToken 1000 concurrent cold callers (ms)': Number(burstMs.toFixed(2)),
    'token requests for 1000 concurrent callers': burstRequests,
    'first token via Finesse, median of 10 (ms)': Number(median(rounds).toFixed(1)),
    'WxM settings via client, median (ms)': Number(median(viaClient).toFixed(1)),
    'WxM settings raw fetch, median (ms)': Number(median(raw).toFixed(1)),
    'WxM client overhead, median (ms)': Number((median(viaClient) - median(raw)).toFixed(2)),
  };
}
