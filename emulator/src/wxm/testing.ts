/** Test harness: the WxM handler on an ephemeral port with its own world, tokens and faults (node tests only). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultRegistry } from '../faults.js';
import { TokenStore } from '../tokens.js';
import { buildWorld, type WorldSizes } from '../world/seed.js';
import type { Profile } from '../world/types.js';
import { createWxmHandler, type WxmContext } from './handler.js';

export interface WxmHarness {
  url: string;
  ctx: WxmContext;
  close(): Promise<void>;
  /** A fresh bearer token via POST /api/LoginToken. */
  login(): Promise<string>;
  call(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export async function startWxm(opts: { seed?: number; profile?: Profile; sizes?: Partial<WorldSizes>; startDay?: Date; rateLimitMax?: number } = {}): Promise<WxmHarness> {
  const world = buildWorld({ seed: opts.seed ?? 42, profile: opts.profile ?? 'small', sizes: opts.sizes, startDay: opts.startDay });
  const ctx: WxmContext = {
    world, tokens: new TokenStore(), faults: new FaultRegistry(), latencyMs: 0,
    rateLimit: { max: opts.rateLimitMax ?? 0, windowMs: 1000 },
  };
  const server = http.createServer(createWxmHandler(ctx));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call: WxmHarness['call'] = (method, path, o = {}) =>
    fetch(url + path, {
      method,
      headers: {
        ...(o.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
    });
  const login = async () => {
    const res = await fetch(`${url}/api/LoginToken`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=admin&password=emulator',
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  return {
    url, ctx, call, login,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
