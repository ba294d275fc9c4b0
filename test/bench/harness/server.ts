/**
 * Serves the bench modules like the test pages: Vite dev server (TypeScript + legacy decorators through oxc),
 * Finesse paths proxied to the current emulator's Finesse origin, /__env.json with both emulator origins.
 * A path that exists in the repo (e.g. gadgets/<name>/app.ts) is served from source, not proxied.
 * One server for the whole run; `setEmulator` switches the target between emulator groups.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { WXM_ORIGINS_DEFINE } from '../../../shared/config/wxm-origins.js';

export const FINESSE_PATHS = ['/finesse/', '/desktop/', '/_emulator/', '/gadgets/', '/3rdpartygadget/'];
export const RUNNER_PATH = '/__bench/runner.html';

export interface EmulatorEnv {
  finesseUrl: string;
  wxmUrl: string;
}

export interface BenchServer {
  origin: string;
  setEmulator(env: EmulatorEnv | undefined): void;
  close(): Promise<void>;
}

function benchPlugin(root: string, current: () => EmulatorEnv | undefined, wxmBaseUrl: string): Plugin {
  return {
    name: 'cx-bench',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const env = current();
        if (path === '/__env.json') {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(env ?? {}));
          return;
        }
        if (path === RUNNER_PATH) {
          res.setHeader('content-type', 'text/html');
          // Vite's dev server leaves a define's identifier in the code (it is a global in dev): set it here.
          const trust = `<script>globalThis.${WXM_ORIGINS_DEFINE} = ${JSON.stringify([wxmBaseUrl])};</script>`;
          res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">${trust}</head><body></body></html>`);
          return;
        }
        if (!env || !FINESSE_PATHS.some((p) => path.startsWith(p))) return next();
        // gadgets/ is also a source folder: a bench importing gadget modules gets the sources, the rest goes upstream.
        if (existsSync(join(root, decodeURIComponent(path)))) return next();
        const target = new URL(env.finesseUrl);
        const upstream = http.request(
          { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', (e) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`emulator proxy: ${e.message}`);
        });
        req.pipe(upstream);
      });
    },
  };
}

/** `wxmBaseUrl`: the only WxM address the served gadget sources trust (shared/config/wxm-origins.ts). */
export async function startServer(root: string, wxmBaseUrl: string): Promise<BenchServer> {
  let env: EmulatorEnv | undefined;
  const vite: ViteDevServer = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    cacheDir: 'node_modules/.vite-bench',
    // Production builds of Lit etc.: benchmarks should not pay for dev-mode checks.
    resolve: { conditions: ['module', 'browser', 'production'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    oxc: { decorator: { legacy: true } },
    // No pre-bundling: deps are served as ESM from node_modules, so nothing re-optimises (and reloads) mid-run.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    plugins: [benchPlugin(root, () => env, wxmBaseUrl)],
  });
  await vite.listen();
  const { port } = vite.httpServer!.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setEmulator: (next) => {
      env = next;
    },
    close: () => vite.close(),
  };
}
