/**
 * Browser tests in real headless Chromium (Debian's), TypeScript through esbuild.
 * The emulator (Finesse + Cloud Connect + WxM) starts in-process on free ports; the test pages are served
 * as if they were a gadget iframe on the Finesse host: Finesse paths are proxied to the emulator's Finesse
 * origin, while WxM stays on its own origin (so CORS is real). Tests read both URLs from /__env.json.
 */
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium } from './scripts/find-chromium.mjs';
import { CHROMIUM_FLAGS } from './scripts/chromium-flags.mjs';
import { proxyTo } from './scripts/proxy.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { spawnEmulator } from './scripts/spawn-emulator.mjs';
import { catcherPlugin } from './test/trust/catcher.mjs';

// WxM on the port scripts/test.sh built dist/ for (CX_EMULATOR_WXM_PORT); the sources get the same one origin
// as their only allowed WxM address (shared/config/wxm-origins.ts), so both trust exactly this emulator.
const wxmPort = process.env.CX_EMULATOR_WXM_PORT ?? '0';
const emulator = await spawnEmulator(['--port', '0', '--wxm-port', wxmPort, '--seed', '42', '--profile', 'small']);
// Only the emulator's own /gadgets/ routes: /gadgets/<name>/ is also our source folder.
const FINESSE_PATHS = ['/finesse/', '/desktop/', '/_emulator/', '/gadgets/ifr', '/gadgets/container.js', '/3rdpartygadget/', '/cherrypoint/'];

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  concurrency: 1, // tests inject faults into the one shared emulator: files must not overlap
  testsFinishTimeout: 180_000,
  testsStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: findChromium(), args: CHROMIUM_FLAGS } }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022', define: { __CX_WXM_ORIGINS__: JSON.stringify([emulator.wxmUrl]) } }), catcherPlugin()],
  middleware: [
    function env(ctx, next) {
      if (ctx.path !== '/__env.json') return next();
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ finesseUrl: emulator.finesseUrl, wxmUrl: emulator.wxmUrl });
    },
    proxyTo(emulator.finesseUrl, FINESSE_PATHS),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter('.test-counts-browser.json')],
  async teardown() {
    await emulator.close();
  },
};
