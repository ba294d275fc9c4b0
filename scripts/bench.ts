/**
 * `npm run bench [-- <name-filter>...]`: runs every test/bench/<name>.bench.ts in headless Chromium.
 * Per group of benches with the same emulator arguments one emulator is started (default: large profile,
 * 150 ms latency; a bench may `export const emulatorArgs = [...]`). Bench modules are served by Vite like the
 * test pages (Finesse paths proxied, /__env.json). Prints a table per bench and writes .bench/results.json.
 * Every bench is bounded (BENCH_TIMEOUT_S, default 180 s) and the whole run stops by itself.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, runInPage } from '../test/bench/harness/browser.js';
import { discover, groupByArgs } from '../test/bench/harness/discover.js';
import { printTable, writeResults, type BenchResult } from '../test/bench/harness/report.js';
import { startServer, type BenchServer } from '../test/bench/harness/server.js';
import { freePort, spawnEmulator, withWxmPort, type Emulator } from '../test/bench/harness/scripts.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const perBenchMs = Number(process.env.BENCH_TIMEOUT_S ?? 180) * 1000;
const filters = process.argv.slice(2).filter((a) => a !== '--');

let browser: Browser | undefined;
let server: BenchServer | undefined;
let emulator: Emulator | undefined;

async function cleanup(): Promise<void> {
  await Promise.allSettled([browser?.close(), server?.close(), emulator?.close()]);
}

async function main(): Promise<number> {
  const benches = discover(root, filters);
  if (benches.length === 0) {
    console.error(`No benchmark matches ${filters.length ? filters.join(', ') : 'test/bench/*.bench.ts'}.`);
    return 1;
  }
  const groups = groupByArgs(benches);
  // Whole-run watchdog: every bench gets its budget plus room for emulator start-ups.
  const budgetMs = benches.length * (perBenchMs + 15_000) + groups.size * 130_000 + 60_000;
  const watchdog = setTimeout(() => {
    console.error(`bench: the run exceeded ${Math.round(budgetMs / 1000)} s; stopping.`);
    void cleanup().finally(() => process.exit(2));
  }, budgetMs);

  const startedAt = new Date().toISOString();
  const results: BenchResult[] = [];
  // Every emulator of the run serves WxM on this one port: the gadget sources only trust that address.
  const wxmPort = await freePort();
  server = await startServer(root, `http://127.0.0.1:${wxmPort}`);
  browser = await launchBrowser();
  console.log(`bench: ${benches.length} benchmark(s), served from ${server.origin}, ${await browser.version()}`);

  for (const [key, group] of groups) {
    const args = JSON.parse(key) as string[];
    try {
      console.log(`bench: starting emulator ${args.join(' ')}`);
      emulator = await spawnEmulator(withWxmPort(args, wxmPort));
      server.setEmulator({ finesseUrl: emulator.finesseUrl, wxmUrl: emulator.wxmUrl });
    } catch (e) {
      const error = `emulator did not start: ${e instanceof Error ? e.message : String(e)}`;
      for (const b of group) {
        const r: BenchResult = { name: b.name, file: b.url, emulatorArgs: args, ok: false, error, wallMs: 0, figures: {}, harness: {} };
        results.push(r);
        printTable(r);
      }
      emulator = undefined;
      continue;
    }
    for (const b of group) {
      console.log(`bench: running ${b.name}…`);
      const env = { finesseUrl: emulator.finesseUrl, wxmUrl: emulator.wxmUrl };
      const outcome = await runInPage(browser, server.origin, b.url, env, perBenchMs);
      const r: BenchResult = {
        name: b.name,
        file: b.url,
        emulatorArgs: args,
        ok: !outcome.error,
        ...(outcome.error ? { error: outcome.error } : {}),
        wallMs: outcome.wallMs,
        figures: outcome.figures,
        harness: outcome.heap,
      };
      results.push(r);
      printTable(r);
    }
    await emulator.close();
    emulator = undefined;
    server.setEmulator(undefined);
  }

  const file = writeResults(root, results, {
    startedAt,
    finishedAt: new Date().toISOString(),
    node: process.version,
    browser: await browser.version(),
    filters,
  });
  clearTimeout(watchdog);
  const failed = results.filter((r) => !r.ok);
  console.log(`bench: ${results.length - failed.length} ok, ${failed.length} failed; results in ${file}`);
  return failed.length ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

main()
  .then(
    async (code) => {
      await cleanup();
      process.exit(code);
    },
    async (e: unknown) => {
      console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      await cleanup();
      process.exit(1);
    },
  );
