/**
 * The built bundles (dist/, built by scripts/test.sh for this run's emulator WxM only) in the emulated Finesse
 * desktop: gadget URLs that name the catcher (wxmBaseUrl; WXMBASEURL next to the desktop's own wxmBaseUrl)
 * render through the emulated Shindig (UserPrefs substituted, Finesse library from the container's
 * scheme/host/hostPort), show the configuration error, and the catcher sees no request, even after a call.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { deepQuery } from '../analytics/dom.js';
import { answerCall, customer, endCall, placeCall } from '../journey/live.js';

const AGENT = '1004';
const NOT_ALLOWED = /this WxM address \(.*\) is not allowed by this build/;
const catcher = (clear = false) =>
  fetch(`/__catcher${clear ? '?clear' : ''}`).then((r) => r.json() as Promise<{ origin: string; requests: unknown[] }>);

describe('built gadgets in the emulated desktop, pointed at a WxM address the build does not allow', function () {
  this.timeout(90_000);
  let frame: HTMLIFrameElement;
  after(() => frame?.remove());

  it('show why, and send nothing there', async () => {
    const { origin } = await catcher(true);
    const journey = `/3rdpartygadget/files/cx/journey.xml?wxmBaseUrl=${encodeURIComponent(origin)}`;
    const analytics = `/3rdpartygadget/files/cx/analytics-agent.xml?filterTags=cc_AgentId&refreshSeconds=0&WXMBASEURL=${encodeURIComponent(origin)}`;
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:1200px;height:900px';
    frame.src = `/desktop/container/?${new URLSearchParams([['user', AGENT], ['layout', '0'], ['gadget', journey], ['gadget', analytics]])}`;
    document.body.append(frame);

    const gadget = (file: string) =>
      [...frame.contentDocument!.querySelectorAll<HTMLIFrameElement>('iframe.gadget-frame')].find((f) =>
        decodeURIComponent(f.src).includes(`/cx/${file}`),
      )?.contentDocument;
    const journeyRoot = () => gadget('journey.xml')?.querySelector('cx-gadget-root')?.shadowRoot;
    const journeyApp = () => gadget('journey.xml')?.querySelector('cx-journey-app')?.shadowRoot;
    const analyticsApp = () => gadget('analytics-agent.xml')?.querySelector('cx-analytics-app');

    await waitUntil(() => journeyRoot()?.querySelector('.problems'), 'the journey gadget shows no configuration problem', { timeout: 30_000 });
    expect(journeyRoot()!.querySelector('.problems')!.textContent).to.match(NOT_ALLOWED);
    // The emulated desktop adds its own wxmBaseUrl next to WXMBASEURL: two values, which must block WxM too.
    await waitUntil(() => analyticsApp()?.shadowRoot && deepQuery(analyticsApp()!.shadowRoot!, 'cx-state-panel[kind=error]'), 'analytics shows no error state', { timeout: 30_000 });
    expect(gadget('analytics-agent.xml')?.querySelector('cx-gadget-root')?.shadowRoot?.querySelector('[part=problems]')?.textContent).to.match(/wxmBaseUrl is given more than once with different values/);

    // The Finesse library came from the Finesse host named by the container (__UP_scheme__://__UP_host__:__UP_hostPort__).
    const libs = [...gadget('journey.xml')!.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src);
    expect(libs).to.include(`${location.origin}/desktop/assets/js/finesse.js`);

    const call = await placeCall({ user: AGENT, customerId: (await customer('mobile-only')).id });
    try {
      await answerCall(call);
      await waitUntil(() => journeyApp()?.querySelector('cx-journey-view')?.shadowRoot?.querySelector('cx-state-panel[kind=error]'), 'the journey shows no error state for the call', { timeout: 15_000 });
    } finally {
      await endCall(call);
    }
    expect((await catcher()).requests).to.deep.equal([]);
  });
});
