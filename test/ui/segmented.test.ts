import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChangeEvent, type CxSegmented } from '../../shared/ui/segmented.js';
import '../../shared/ui/segmented.js';

const OPTIONS = [
  { value: '30d', label: '30 d', title: '30 days' },
  { value: '90d', label: '90 d', title: '90 days' },
  { value: '1y', label: '1 y', title: '1 year' },
  { value: 'all', label: 'All' },
];
const radios = (el: CxSegmented) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];

describe('<cx-segmented>', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  async function make(value = '90d') {
    const el = await fixture<CxSegmented>(
      html`<cx-segmented label="Period" .options=${OPTIONS} value=${value}></cx-segmented>`,
    );
    const changes: string[] = [];
    el.addEventListener(ChangeEvent.eventName, (e) => changes.push(e.value));
    return { el, changes };
  }

  it('is a labelled radio group with exactly one checked option', async () => {
    const { el } = await make();
    const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Period');
    expect(radios(el).map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['false', 'true', 'false', 'false']);
    await expect(el).to.be.accessible();
  });

  it('Tab enters at the selected option; arrows, Home and End move and select', async () => {
    const { el, changes } = await make();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal('1y');
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[2]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' }); // wraps
    expect(el.value).to.equal('30d');
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.value).to.equal('all');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'End' });
    expect(changes).to.deep.equal(['1y', 'all', '30d', 'all', '30d', 'all']);
    expect(radios(el).filter((r) => r.tabIndex === 0)).to.deep.equal([radios(el)[3]]);
  });

  it('selects on click and Space, and fires no event when the value does not change', async () => {
    const { el, changes } = await make('30d');
    radios(el)[0]!.click();
    expect(changes).to.deep.equal([]);
    radios(el)[2]!.click();
    await el.updateComplete;
    expect(changes).to.deep.equal(['1y']);
    expect(radios(el)[2]!.getAttribute('aria-checked')).to.equal('true');
  });
});
