/**
 * CEJ: time from the dialog turning ACTIVE (the adapter's 'accepted' event) to the caller's journey on screen,
 * (a) when the call rang (ALERTING) for 1 s first — the lookup was prefetched — and (b) when it was answered at
 * once; plus WxM requests per call (resource timing entries to the WxM origin). Median of RUNS calls each.
 * "On screen" = the journey for an accepted call: its entries and brief, no "Ringing" mark (issue 12.13: the journey
 * is shown while the call rings, so accepting only repaints the mark).
 * Goals (issue 12.13): (a) < 20 ms; (b) < RTT + 50 ms.
 */
import { startGadget } from '../../shared/gadget-root.js';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { watchCalls } from '../../shared/finesse/calls.js';
import { createWxmReader } from '../../shared/wxm/wxm-client.js';
import '../../gadgets/journey/app.js';
import type { CallEvent } from '../../shared/finesse/types.js';
import { answerCall, control, endCall, placeCall, seen, type Customer } from '../journey/live.js';
import { loadScript } from '../helpers/load-script.js';

export const emulatorArgs = ['--port', '0', '--wxm-port', '0', '--profile', 'small', '--latency-ms', '150'];

const RUNS = 5;
const AGENT = '1001';


const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

export default async function run(env: { finesseUrl: string; wxmUrl: string }): Promise<Record<string, number | string>> {
  const gadgetUrl = `${location.origin}/3rdpartygadget/files/cx/journey.xml?wxmBaseUrl=${encodeURIComponent(env.wxmUrl)}`;
  await loadScript(`/gadgets/container.js?${new URLSearchParams({ user: AGENT, url: gadgetUrl, manualDismiss: 'true' })}`);
  await loadScript('/desktop/assets/js/finesse.js');
  const adapter = createFinesseAdapter({ calls: watchCalls });

  // Our listener goes first, so t0 is taken before the gadget reacts to the event.
  const events: Array<{ e: CallEvent; t: number }> = [];
  const readyAtAccept = new Map<string, boolean>();
  adapter.onCall((e) => {
    events.push({ e, t: performance.now() });
    // Right after the gadget handled the same event: was the journey already loaded (prefetched)?
    if (e.kind === 'accepted') {
      queueMicrotask(() => {
        const v = app.registry?.view;
        readyAtAccept.set(e.call.dialogId, v?.kind === 'journey' && v.base.current !== null);
      });
    }
  });
  const app = document.createElement('cx-journey-app');
  await startGadget({ gadget: 'journey', wxmClient: createWxmReader, app, adapter });
  const services = app.services!;

  let wxmRequests = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name.startsWith(env.wxmUrl)) wxmRequests++;
  }).observe({ type: 'resource', buffered: false });
  await services.wxm.tagMap(); // session warm-up (tag map and settings are read once per session, not per call)
  await sleep(300);

  const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?limit=300');
  const pool = customers.filter((c) => c.traits.length === 0 && c.surveyCount >= 3 && c.surveyCount <= 20);

  const event = async (dialogId: string, kind: CallEvent['kind']) => {
    for (;;) {
      const hit = events.find((x) => x.e.call.dialogId === dialogId && x.e.kind === kind);
      if (hit) return hit.t;
      await sleep(2);
    }
  };

  async function measure(c: Customer, ringMs: number) {
    const before = wxmRequests;
    const id = await placeCall({ user: AGENT, customerId: c.id });
    await event(id, 'offered');
    if (ringMs) await sleep(ringMs);
    await answerCall(id);
    const t0 = await event(id, 'accepted');
    // Poll fast (not per frame) for the entries, then wait for the frame that paints them.
    const deadline = performance.now() + 15_000;
    while (!(seen(app).entries.length === c.surveyCount && seen(app).brief && !/Ringing/.test(seen(app).text))) {
      if (performance.now() > deadline) throw new Error('journey not shown within 15 s');
      await new Promise((r) => queueMicrotask(() => setTimeout(r, 0)));
    }
    const inDom = performance.now() - t0;
    await nextFrame();
    const painted = performance.now() - t0;
    await sleep(200); // late requests, if any, still count for this call
    const requests = wxmRequests - before;
    await endCall(id);
    await sleep(100);
    return { inDom, painted, requests, ready: readyAtAccept.get(id) ? 1 : 0 };
  }

  const a: Array<Awaited<ReturnType<typeof measure>>> = [];
  const b: typeof a = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await measure(pool[2 * i]!, 1000));
    b.push(await measure(pool[2 * i + 1]!, 0));
  }
  return {
    'calls per case': RUNS,
    '(a) rang 1 s: ACTIVE → journey in DOM, median (ms)': round(median(a.map((x) => x.inDom))),
    '(a) rang 1 s: ACTIVE → painted, median (ms)': round(median(a.map((x) => x.painted))),
    '(a) rang 1 s: ACTIVE → painted, max (ms)': round(Math.max(...a.map((x) => x.painted))),
    '(b) answered at once: ACTIVE → painted, median (ms)': round(median(b.map((x) => x.painted))),
    '(b) answered at once: ACTIVE → painted, max (ms)': round(Math.max(...b.map((x) => x.painted))),
    '(a) journey already loaded at ACTIVE (calls)': a.reduce((n, x) => n + x.ready, 0),
    'WxM requests per call, median': median([...a, ...b].map((x) => x.requests)),
  };
}
