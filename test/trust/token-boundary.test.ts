/**
 * The bearer token goes only to the WxM addresses fixed at build time. Through the real boot path
 * (container.js + finesse.js of the emulator → shared/boot.ts → the WxM client), each gadget is pointed at the
 * catcher (test/trust/catcher.mjs, a loopback port this build does not allow) by a URL parameter, a case
 * variant of it, an up_ iframe parameter and a saved UserPref. The catcher must see no request at all, and the
 * agent must see why instead of data.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startGadget } from '../../shared/gadget-root.js';
import { createFinesseAdapter } from '../../shared/finesse/adapter.js';
import { watchCalls } from '../../shared/finesse/calls.js';
import { createWxmReader } from '../../shared/wxm/wxm-client.js';
import { startAnalytics } from '../../gadgets/analytics/start.js';
import '../../gadgets/journey/app.js';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import { loadScript } from '../helpers/load-script.js';
import { deepQuery } from '../analytics/dom.js';
import { answerCall, customer, endCall, placeCall, seen } from '../journey/live.js';

interface Caught {
  origin: string;
  requests: Array<{ method: string; path: string; authorization: string | null }>;
}
const catcher = (clear = false): Promise<Caught> => fetch(`/__catcher${clear ? '?clear' : ''}`).then((r) => r.json() as Promise<Caught>);

const AGENT = '1003';
const NOT_ALLOWED = /this WxM address \(.*\) is not allowed by this build/;

/** How a catcher address can reach a gadget: the gadget URL query, iframe up_ parameters, or a saved pref. */
interface Route {
  name: string;
  query: (catcher: string) => Record<string, string>;
  up: (catcher: string) => Record<string, string>;
  saved: (catcher: string) => Record<string, string>;
}
const ROUTES: Route[] = [
  { name: 'a wxmBaseUrl URL parameter', query: (c) => ({ wxmBaseUrl: c }), up: () => ({}), saved: () => ({}) },
  { name: 'a WXMBASEURL case variant', query: (c) => ({ WXMBASEURL: c }), up: () => ({}), saved: () => ({}) },
  { name: 'an up_wxmBaseUrl iframe parameter', query: () => ({}), up: (c) => ({ up_wxmBaseUrl: c }), saved: () => ({}) },
  { name: 'a saved wxmBaseUrl UserPref', query: () => ({}), up: () => ({}), saved: (c) => ({ wxmBaseUrl: c }) },
];

/** Makes this page `user`'s gadget iframe for `file`, as the emulated Finesse container would. */
async function becomeGadget(file: string, user: string, route: Route, origin: string, query: Record<string, string> = {}) {
  const gadgetUrl = `${location.origin}/3rdpartygadget/files/cx/${file}?${new URLSearchParams({ ...query, ...route.query(origin) })}`;
  const container = `/gadgets/container.js?${new URLSearchParams({ user, url: gadgetUrl, ...route.up(origin) })}`;
  await loadScript(container);
  const saved = route.saved(origin);
  if (Object.keys(saved).length) {
    // As the gadget (or an earlier session) would have saved it; the container reads saved prefs when it loads.
    const prefs = new (window as unknown as { gadgets: { Prefs: new () => { set(n: string, v: string): void } } }).gadgets.Prefs();
    for (const [name, value] of Object.entries(saved)) prefs.set(name, value);
    await loadScript(container);
  }
  await loadScript('/desktop/assets/js/finesse.js');
}

describe('the bearer token never reaches a WxM address the build does not allow', function () {
  this.timeout(60_000);
  afterEach(() => localStorage.clear());

  it('the catcher records a cross-origin request with its Authorization header (so silence below means something)', async () => {
    const { origin } = await catcher(true);
    await fetch(`${origin}/api/probe`, { headers: { Authorization: 'Bearer probe' } });
    const { requests } = await catcher();
    expect(requests.map((r) => r.authorization)).to.include('Bearer probe');
  });

  for (const route of ROUTES) {
    it(`journey: ${route.name} naming the catcher gets no request there, and says why`, async () => {
      const { origin } = await catcher(true);
      await becomeGadget('journey.xml', AGENT, route, origin);
      const app = document.createElement('cx-journey-app') as JourneyApp;
      let call: string | undefined;
      const root = await startGadget({ gadget: 'journey', wxmClient: createWxmReader, app, adapter: createFinesseAdapter({ calls: watchCalls }) });
      try {
        const c = await customer('mobile-only');
        call = await placeCall({ user: AGENT, customerId: c.id });
        await answerCall(call);
        await waitUntil(() => seen(app).panel?.kind === 'error', 'the journey did not show an error state', { timeout: 15_000 });
        expect(root.shadowRoot!.querySelector('.problems')?.textContent).to.match(NOT_ALLOWED);
        expect(root.shadowRoot!.querySelector('.problems')?.textContent).to.include('wxmBaseUrl');
        expect((await catcher()).requests).to.deep.equal([]);
      } finally {
        if (call) await endCall(call);
        app.services?.tokens.dispose();
        root.remove();
      }
    });

    it(`analytics: ${route.name} naming the catcher gets no request there, and says why`, async () => {
      const { origin } = await catcher(true);
      await becomeGadget('analytics-agent.xml', AGENT, route, origin, { filterTags: 'cc_AgentId', refreshSeconds: '0' });
      const host = document.createElement('div');
      document.body.append(host);
      try {
        const app = await startAnalytics(host);
        expect(app, 'booted').to.not.equal(undefined);
        await waitUntil(() => deepQuery(app!, 'cx-state-panel[kind=error]'), 'analytics did not show an error state', { timeout: 15_000 });
        // The configuration problems are the root's (shared/gadget-root.ts).
        expect(deepQuery(app!.closest('cx-gadget-root')!, '[part=problems]')?.textContent).to.match(NOT_ALLOWED);
        expect((await catcher()).requests).to.deep.equal([]);
      } finally {
        host.remove();
      }
    });
  }
});
