/**
 * The feedback-loop demo from the command line (`npm run demo:loop`):
 *
 *   tsx scripts/demo-loop.ts [--url http://127.0.0.1:3000] [--agent ID] [--pace ms] [--api-only] [--keep]
 *
 * Without --url it starts an emulator (seed 42, small world) with the gadgets built for its WxM address into a
 * temporary folder (the scripts only trust WxM addresses fixed at build time). By default it opens the agent's
 * emulated desktop in headless Chromium and runs the page's own demo ("Run the feedback loop demo"), echoing its
 * narration here, so what is checked is what the gadgets show. --api-only (or no Chromium) plays the same steps
 * through the control API alone and narrates what WxM holds. --keep leaves a started emulator running.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/src/index.js';
import { buildGadgets } from './build.js';

interface Args { url?: string; agent?: string; pace: number; apiOnly: boolean; keep: boolean }

function parseArgs(argv: string[]): Args {
  const args: Args = { pace: 1500, apiOnly: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (a === '--url') args.url = value();
    else if (a === '--agent') args.agent = value();
    else if (a === '--pace') args.pace = Number(value());
    else if (a === '--api-only') args.apiOnly = true;
    else if (a === '--keep') args.keep = true;
    else if (/^https?:\/\//.test(a)) args.url = a;
    else throw new Error(`unknown argument ${a} (see the comment at the top of scripts/demo-loop.ts)`);
  }
  if (!Number.isFinite(args.pace) || args.pace < 0) throw new Error('--pace must be a number of milliseconds ≥ 0');
  return args;
}

const t0 = performance.now();

interface Caller { id: string; name: string; mobile?: string | null; email?: string | null }
/** The terminal is a console: the caller's id, name, phone and email are masked there (the page shows them). */
function redact(text: string, caller?: Caller): string {
  let out = text;
  for (const secret of [caller?.id, caller?.name, caller?.mobile, caller?.email]) {
    if (secret) out = out.split(secret).join('•••');
  }
  return out.replace(/\+\d{7,}/g, '+•••').replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '•••@•••');
}
const say = (text: string) => console.log(`${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${text}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function api<T = any>(base: string, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json?.error ?? ''}`);
  return json as T;
}

/** The steps through the control API alone: what WxM holds before and after, with the prefills that landed. */
async function apiOnly(base: string, agentId: string, pace: number): Promise<boolean> {
  const customers = (await api(base, '/_emulator/customers?limit=200')).customers as any[];
  const customer = customers.find((c) => !c.traits.length && c.surveyCount >= 2 && c.surveyCount <= 12) ?? customers[0];
  const facts = () => api(base, '/_emulator/demo/facts', { agent: agentId, customer: customer.id });
  const was = await facts();
  say(redact(`${customer.name} (${customer.id}) has ${was.customerResponses} surveys; agent ${agentId} has ${was.agentResponses} responses.`, customer));
  const call = await api(base, '/_emulator/calls', { user: agentId, customerId: customer.id });
  say(`1. The customer calls: call #${call.id} rings.`);
  await sleep(pace);
  await api(base, `/_emulator/calls/${call.id}/answer`, {});
  say('2. The agent answers; the journey gadget would now look the caller up by POD.ID.');
  await sleep(pace);
  const ended = await api(base, `/_emulator/calls/${call.id}/end`, { wait: true });
  if (ended.survey?.status !== 'done') {
    say(`The survey did not land: ${ended.survey?.error ?? JSON.stringify(ended.survey)}`);
    return false;
  }
  const now = await facts();
  const n = now.newest;
  say(redact(`3. The call ends; CVP's survey landed (NPS ${n.nps}, CSAT ${n.csat}, CES ${n.ces}) with prefills ` +
    Object.entries(n.prefills).map(([k, v]) => `${k}=${v}`).join(', ') + '.', customer));
  say(`4. WxM: ${now.agentResponses} responses for the agent (was ${was.agentResponses}), ` +
    `${now.customerResponses} surveys for the customer (was ${was.customerResponses}).`);
  const ok = now.agentResponses === was.agentResponses + 1 && now.customerResponses === was.customerResponses + 1;
  const again = await api(base, '/_emulator/calls', { user: agentId, customerId: customer.id, survey: false });
  await api(base, `/_emulator/calls/${again.id}/answer`, {});
  say(`5. The customer calls again (#${again.id}); the newest survey in WxM is the one just given (${n.at}).`);
  await api(base, `/_emulator/calls/${again.id}/end`, {});
  const noted = await followUp(base, agentId, ended.survey.result.answerId);
  say(noted ? `6. A follow-up note on the new survey, through WxM's note route with the agent's Cloud Connect token (by "${noted}").`
    : '6. The follow-up note was not saved.');
  return ok && noted !== undefined;
}

/** The note a gadget would write: Finesse Basic auth → Cloud Connect token → POST /api/Answers/Note/{id}. */
async function followUp(base: string, agentId: string, answerId: string): Promise<string | undefined> {
  const page = await (await fetch(`${base}/?user=${encodeURIComponent(agentId)}&layout=0`)).text();
  const wxm = /"wxmUrl":"([^"]+)"/.exec(page)?.[1];
  const auth = `Basic ${Buffer.from(`${agentId}:emulator`).toString('base64')}`;
  const tokenRes = await fetch(`${base}/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint`, { headers: { Authorization: auth } });
  if (!wxm || !tokenRes.ok) return undefined;
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const text = 'Thanked the customer for the feedback.';
  const res = await fetch(`${wxm}/api/Answers/Note/${encodeURIComponent(answerId)}`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ note: text }),
  });
  if (!res.ok) return undefined;
  const notes = ((await res.json()) as { notes: { note: string; authorName: string }[] | null }).notes ?? [];
  return notes.at(-1)?.note === text ? notes.at(-1)!.authorName : undefined;
}

/** Runs the page's demo in headless Chromium and echoes its narration. */
async function inBrowser(base: string, agentId: string, pace: number, chrome: string): Promise<boolean> {
  const { default: puppeteer } = await import('puppeteer-core');
  const { CHROMIUM_FLAGS } = (await import('./chromium-flags.mjs' as string)) as { CHROMIUM_FLAGS: string[] };
  const browser = await puppeteer.launch({ executablePath: chrome, args: CHROMIUM_FLAGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(`${base}/?user=${encodeURIComponent(agentId)}&demoPace=${pace}`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'navigator' in window && (window as any).__cxDemo, { timeout: 15_000 });
    // Give the gadgets a moment to sign in and load, as a person would before pressing the button.
    await sleep(Math.min(3000, pace + 1000));
    const done = page.evaluate(() => (window as any).__cxDemo.run() as Promise<{ ok: boolean }>);
    let shown = 0;
    let finished: { ok: boolean } | undefined;
    void done.then((r) => { finished = r; }, () => { finished = { ok: false }; });
    const echo = async () => {
      const caller = await page.evaluate(() => (window as any).__cxDemo.customer as Caller | undefined);
      const lines = await page.$$eval('.demo-log li', (lis) => lis.map((li) => li.textContent ?? ''));
      for (; shown < lines.length; shown++) console.log(`  page: ${redact(lines[shown]!, caller)}`);
    };
    while (!finished) {
      await sleep(200);
      await echo();
    }
    await echo();
    return finished.ok;
  } finally {
    await browser.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let base = args.url?.replace(/\/$/, '');
  let close: (() => Promise<void>) | undefined;
  if (!base) {
    const distDir = mkdtempSync(join(tmpdir(), 'cx-demo-dist-'));
    // Started first so its WxM port is known; it reads the gadget files per request, built right after.
    const emu = await startEmulator({ port: 0, wxmPort: 0, seed: 42, profile: 'small', distDir });
    base = emu.finesseUrl.replace(/\/$/, '');
    close = async () => {
      await emu.close();
      rmSync(distDir, { recursive: true, force: true });
    };
    say(`Started an emulator: Finesse desktop ${base}/ · WxM ${emu.wxmUrl}; building the gadgets for it…`);
    await buildGadgets({ outDir: distDir, baseUrl: `${base}/3rdpartygadget/files/cx/`, wxmBaseUrl: emu.wxmUrl, quiet: true });
  }
  try {
    const agents = (await api(base, '/_emulator/agents')).agents as { id: string }[];
    const agentId = args.agent ?? agents[0]!.id;
    say(`Agent desktop: ${base}/?user=${encodeURIComponent(agentId)} (add &demo=1 to run the demo there on load)`);
    let chrome: string | undefined;
    if (!args.apiOnly) {
      try {
        const { execFileSync } = await import('node:child_process');
        chrome = execFileSync(process.execPath, ['scripts/find-chromium.mjs'], { encoding: 'utf8' }).trim() || undefined;
      } catch {
        say('No Chromium found: playing the steps through the control API only.');
      }
    }
    const ok = chrome ? await inBrowser(base, agentId, args.pace, chrome) : await apiOnly(base, agentId, args.pace);
    say(ok ? `The loop closed (${((performance.now() - t0) / 1000).toFixed(1)} s in all).` : 'The loop did NOT close: see above.');
    process.exitCode = ok ? 0 : 1;
    if (close && args.keep) {
      say('Emulator still running (--keep); Ctrl+C stops it.');
      await new Promise<void>((r) => process.once('SIGINT', () => r()));
    }
  } finally {
    await close?.();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
