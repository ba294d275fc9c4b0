import { fixture, html } from '@open-wc/testing';
import '../../gadgets/journey/app.js';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import { FakeWxm, answer, call } from './fakes.js';
describe('prof', () => {
  it('render cost', async () => {
    const wxm = new FakeWxm();
    const answers = Array.from({ length: 20 }, (_, i) => answer(i, { nps: i % 11, csat: 1 + (i % 5), comment: 'A comment that is moderately long '.repeat(3) }));
    wxm.auto = () => ({ answers, totalCount: 20 });
    let fn: (e: unknown) => void = () => {};
    const adapter = { onCall: (f: (e: unknown) => void) => ((fn = f), () => {}), onTabActivated: () => () => {}, adjustHeight() {}, dismissLoading() {}, setTitle() {} };
    for (let k = 0; k < 4; k++) {
      const app = await fixture<JourneyApp>(html`<cx-journey-app .services=${{ adapter, session: {}, config: { questionnaires: [] }, problems: [], wxm: wxm.asApi(), locale: 'en-US' }}></cx-journey-app>`);
      fn({ kind: 'offered', call: call('d' + k, [{ kind: 'customerId', value: 'X' }]) });
      await new Promise((r) => setTimeout(r, 300));
      const t0 = performance.now();
      fn({ kind: 'accepted', call: call('d' + k, [{ kind: 'customerId', value: 'X' }]) });
      const v = app.shadowRoot!.querySelector('cx-journey-view')!;
      while (v.shadowRoot!.querySelectorAll('cx-journey-entry').length < 20) await new Promise((r) => setTimeout(r, 0));
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      console.log('PROF', Math.round(t1 - t0), Math.round(performance.now() - t0));
      app.remove();
    }
  });
});
