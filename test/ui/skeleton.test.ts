import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CxSkeleton } from '../../shared/ui/skeleton.js';
import '../../shared/ui/skeleton.js';

describe('<cx-skeleton>', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  it('draws the requested lines hidden from assistive tech, with a hidden "Loading…" status', async () => {
    const el = await fixture<CxSkeleton>(html`<cx-skeleton lines="4"></cx-skeleton>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part="line"]').length).to.equal(4);
    expect(root.querySelector('[part="line"]')!.closest('[aria-hidden="true"]')).to.exist;
    const status = root.querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('Loading…');
    expect(status.getBoundingClientRect().width).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('uses a custom label', async () => {
    const el = await fixture<CxSkeleton>(html`<cx-skeleton label="Loading the journey"></cx-skeleton>`);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Loading the journey');
  });

  it('pulses, except when the user asks for reduced motion', async () => {
    const el = await fixture<CxSkeleton>(html`<cx-skeleton></cx-skeleton>`);
    const line = el.shadowRoot!.querySelector('[part="line"]')!;
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(line).animationName).to.equal('pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(line).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
});
