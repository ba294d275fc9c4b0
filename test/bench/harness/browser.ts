/** Headless Chromium (puppeteer-core) that runs one bench module per fresh page and watches its JS heap. */
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { RUNNER_PATH, type EmulatorEnv } from './server.js';
import { scriptModule } from './scripts.js';

export type Figures = Record<string, number | string>;

export interface HeapFigures {
  'JS heap before (MB)': number;
  'JS heap peak, sampled (MB)': number;
  'JS heap after (MB)': number;
  'JS heap after GC (MB)': number;
}

export interface RunOutcome {
  figures: Figures;
  heap: Partial<HeapFigures>;
  wallMs: number;
  error?: string;
}

export async function launchBrowser(): Promise<Browser> {
  const { findChromium } = await scriptModule<{ findChromium(): string }>('find-chromium.mjs');
  const { CHROMIUM_FLAGS } = await scriptModule<{ CHROMIUM_FLAGS: string[] }>('chromium-flags.mjs');
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    // precise memory info: unquantised performance.memory; expose-gc: benches may call gc() before measuring.
    args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    protocolTimeout: 600_000,
  });
}

const MB = 1024 * 1024;
const round = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

async function heapUsed(cdp: CDPSession): Promise<number | undefined> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Imports `url` in a fresh page on the bench origin and awaits its default `run(env)`. */
export async function runInPage(browser: Browser, origin: string, url: string, env: EmulatorEnv, timeoutMs: number): Promise<RunOutcome> {
  const page: Page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`  [page error] ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') console.error(`  [page console.${m.type()}] ${m.text()}`);
  });
  // Name the URL behind "Failed to fetch dynamically imported module" and other failed loads.
  page.on('response', (r) => {
    if (r.status() >= 400) console.error(`  [page] ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => console.error(`  [page] failed ${r.method()} ${r.url()}: ${r.failure()?.errorText ?? ''}`));
  const heap: Partial<HeapFigures> = {};
  const started = performance.now();
  let peak = 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    await page.goto(origin + RUNNER_PATH);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const before = (await heapUsed(cdp)) ?? 0;
    heap['JS heap before (MB)'] = round(before);
    peak = before;
    // Sampling only sees the heap between tasks (a long synchronous loop delays the answer): a floor, not a true peak.
    sampler = setInterval(() => {
      heapUsed(cdp).then((v) => (peak = Math.max(peak, v ?? 0)), () => undefined);
    }, 100);
    const figures = await withTimeout(
      page.evaluate(
        async (moduleUrl, benchEnv) => {
          const mod = await import(moduleUrl);
          if (typeof mod.default !== 'function') throw new Error(`${moduleUrl} has no default export run(env)`);
          return (await mod.default(benchEnv)) as Record<string, number | string>;
        },
        url,
        env,
      ),
      timeoutMs,
      url,
    );
    clearInterval(sampler);
    const after = (await heapUsed(cdp)) ?? 0;
    heap['JS heap peak, sampled (MB)'] = round(Math.max(peak, after));
    heap['JS heap after (MB)'] = round(after);
    await cdp.send('HeapProfiler.collectGarbage');
    heap['JS heap after GC (MB)'] = round((await heapUsed(cdp)) ?? 0);
    return { figures: sanitise(figures), heap, wallMs: performance.now() - started };
  } catch (e) {
    return { figures: {}, heap, wallMs: performance.now() - started, error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearInterval(sampler);
    // A page stuck in a loop must not hold the run: closing is bounded too.
    await withTimeout(page.close({ runBeforeUnload: false }), 10_000, 'closing the page').catch(() => undefined);
  }
}

/** Keeps only number/string figures (what the convention allows); anything else is shown as a string. */
function sanitise(raw: unknown): Figures {
  if (!raw || typeof raw !== 'object') return { result: String(raw) };
  const out: Figures = {};
  for (const [k, v] of Object.entries(raw)) out[k] = typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}
