import { expect } from '@open-wc/testing';
import { createTokenClient, type TokenClientOptions } from '../../shared/token/token-client.js';
import { AppError } from '../../shared/errors.js';
import { fakeClock, flush } from '../fakes/timers.js';
import { fakeFetch, json, type FetchHandler } from '../fakes/fetch.js';
import { spyConsole } from '../fakes/console.js';

const MIN = 60_000;
const AUTH = 'Basic MTAwMTplbXVsYXRvcg==';

function setup(handler: FetchHandler, extra: Partial<TokenClientOptions> = {}) {
  const clock = fakeClock();
  const net = fakeFetch(handler, clock.now);
  const client = createTokenClient({
    authHeader: () => AUTH,
    fetch: net.fetch,
    now: clock.now,
    random: () => 0.5,
    timers: clock.timers,
    ...extra,
  });
  return { clock, net, client };
}

/** Issues tokens "tok-1", "tok-2", ... each valid `lifetimeMs` from the fake clock's now. */
function issuer(clockNow: () => number, lifetimeMs = 60 * MIN) {
  let n = 0;
  return () => json({ access_token: `tok-${++n}-secretvalue`, expires_at: clockNow() + lifetimeMs });
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

describe('token client', () => {
  it('asks the Finesse token service with the Finesse Authorization header', async () => {
    const { client, net, clock } = setup(() => json({ access_token: 'abc', expires_in: 3600 }));
    expect(await client.getToken()).to.equal('abc');
    const url = new URL(net.calls[0]!.url, location.href);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal('/finesse/api/CloudConnectTokenService');
    expect(url.searchParams.get('tokenSource')).to.equal('cherrypoint');
    expect(net.calls[0]!.headers.get('authorization')).to.equal(AUTH);
    expect(clock.now()).to.be.a('number');
    client.dispose();
  });

  it('calls the token service relative to the desktop page, never an origin built from Config', async () => {
    // A desktop reached by another host name or port than Config's: the old `finesseOrigin` option is ignored.
    const { client, net } = setup(() => json({ access_token: 'abc', expires_in: 3600 }), { finesseOrigin: 'https://finesse-other.example:8445' } as never);
    await client.getToken();
    expect(new URL(net.calls[0]!.url, location.href).origin).to.equal(location.origin);
    client.dispose();
  });

  it('honours another token source', async () => {
    const { client, net } = setup(() => json({ access_token: 'abc', expires_in: 3600 }), { tokenSource: 'other src' });
    await client.getToken();
    expect(new URL(net.calls[0]!.url).searchParams.get('tokenSource')).to.equal('other src');
    client.dispose();
  });

  it('makes one request for 10 concurrent callers, all getting the same token', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, net } = setup(async () => {
      await gate;
      return json({ access_token: 'shared-token', expires_in: 3600 });
    });
    const all = Promise.all(Array.from({ length: 10 }, () => client.getToken()));
    await flush();
    release();
    const tokens = await all;
    expect(net.calls).to.have.length(1);
    expect(new Set(tokens)).to.deep.equal(new Set(['shared-token']));
    client.dispose();
  });

  it('serves the cached token without asking again until the refresh point', async () => {
    const { client, net, clock } = setup(() => json({ access_token: 'cached', expires_at: clock.now() + 60 * MIN }));
    await client.getToken();
    await clock.advance(44 * MIN); // refresh is due 15 min before expiry, i.e. at 45 min
    expect(await client.getToken()).to.equal('cached');
    expect(net.calls).to.have.length(1);
    client.dispose();
  });

  it('refreshes proactively 15 minutes before a long-lived token expires, without a caller', async () => {
    const { clock } = setup(() => json({}));
    const issue = issuer(clock.now, 60 * MIN);
    const net = fakeFetch(issue, clock.now);
    const client = createTokenClient({ authHeader: () => AUTH, fetch: net.fetch, now: clock.now, timers: clock.timers, random: () => 0.5 });
    const start = clock.now();
    const first = await client.getToken();
    await clock.advance(45 * MIN - 1);
    expect(net.calls).to.have.length(1);
    await clock.advance(1);
    expect(net.calls).to.have.length(2);
    expect(net.calls[1]!.at - start).to.equal(60 * MIN - 15 * MIN);
    const second = await client.getToken();
    expect(second).to.not.equal(first);
    expect(net.calls).to.have.length(2);
    client.dispose();
  });

  it('refreshes a short-lived token (expires_in seconds) at half its lifetime', async () => {
    let n = 0;
    const { client, net, clock } = setup(() => json({ access_token: `short-${++n}`, expires_in: 600 }));
    const start = clock.now();
    await client.getToken();
    await clock.advance(5 * MIN - 1);
    expect(net.calls).to.have.length(1);
    await clock.advance(1);
    expect(net.calls).to.have.length(2);
    expect(net.calls[1]!.at - start).to.equal(300_000);
    expect(await client.getToken()).to.equal('short-2');
    client.dispose();
  });

  // The Cloud Connect body is verified only for CCAI (access_token + expires_at ms): every plausible variant works.
  for (const [label, body] of [
    ['access_token + expires_at (epoch ms)', (now: number) => ({ access_token: 'v', expires_at: now + 60 * MIN })],
    ['access_token + expires_at (epoch s)', (now: number) => ({ access_token: 'v', expires_at: Math.floor((now + 60 * MIN) / 1000) })],
    ['access_token + expires_in (s)', () => ({ access_token: 'v', expires_in: 3600 })],
    ['accessToken + expiresAt (camelCase)', (now: number) => ({ accessToken: 'v', expiresAt: now + 60 * MIN })],
    ['token + expires_in', () => ({ token: 'v', expires_in: 3600 })],
  ] as const) {
    it(`reads a token body with ${label}: one hour, refreshed 15 minutes early`, async () => {
      const { client, net, clock } = setup(() => json(body(clock.now())));
      expect(await client.getToken()).to.equal('v');
      await clock.advance(45 * MIN - 1000);
      expect(net.calls).to.have.length(1);
      await clock.advance(1000);
      expect(net.calls).to.have.length(2);
      client.dispose();
    });
  }

  it('corrects expires_at for a client clock that differs from the server (Date header)', async () => {
    const { client, net, clock } = setup(() => {
      const serverNow = clock.now() - 3 * 60 * MIN; // the agent PC is 3 h ahead
      return json({ access_token: 'skewed', expires_at: serverNow + 60 * MIN }, 200, { Date: new Date(serverNow).toUTCString() });
    });
    expect(await client.getToken()).to.equal('skewed');
    await clock.advance(44 * MIN);
    expect(await client.getToken()).to.equal('skewed');
    expect(net.calls).to.have.length(1);
    client.dispose();
  });

  it('fails with finesse-auth on 401 and does not retry', async () => {
    const { client, net, clock } = setup(() => new Response('no', { status: 401 }));
    const err = await rejection(clock.runUntilSettled(client.getToken()));
    expect(err).to.be.instanceOf(AppError);
    expect(err.code).to.equal('finesse-auth');
    expect(err.hop).to.equal('finesse');
    expect(net.calls).to.have.length(1);
    client.dispose();
  });

  it('backs off with growing, jittered delays on 503, then reports cloudconnect-down', async () => {
    const { client, net, clock } = setup(() => new Response('down', { status: 503 }), { maxAttempts: 4, backoffMs: 1000, random: () => 0.25 });
    const err = await rejection(clock.runUntilSettled(client.getToken()));
    expect(err.code).to.equal('cloudconnect-down');
    expect(err.hop).to.equal('cloudconnect');
    expect(err.status).to.equal(503);
    expect(net.calls).to.have.length(4);
    const gaps = net.calls.slice(1).map((c, i) => c.at - net.calls[i]!.at);
    // equal jitter: half of base·2^(k−1) fixed plus a random share of the other half
    expect(gaps).to.deep.equal([1000 * 0.625, 2000 * 0.625, 4000 * 0.625]);
    client.dispose();
  });

  it('recovers when the service comes back during the backoff', async () => {
    const { client, net, clock } = setup((_c, i) => (i < 2 ? new Response('', { status: 502 }) : json({ access_token: 'back', expires_in: 3600 })));
    expect(await clock.runUntilSettled(client.getToken())).to.equal('back');
    expect(net.calls).to.have.length(3);
    client.dispose();
  });

  it('reports an unreachable Finesse as a network error after retries', async () => {
    const { client, net, clock } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await rejection(clock.runUntilSettled(client.getToken()));
    expect(err.code).to.equal('network');
    expect(err.hop).to.equal('finesse');
    expect(net.calls).to.have.length(3);
    client.dispose();
  });

  for (const [label, body] of [
    ['without access_token', JSON.stringify({ expires_in: 3600 })],
    ['with an empty access_token', JSON.stringify({ access_token: '' })],
    ['with a non-JSON body', '<html>login</html>'],
  ] as const) {
    it(`reports token-malformed for a 200 ${label}`, async () => {
      const { client, net, clock } = setup(() => new Response(body, { status: 200 }));
      const err = await rejection(clock.runUntilSettled(client.getToken()));
      expect(err.code).to.equal('token-malformed');
      expect(net.calls).to.have.length(1);
      client.dispose();
    });
  }

  it('keeps using a still-valid token when a refresh fails', async () => {
    const { client, clock } = setup((_c, i) => (i === 0 ? json({ access_token: 'old-good', expires_in: 3600 }) : new Response('', { status: 503 })));
    await client.getToken();
    const spy = spyConsole();
    try {
      await clock.advance(50 * MIN); // past the refresh point (45 min), before expiry (60 min)
      expect(await clock.runUntilSettled(client.getToken())).to.equal('old-good');
    } finally {
      spy.restore();
    }
    client.dispose();
  });

  it('answers at once with a still-valid token past the refresh point, refreshing in the background', async () => {
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, net, clock } = setup(async () => {
      if (++n > 1) await gate;
      return json({ access_token: `bg-${n}`, expires_in: 3600 });
    });
    await client.getToken();
    clock.skip(50 * MIN); // the proactive timer was throttled and has not fired
    expect(await client.getToken()).to.equal('bg-1');
    expect(net.calls).to.have.length(2);
    release();
    for (let i = 0; i < 5; i++) await flush();
    expect(await client.getToken()).to.equal('bg-2');
    expect(net.calls).to.have.length(2);
    client.dispose();
  });

  it('lets one caller abort its wait without cancelling the shared request', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, net } = setup(async () => {
      await gate;
      return json({ access_token: 'survivor', expires_in: 3600 });
    });
    const ac = new AbortController();
    const aborted = client.getToken(ac.signal);
    const other = client.getToken();
    ac.abort();
    const err = await rejection(aborted);
    expect(err.name).to.equal('AbortError');
    release();
    expect(await other).to.equal('survivor');
    expect(net.calls).to.have.length(1);
    client.dispose();
  });

  describe('refreshAfter401', () => {
    it('fetches once for many concurrent 401s and hands every caller the new token', async () => {
      const { clock } = setup(() => json({}));
      const net = fakeFetch(issuer(clock.now), clock.now);
      const client = createTokenClient({ authHeader: () => AUTH, fetch: net.fetch, now: clock.now, timers: clock.timers });
      const old = await client.getToken();
      const renewed = await Promise.all(Array.from({ length: 5 }, () => client.refreshAfter401(old)));
      expect(net.calls).to.have.length(2);
      expect(new Set(renewed).size).to.equal(1);
      expect(renewed[0]).to.not.equal(old);
      // a late 401 for the old token does not fetch again
      expect(await client.refreshAfter401(old)).to.equal(renewed[0]);
      expect(net.calls).to.have.length(2);
      // the rejected token is never handed out again
      expect(await client.getToken()).to.equal(renewed[0]);
      client.dispose();
    });

    it('fetches again when the current token itself is rejected', async () => {
      const { clock } = setup(() => json({}));
      const net = fakeFetch(issuer(clock.now), clock.now);
      const client = createTokenClient({ authHeader: () => AUTH, fetch: net.fetch, now: clock.now, timers: clock.timers });
      const a = await client.getToken();
      const b = await client.refreshAfter401(a);
      const c = await client.refreshAfter401(b);
      expect(new Set([a, b, c]).size).to.equal(3);
      expect(net.calls).to.have.length(3);
      client.dispose();
    });
  });

  it('stops refreshing after dispose', async () => {
    const { client, net, clock } = setup(() => json({ access_token: 'x', expires_in: 3600 }));
    await client.getToken();
    client.dispose();
    await clock.advance(2 * 60 * MIN);
    expect(net.calls).to.have.length(1);
    expect(clock.pending()).to.equal(0);
  });

  it('never lets the token or the Finesse credentials appear in errors or console output', async () => {
    const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.SECRET-PAYLOAD.sig';
    const spy = spyConsole();
    const messages: string[] = [];
    try {
      // success, then every failure kind, with a proactive refresh failing in the background
      const scripts: FetchHandler[] = [
        (_c, i) => (i === 0 ? json({ access_token: TOKEN, expires_in: 1200 }) : new Response(`{"access_token":"${TOKEN}"}`, { status: 503 })),
        () => new Response(`{"access_token":"${TOKEN}"}`, { status: 401 }),
        () => new Response(`{"token":"${TOKEN}"}`, { status: 200 }),
        () => new Response(`garbage ${TOKEN}`, { status: 200 }),
        () => new Response(`{"access_token":"${TOKEN}"}`, { status: 418 }),
      ];
      for (const script of scripts) {
        const { client, clock } = setup(script);
        try {
          await clock.runUntilSettled(client.getToken());
          await clock.advance(11 * MIN); // proactive refresh fires at 10 min, fails, logs
          await clock.advance(20 * MIN); // expired: the next call must fail
          await clock.runUntilSettled(client.getToken());
        } catch (e) {
          messages.push(String(e), (e as Error).message, (e as AppError).detail ?? '', (e as Error).stack ?? '');
        }
        client.dispose();
      }
    } finally {
      spy.restore();
    }
    expect(messages.length).to.be.greaterThan(0);
    const all = messages.join('\n') + '\n' + spy.text();
    expect(all).to.not.include('SECRET-PAYLOAD');
    expect(all).to.not.include(AUTH.split(' ')[1]);
  });
});
