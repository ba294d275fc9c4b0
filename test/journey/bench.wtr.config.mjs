/**
 * WORKAROUND runner for test/bench/journey.bench.ts while the bench harness proxies every /gadgets/ path to the
 * emulator (so it cannot serve gadgets/journey sources): same emulator arguments as the bench, gadget sources
 * served from disk, figures printed to the console.
 * Run: npx wtr --config test/journey/bench.wtr.config.mjs
 */
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { CHROMIUM_FLAGS } from '../../scripts/chromium-flags.mjs';
import { proxyTo } from '../../scripts/proxy.mjs';
import { spawnEmulator } from '../../scripts/spawn-emulator.mjs';

const emulator = await spawnEmulator(['--port', '0', '--wxm-port', '0', '--profile', 'small', '--latency-ms', '150']);

export default {
  files: ['test/journey/run-bench.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 180_000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium(), args: CHROMIUM_FLAGS } })],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [
    function gadgetSources(ctx, next) {
      if (/^\/gadgets\/(journey|analytics)\/.*\.(ts|js)$/.test(ctx.path)) ctx.path = `/.${ctx.path}`;
      return next();
    },
    function env(ctx, next) {
      if (ctx.path !== '/__env.json') return next();
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ finesseUrl: emulator.finesseUrl, wxmUrl: emulator.wxmUrl });
    },
    proxyTo(emulator.finesseUrl, ['/finesse/', '/desktop/', '/_emulator/', '/gadgets/', '/3rdpartygadget/']),
  ],
  async teardown() {
    await emulator.close();
  },
};
