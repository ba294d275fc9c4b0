/**
 * The emulator: a Finesse origin (desktop, gadget container, finesse.js, Cloud Connect token service,
 * control API) and a WxM origin (REST API), on two ports so that CORS between them is real.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runPostCallSurvey } from './cvp/survey.js';
import { FaultRegistry } from './faults.js';
import { TokenStore } from './tokens.js';
import { buildWorld } from './world/seed.js';
import { setVariants, type Variants } from './variants.js';
import type { Profile, World } from './world/types.js';
import { createWxmHandler, DEFAULT_RATE_LIMIT } from './wxm/index.js';
import { createFinesseHandler } from './finesse/app.js';
import { CallCenter } from './finesse/calls.js';
import type { FinesseContext } from './finesse/context.js';
import { EventHub } from './finesse/events.js';
import { SurveyLog, type SurveyRunner } from './finesse/survey-hook.js';

export interface EmulatorOptions {
  /** Finesse origin port; default 3000, 0 = ephemeral. */
  port?: number;
  /** WxM origin port; default port + 1, 0 = ephemeral. */
  wxmPort?: number;
  seed?: number;
  profile?: Profile;
  /** Added to every WxM call. */
  latencyMs?: number;
  /** Built gadgets (served at /3rdpartygadget/files/cx/); default "dist". */
  distDir?: string;
  startDay?: Date;
  host?: string;
  /** Use this world instead of building one (tests). */
  world?: World;
  /** Replace CVP's post-call survey (tests). */
  postCallSurvey?: SurveyRunner;
  /** Unknown vendor behaviours (variants.ts); defaults: page base 1, expires_at ms, access_token. */
  variants?: Partial<Variants>;
}

export interface RunningEmulator {
  finesseUrl: string;
  wxmUrl: string;
  world: World;
  close(): Promise<void>;
}

async function listen(server: http.Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
}


export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 3000;
  const wxmPort = opts.wxmPort ?? (port === 0 ? 0 : port + 1);
  const world = opts.world ?? buildWorld({ seed: opts.seed ?? 42, profile: opts.profile ?? 'small', startDay: opts.startDay });
  if (opts.variants) setVariants(world, opts.variants);
  const tokens = new TokenStore();
  const wxmFaults = new FaultRegistry();
  const rateLimit = { ...DEFAULT_RATE_LIMIT };
  let finesseUrl = '';
  let wxmUrl = '';

  const wxmServer = http.createServer(
    createWxmHandler({ world, tokens, faults: wxmFaults, latencyMs: opts.latencyMs ?? 0, rateLimit }),
  );
  const hub = new EventHub();
  const ctx: FinesseContext = {
    world,
    tokens,
    wxmFaults,
    finesseFaults: new FaultRegistry(),
    rateLimit,
    cloudConnect: { down: false },
    ssoTokens: new Map(),
    distDir: path.resolve(opts.distDir ?? 'dist'),
    calls: new CallCenter(world, hub),
    hub,
    surveys: new SurveyLog(opts.postCallSurvey ?? runPostCallSurvey),
    selfUrl: () => finesseUrl,
    wxmUrl: () => wxmUrl,
  };
  const finesseServer = http.createServer(createFinesseHandler(ctx));

  finesseUrl = await listen(finesseServer, port, host);
  try {
    wxmUrl = await listen(wxmServer, wxmPort, host);
  } catch (e) {
    finesseServer.close();
    throw e;
  }

  let closing: Promise<void> | undefined;
  return {
    finesseUrl,
    wxmUrl,
    world,
    close: () =>
      (closing ??= (async () => {
        hub.close();
        const stop = (s: http.Server) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          });
        await Promise.all([stop(finesseServer), stop(wxmServer)]);
      })()),
  };
}
