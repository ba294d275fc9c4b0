/**
 * A built gadget (dist/, from `npm run build`) boots in Chromium the way Finesse runs it: its XML's Content in a
 * gadget iframe on the Finesse origin, Finesse library first, then our one classic script; it renders its root
 * element with a shadow root and no Lit dev-mode warning.
 */
import { expect } from '@open-wc/testing';

interface FrameLog {
  warnings: string[];
  errors: string[];
  scripts: string[];
}
type FrameWindow = Window & { cxBoot: Promise<FrameLog> };

const frames: HTMLIFrameElement[] = [];

async function openGadget(spec: string, gadgetUrl: string, user: string): Promise<{ doc: Document; log: FrameLog }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const q = new URLSearchParams({ spec, url: gadgetUrl, user });
  frame.src = `/test/build/gadget-frame.html?${q}`;
  frames.push(frame);
  await new Promise((resolve) => {
    frame.onload = resolve;
    document.body.append(frame);
  });
  const win = frame.contentWindow as FrameWindow;
  const log = await win.cxBoot;
  return { doc: frame.contentDocument!, log };
}

async function waitFor<T>(what: string, fn: () => T | undefined | null, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Users of the emulator's seeded world: 1001 is an agent, 2001 a supervisor.
const CASES = [
  { spec: 'journey.xml', url: '/3rdpartygadget/files/cx/journey.xml', tag: 'cx-journey-app', user: '1001' },
  {
    spec: 'analytics-agent.xml',
    url: '/3rdpartygadget/files/cx/analytics-agent.xml?filterTags=cc_AgentId',
    tag: 'cx-analytics-app',
    user: '1001',
  },
  {
    spec: 'analytics-team.xml',
    url: '/3rdpartygadget/files/cx/analytics-team.xml?filterTags=cc_TeamId',
    tag: 'cx-analytics-app',
    user: '2001',
  },
];

/** Text of a node and of every shadow root under it (what the agent reads; no instanceof: another realm). */
const deepText = (node: Node): string => {
  const shadow = (node as Partial<Element>).shadowRoot;
  return [...node.childNodes, ...(shadow ? [shadow] : [])]
    .map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent ?? '' : deepText(n)))
    .join(' ');
};

/** The first element matching `selector` in `node` or any shadow root under it. */
const deepQuery = (node: Element | ShadowRoot, selector: string): Element | null => {
  const hit = node.querySelector(selector);
  if (hit) return hit;
  for (const el of node.querySelectorAll('*')) {
    const inner = el.shadowRoot && deepQuery(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return (node as Element).shadowRoot ? deepQuery((node as Element).shadowRoot!, selector) : null;
};

describe('built gadget scripts boot in a gadget iframe', function () {
  this.timeout(60_000);
  after(() => frames.forEach((f) => f.remove()));

  for (const c of CASES) {
    it(`${c.spec} (user ${c.user}) loads its script and renders <${c.tag}> with a shadow root`, async () => {
      const { doc, log } = await openGadget(c.spec, c.url, c.user);
      const ourScript = log.scripts.find((s) => s.startsWith('/dist/'));
      expect(ourScript, log.scripts.join('\n')).to.match(/ ok$/);
      const el = await waitFor(`<${c.tag}>`, () => doc.querySelector(c.tag));
      await waitFor(`<${c.tag}> to be defined`, () => doc.defaultView!.customElements.get(c.tag));
      const root = await waitFor(`<${c.tag}> shadow root`, () => el.shadowRoot);
      await waitFor(`<${c.tag}> to render`, () => root.childNodes.length > 0);
      expect(doc.getElementById('cx-load-error')?.hidden, 'load-error message stays hidden').to.equal(true);
      expect(log.warnings.filter((w) => /dev mode/i.test(w))).to.deep.equal([]);
    });
  }

  it('a part loads from beside the built script and runs on its bridge: "Copy diagnostics" copies the full text', async () => {
    // A WxM address the build does not allow: the gadget fails closed at once, with its error panel (no network).
    const url = '/3rdpartygadget/files/cx/analytics-team.xml?filterTags=cc_TeamId&wxmBaseUrl=https://wxm.example.invalid';
    const { doc, log } = await openGadget('analytics-team.xml', url, '2001');
    const app = await waitFor('<cx-analytics-app>', () => doc.querySelector('cx-analytics-app'));
    const copy = await waitFor('a "Copy diagnostics" button', () => deepQuery(app, 'cx-state-panel')?.shadowRoot?.querySelector<HTMLElement>('[part="copy"]'), 15_000);
    let copied = '';
    Object.defineProperty(doc.defaultView!.navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    copy.click();
    await waitFor('the diagnostics on the clipboard', () => copied);
    // Lines only the diagnostics part writes (without it, the panel copies the code and hop alone).
    expect(copied).to.match(/^gadget: analytics$/m);
    expect(copied).to.match(/^error: config-invalid$/m);
    expect(copied).to.match(/^user agent: /m);
    expect(log.warnings.filter((w) => /part did not load/.test(w))).to.deep.equal([]);
  });

  it('a German agent gets German: the script loads its German file from beside itself', async () => {
    const { doc, log } = await openGadget('journey.xml', '/3rdpartygadget/files/cx/journey.xml?locale=de-DE', '1001');
    const app = await waitFor('<cx-journey-app>', () => doc.querySelector('cx-journey-app'));
    await waitFor('the German idle text', () => deepText(app).includes('Gerade kein Anruf'));
    expect(deepText(app)).to.not.contain('No call right now');
    expect(log.warnings.filter((w) => /did not load/.test(w))).to.deep.equal([]);
  });
});
