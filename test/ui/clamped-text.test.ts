import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CxClampedText } from '../../shared/ui/clamped-text.js';
import '../../shared/ui/clamped-text.js';

const toggle = (el: CxClampedText) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]');
const box = (el: CxClampedText) => el.shadowRoot!.querySelector<HTMLElement>('[part="text"]')!;
/** Let the post-update measurement run and re-render (timers, not animation frames: background pages may not paint). */
const settle = async (el: CxClampedText) => {
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

describe('<cx-clamped-text>', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  it('renders hostile markup as literal text and creates no element', async () => {
    const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>`;
    const el = await fixture<CxClampedText>(html`<cx-clamped-text .text=${hostile}></cx-clamped-text>`);
    await settle(el);
    expect(box(el).textContent).to.equal(hostile);
    expect(box(el).children.length).to.equal(0);
    expect(el.shadowRoot!.querySelector('img, script, b')).to.be.null;
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows no toggle for short text', async () => {
    const el = await fixture<CxClampedText>(html`<cx-clamped-text .text=${'Quick and friendly.'}></cx-clamped-text>`);
    await settle(el);
    expect(toggle(el)).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('clamps long text (10 kB) to the given lines and toggles More/Less with the keyboard', async () => {
    const long = 'The agent was helpful but the wait was long. '.repeat(230); // ≈ 10 kB
    const el = await fixture<CxClampedText>(
      html`<cx-clamped-text style="width:300px" lines="2" .text=${long}></cx-clamped-text>`,
    );
    await settle(el);
    const lineHeight = parseFloat(getComputedStyle(box(el)).lineHeight) || 16;
    const clamped = box(el).getBoundingClientRect().height;
    expect(clamped).to.be.at.most(lineHeight * 2 + 2);
    const t = toggle(el)!;
    expect(t.textContent).to.equal('More');
    expect(t.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(t);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(toggle(el)!.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle(el)!.textContent).to.equal('Less');
    expect(box(el).getBoundingClientRect().height).to.be.greaterThan(clamped * 10);
    expect(box(el).textContent).to.equal(long);

    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(toggle(el)!.getAttribute('aria-expanded')).to.equal('false');
    expect(box(el).getBoundingClientRect().height).to.equal(clamped);
  });

  it('sets direction from the text (RTL) and keeps emoji intact', async () => {
    const arabic = 'الخدمة ممتازة 👍🏽 شكراً';
    const el = await fixture<CxClampedText>(html`<cx-clamped-text .text=${arabic}></cx-clamped-text>`);
    await settle(el);
    expect(box(el).getAttribute('dir')).to.equal('auto');
    expect(box(el).matches(':dir(rtl)')).to.equal(true);
    expect(box(el).textContent).to.equal(arabic);
  });

  it('re-measures when the text changes and collapses again', async () => {
    const el = await fixture<CxClampedText>(html`<cx-clamped-text style="width:200px"></cx-clamped-text>`);
    el.text = 'short';
    await settle(el);
    expect(toggle(el)).to.be.null;
    el.text = 'word '.repeat(400);
    await settle(el);
    await settle(el);
    expect(toggle(el)).to.exist;
  });
});
