/**
 * Issue 12.12: the journey's period and channel groups by keyboard. Arrow keys, Home and End move the selection
 * and focus stays on the newly selected option (while the filtered timeline loads and after), one tab stop per group.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../gadgets/journey/app.js';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { GadgetServices } from '../../shared/boot.js';
import type { TokenClient } from '../../shared/token/token-client.js';
import type { GadgetConfig } from '../../shared/config/types.js';
import type { CxSegmented } from '../../shared/ui/segmented.js';
import { ScriptedWxm } from '../fakes/wxm.js';
import { customerAnswer as answer } from '../fakes/answers.js';
import { FakeAdapter, call, fakeSession } from '../fakes/adapter.js';
import { flush as settle } from '../fakes/timers.js';

async function until<T>(fn: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const v = fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out: ${what}`);
}

/** The focused element, through every shadow root. */
function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

describe('journey filters by keyboard (12.12)', function () {
  this.timeout(60_000);
  let app: JourneyApp;
  let wxm: ScriptedWxm;
  const root = () => app.shadowRoot!.querySelector('cx-journey-view')!.shadowRoot!;
  const groups = () => [...root().querySelectorAll('cx-segmented')] as CxSegmented[];
  const options = (g: CxSegmented) => [...g.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
  const checked = (g: CxSegmented) => options(g).find((b) => b.getAttribute('aria-checked') === 'true')!;
  /** Answers every page request waiting so far (each filter's lookup asks for one). */
  const answerAll = () => {
    for (const c of wxm.calls.splice(0)) c.resolve([answer(1, { nps: 9 }), answer(2, { csat: 4 })]);
  };

  beforeEach(async () => {
    wxm = new ScriptedWxm();
    const adapter = new FakeAdapter();
    const services: GadgetServices = {
      tokens: {} as TokenClient,
      adapter,
      session: fakeSession(),
      config: { questionnaires: [] } as unknown as GadgetConfig,
      problems: [],
      wxm: wxm.asApi(),
      locale: 'en-US',
    };
    app = await fixture<JourneyApp>(html`<cx-journey-app .services=${services}></cx-journey-app>`);
    adapter.emit({ kind: 'accepted', call: call('d1', [{ kind: 'customerId', value: 'C-1' }]) });
    await until(() => wxm.calls.length, 'the first lookup');
    answerAll();
    await until(() => groups().length === 2, 'the filters');
    await settle();
  });

  it('ArrowRight, ArrowLeft, Home and End select and keep focus on the selected option, loading or loaded', async () => {
    const [period] = groups();
    checked(period!).focus();
    // Periods: 30 d, 90 d, 1 y, All (selected: no filter). Back on All, the unfiltered timeline needs no lookup.
    const steps: Array<[string, number]> = [
      ['ArrowRight', 0], // wraps
      ['ArrowRight', 1],
      ['ArrowLeft', 0],
      ['End', 3],
      ['Home', 0],
    ];
    for (const [key, index] of steps) {
      await sendKeys({ press: key });
      const focused = () => deepActive() === options(groups()[0]!)[index];
      if (index !== 3) {
        await until(() => wxm.calls.length, `the lookup after ${key}`);
        await settle();
        expect(focused(), `after ${key}, while the filtered timeline loads`).to.equal(true);
        answerAll();
      }
      await until(() => root().querySelectorAll('cx-journey-entry').length === 2, 'the timeline');
      await settle();
      expect(options(groups()[0]!)[index]!.getAttribute('aria-checked')).to.equal('true');
      expect(focused(), `after ${key}, once the timeline is in`).to.equal(true);
    }
    expect(groups()[0]).to.equal(period, 'the same group all along');
    await expect(app).to.be.accessible();
  });

  it('one tab stop per group: Tab goes from the selected period to the selected channel', async () => {
    for (const g of groups()) expect(options(g).filter((b) => b.tabIndex === 0)).to.deep.equal([checked(g)]);
    const [period, channel] = groups();
    checked(period!).focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => wxm.calls.length, 'the lookup');
    answerAll();
    await until(() => root().querySelector('[part="filtered"]'), 'the filtered line');
    expect(options(period!).filter((b) => b.tabIndex === 0)).to.deep.equal([checked(period!)]);
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(checked(channel!));
    await sendKeys({ press: 'ArrowLeft' }); // wraps to the last channel
    await until(() => wxm.calls.length, 'the channel lookup');
    await settle();
    expect(deepActive()).to.equal(options(channel!).at(-1));
    await expect(app).to.be.accessible();
  });
});
