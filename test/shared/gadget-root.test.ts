/** The shared gadget root: boot, locale, theme, services to the app, problems, boot error, iframe height, loading. */
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { startGadget } from '../../shared/gadget-root.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import type { GadgetServices } from '../../shared/boot.js';
import type { FinesseSession } from '../../shared/finesse/types.js';
import { FakeAdapter, fakeSession } from '../fakes/adapter.js';
import { getLocale, setLocale } from '../../shared/i18n/catalogue.js';
import { testEnv } from '../helpers/env.js';
import { basic } from './live.js';

@customElement('cx-probe-app')
class ProbeApp extends LitElement {
  @property({ attribute: false }) services?: GadgetServices;
  @property({ type: Number }) lines = 1;
  /** Services were set before the app was connected (so connectedCallback can use them). */
  servicesAtConnect?: GadgetServices;
  override connectedCallback(): void {
    this.servicesAtConnect = this.services;
    super.connectedCallback();
  }
  override render() {
    return html`${Array.from({ length: this.lines }, (_, i) => html`<p>line ${i}</p>`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-probe-app': ProbeApp;
  }
}

/** The shared fake adapter, also counting loading dismissals; `fail` makes the boot fail. */
class RootAdapter extends FakeAdapter {
  dismissed = 0;
  fail?: Error;
  override async connect() {
    if (this.fail) throw this.fail;
    return super.connect();
  }
  override dismissLoading() {
    this.dismissed++;
  }
}

function fakeAdapter(query: string, fail?: Error, locale = 'en-US') {
  const adapter = new RootAdapter({
    query,
    session: fakeSession({ loginId: '1001', cceSkillTargetId: '5001', wxmAgentId: '5001', locale, authHeader: () => basic('1001') }),
  });
  if (fail) adapter.fail = fail;
  return { adapter, activateTab: () => adapter.activateTab() };
}

const frames = (n = 2) => new Promise<void>((r) => {
  const step = (k: number) => (k === 0 ? r() : requestAnimationFrame(() => step(k - 1)));
  step(n);
});

describe('startGadget (shared/gadget-root.ts)', () => {
  afterEach(() => {
    document.querySelectorAll('cx-gadget-root').forEach((r) => r.remove());
    setLocale('en');
  });

  it('boots, sets the locale, themes the root, hands the services to the app before it connects, then lifts the loading indicator', async () => {
    const env = await testEnv();
    const { adapter } = fakeAdapter(`wxmBaseUrl=${encodeURIComponent(env.wxmUrl)}&theme=dark`, undefined, 'de-DE');
    const app = document.createElement('cx-probe-app');
    const root = await startGadget({ gadget: 'probe', wxmClient: createWxmClient, app, adapter });
    expect(app.parentElement).to.equal(root);
    expect(app.servicesAtConnect?.session.wxmAgentId).to.equal('5001');
    expect(getLocale()).to.equal('de-DE');
    expect(root.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(app).getPropertyValue('--cx-surface').trim()).to.not.equal('#ffffff'); // the app inherits the dark theme
    expect(adapter.dismissed).to.equal(1);
    expect(root.shadowRoot!.querySelector('[part=problems]')).to.equal(null);
    await expect(root).to.be.accessible();
    app.services!.tokens.dispose();
  });

  it('shows configuration problems above the app, the blocked WxM address among them', async () => {
    const { adapter } = fakeAdapter('wxmBaseUrl=https%3A%2F%2Fapi.getcloudcherry.com&bogus=1');
    const app = document.createElement('cx-probe-app');
    const root = await startGadget({ gadget: 'probe', wxmClient: createWxmClient, app, adapter });
    const problems = root.shadowRoot!.querySelector('[part=problems]')!;
    expect(problems.getAttribute('role')).to.equal('alert');
    expect(problems.textContent).to.include('This gadget is not set up correctly');
    expect(problems.textContent).to.match(/wxmBaseUrl: .*is not allowed by this build/);
    expect(problems.textContent).to.include('bogus');
    expect(app.isConnected).to.equal(true); // the gadget still runs (on defaults; WxM refuses every call)
    await expect(root).to.be.accessible();
    app.services!.tokens.dispose();
  });

  it('a failed boot shows the error panel with Retry (no app), and still lifts the loading indicator', async () => {
    const { adapter } = fakeAdapter('', new Error('no container'));
    const app = document.createElement('cx-probe-app');
    const root = await startGadget({ gadget: 'probe', wxmClient: createWxmClient, app, adapter });
    expect(app.isConnected).to.equal(false);
    const panel = root.shadowRoot!.querySelector('cx-state-panel')!;
    expect(panel.getAttribute('kind')).to.equal('error');
    await panel.updateComplete;
    expect(panel.shadowRoot!.textContent).to.include('The gadget could not start.');
    expect(panel.shadowRoot!.querySelector('[part=retry]')).to.not.equal(null);
    expect(adapter.dismissed).to.equal(1);
    expect(adapter.heights).to.be.greaterThan(0);
  });

  it('resizes the iframe whenever the content grows, and when its tab is shown again', async () => {
    const env = await testEnv();
    const { adapter, activateTab } = fakeAdapter(`wxmBaseUrl=${encodeURIComponent(env.wxmUrl)}`);
    const app = document.createElement('cx-probe-app');
    await startGadget({ gadget: 'probe', wxmClient: createWxmClient, app, adapter });
    await frames(3);
    let before = adapter.heights;
    app.lines = 30; // an inner render, nothing the root is told about
    await app.updateComplete;
    await frames(3);
    expect(adapter.heights).to.be.greaterThan(before);
    before = adapter.heights;
    activateTab();
    await frames(2);
    expect(adapter.heights).to.be.greaterThan(before);
    app.services!.tokens.dispose();
  });
});
