import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AppError } from '../../shared/errors.js';
import { setLocale } from '../../shared/i18n/catalogue.js';
import { errorMessage } from '../../shared/i18n/messages.js';
import { RetryEvent, type CxStatePanel } from '../../shared/ui/state-panel.js';
import '../../shared/ui/state-panel.js';
import '../helpers/german.js';

const BEARER = 'Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ9876543210abcdef';
const down = new AppError('cloudconnect-down', 'cloudconnect', `token service 503 (${BEARER})`, { status: 503 });
const shadow = (el: Element) => el.shadowRoot!;
const button = (el: Element, part: string) => shadow(el).querySelector<HTMLButtonElement>(`[part="${part}"]`);

describe('<cx-state-panel>', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  let restoreClipboard: (() => void) | undefined;
  afterEach(() => {
    restoreClipboard?.();
    restoreClipboard = undefined;
    setLocale('en');
  });

  function stubClipboard(impl: (text: string) => Promise<void>) {
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: impl } });
    restoreClipboard = () => {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    };
  }

  it('shows the human message for the error code as an alert, with Retry and Copy diagnostics', async () => {
    const el = await fixture<CxStatePanel>(html`<cx-state-panel kind="error" .error=${down}></cx-state-panel>`);
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Cloud Connect is not reachable from Finesse');
    expect(alert.textContent).to.contain('Your calls are not affected');
    expect(alert.textContent).to.not.contain('503'); // technical detail stays in diagnostics
    expect(button(el, 'retry')).to.exist;
    expect(button(el, 'copy')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('follows the locale', async () => {
    setLocale('de-DE');
    const el = await fixture<CxStatePanel>(html`<cx-state-panel kind="error" .error=${down}></cx-state-panel>`);
    expect(shadow(el).textContent).to.contain(errorMessage(down));
    expect(button(el, 'retry')!.textContent).to.equal('Erneut versuchen');
    setLocale('en-GB');
    await el.updateComplete;
    expect(button(el, 'retry')!.textContent).to.equal('Retry');
  });

  it('fires cx-retry from the keyboard: Tab reaches Retry, Enter presses it', async () => {
    const el = await fixture<CxStatePanel>(html`<cx-state-panel kind="error" .error=${down}></cx-state-panel>`);
    let retries = 0;
    el.addEventListener(RetryEvent.eventName, (e) => {
      expect(e).to.be.instanceOf(RetryEvent);
      retries++;
    });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el, 'retry'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(retries).to.equal(2);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el, 'copy'));
  });

  it('offers no Retry when retrying cannot help (config errors)', async () => {
    const cfg = new AppError('config-invalid', 'config', 'wxmBaseUrl missing', { retryable: false });
    const el = await fixture<CxStatePanel>(html`<cx-state-panel kind="error" .error=${cfg}></cx-state-panel>`);
    expect(button(el, 'retry')).to.be.null;
    expect(button(el, 'copy')).to.exist;
  });

  it('copies redacted diagnostics and announces "Copied"', async () => {
    let copied = '';
    stubClipboard(async (t) => {
      copied = t;
    });
    const el = await fixture<CxStatePanel>(
      html`<cx-state-panel kind="error" .error=${down} .diagnostics=${{ gadget: 'journey', ani: '+49 170 7654321' }}></cx-state-panel>`,
    );
    button(el, 'copy')!.click();
    // The text is built by the diagnostics part, loaded on the first copy.
    await waitUntil(() => copied !== '', 'the diagnostics were copied');
    await el.updateComplete;
    expect(copied).to.contain('cloudconnect-down');
    expect(copied).to.contain('gadget: journey');
    expect(copied).to.not.contain('QWxhZGRpbjpvcGVuIHNlc2FtZQ9876543210abcdef');
    expect(copied).to.not.contain('7654321');
    expect(shadow(el).querySelector('.actions [role="status"]')!.textContent).to.equal('Diagnostics copied');
  });

  it('falls back to a focused, selected text box when the clipboard is refused', async () => {
    stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const el = await fixture<CxStatePanel>(html`<cx-state-panel kind="error" .error=${down}></cx-state-panel>`);
    button(el, 'copy')!.click();
    await waitUntil(() => shadow(el).activeElement?.localName === 'textarea', 'the text box takes focus');
    const box = shadow(el).querySelector('textarea')!;
    expect(box).to.exist;
    expect(shadow(el).activeElement).to.equal(box);
    expect(box.value).to.contain('cloudconnect-down');
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).to.equal(box.value);
    expect(box.value).to.not.contain('QWxhZGRpbjpvcGVuIHNlc2FtZQ');
    await expect(el).to.be.accessible();
  });

  it('renders empty/info as a polite status without error buttons, and loading as a skeleton', async () => {
    const empty = await fixture<CxStatePanel>(
      html`<cx-state-panel kind="empty" heading="No feedback" message="No feedback from this caller yet"><button>Search</button></cx-state-panel>`,
    );
    const status = shadow(empty).querySelector('[role="status"]')!;
    expect(status.textContent).to.contain('No feedback from this caller yet');
    expect(shadow(empty).querySelector('[role="alert"]')).to.be.null;
    expect(button(empty, 'retry')).to.be.null;
    await expect(empty).to.be.accessible();
    const loading = await fixture<CxStatePanel>(html`<cx-state-panel kind="loading"></cx-state-panel>`);
    const sk = shadow(loading).querySelector('cx-skeleton')!;
    await sk.updateComplete;
    expect(sk.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Loading…');
    await expect(loading).to.be.accessible();
  });
});
