import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PeriodChangeEvent, type PeriodPicker } from '../../gadgets/analytics/period-picker.js';
import '../../gadgets/analytics/period-picker.js';
import type { PeriodChoice } from '../../gadgets/analytics/period.js';

const segmented = (el: PeriodPicker) => el.shadowRoot!.querySelector('cx-segmented')!;
const radios = (el: PeriodPicker) => [...segmented(el).shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
const checked = (el: PeriodPicker) => radios(el).find((r) => r.getAttribute('aria-checked') === 'true')?.textContent?.trim();
/** The element that has the keyboard focus, through the shadow roots. */
function focused(): Element | null {
  let at: Element | null = document.activeElement;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}
/** Tabs (backwards with `back`) until `target` has the focus (a date field has a stop per segment). */
async function tabUntil(target: Element, back = false) {
  if (back) await sendKeys({ down: 'Shift' });
  for (let i = 0; i < 8 && focused() !== target; i++) await sendKeys({ press: 'Tab' });
  if (back) await sendKeys({ up: 'Shift' });
  expect(focused()).to.equal(target);
}
const dateField = (el: PeriodPicker, part: 'from' | 'to') => el.shadowRoot!.querySelector<HTMLInputElement>(`input[part="${part}"]`);

describe('<cx-period-picker> by keyboard', function () {
  // The first axe run loads axe-core; on a loaded shared machine that alone can pass the 20 s default.
  this.timeout(60_000);
  async function make(value: PeriodChoice = { key: '30d' }) {
    const el = await fixture<PeriodPicker>(html`<cx-period-picker .value=${value} max="2024-03-20"></cx-period-picker>`);
    const changes: PeriodChoice[] = [];
    el.addEventListener(PeriodChangeEvent.eventName, (e) => {
      changes.push(e.period);
      el.value = e.period; // as the app does
    });
    return { el, changes };
  }

  it('Tab enters at the chosen period; arrows, Home and End choose, and focus stays in the group', async () => {
    const { el, changes } = await make();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(radios(el)[3 - 1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(checked(el)).to.equal('90 days');
    expect(focused()).to.equal(radios(el)[3]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(radios(el)[0]);
    await sendKeys({ press: 'ArrowLeft' }); // wraps to the end: Custom, not announced until a range is set
    expect(focused()).to.equal(radios(el)[4]);
    expect(changes).to.deep.equal([{ key: '90d' }, { key: '30d' }, { key: 'today' }]);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowRight' }); // wraps to the start
    expect(changes.at(-1)).to.deep.equal({ key: 'today' });
    expect(checked(el)).to.equal('Today');
    expect(radios(el).filter((r) => r.tabIndex === 0)).to.deep.equal([radios(el)[0]]);
  });

  it('Enter and Space keep the chosen period without announcing it again', async () => {
    const { el, changes } = await make({ key: '7d' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checked(el)).to.equal('7 days');
    expect(changes).to.deep.equal([]);
    expect(focused()).to.equal(radios(el)[1]);
  });

  it('End chooses Custom: two labelled date fields follow, a range is announced once complete and in order', async () => {
    const { el, changes } = await make();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(checked(el)).to.equal('Custom');
    expect(focused()).to.equal(radios(el)[4]); // choosing Custom does not move the focus away
    const from = dateField(el, 'from')!;
    const to = dateField(el, 'to')!;
    expect(from.closest('label')!.textContent).to.contain('From');
    expect(to.closest('label')!.textContent).to.contain('To');
    expect(to.value).to.equal('2024-03-20'); // "to" starts at the latest selectable day
    expect(from.max).to.equal('2024-03-20');
    expect(changes).to.deep.equal([]); // no start yet: nothing to announce
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(from);
    // mm dd yyyy in Chromium's en-US date field; the field says "change" at every complete date on the way
    // (years 0002, 0020, 0202): only the real one is announced.
    await sendKeys({ type: '03012024' });
    await el.updateComplete;
    expect(from.value).to.equal('2024-03-01');
    expect(changes).to.deep.equal([{ key: 'custom', from: '2024-03-01', to: '2024-03-20' }]);

    await tabUntil(to);
    await sendKeys({ type: '02012024' }); // before the start: said, not announced
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('on or before the end date');
    expect(changes).to.have.length(1);
    await expect(el).to.be.accessible();

    // Back to the group and to a preset: the fields go, the preset is announced.
    await tabUntil(radios(el)[4]!, true);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(dateField(el, 'from')).to.equal(null);
    expect(changes.at(-1)).to.deep.equal({ key: 'today' });
  });
});
