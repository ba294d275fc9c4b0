import { expect, fixture, html } from '@open-wc/testing';
import '../../gadgets/analytics/verbatim-list.js';
import type { VerbatimList } from '../../gadgets/analytics/verbatim-list.js';
import type { Verbatim } from '../../gadgets/analytics/verbatims.js';

const comments = (n: number): Verbatim[] =>
  Array.from({ length: n }, (_, i) => ({ answerId: `a${i}`, time: new Date(Date.UTC(2026, 10, 30, 12) - i * 60_000).toISOString(), text: `comment ${i}` }));

describe('<cx-verbatim-list>', () => {
  const shown = (el: VerbatimList) => el.shadowRoot!.querySelectorAll('[part=verbatim]').length;
  const more = (el: VerbatimList) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=more]');

  it('shows 10 comments, then "Show more" adds the next 10 until all are shown', async () => {
    const el = await fixture<VerbatimList>(html`<cx-verbatim-list .items=${comments(25)}></cx-verbatim-list>`);
    expect(shown(el)).to.equal(10);
    expect(more(el)!.textContent!.trim()).to.equal('Show 10 more');
    await expect(el).to.be.accessible();
    more(el)!.click();
    await el.updateComplete;
    expect(shown(el)).to.equal(20);
    expect(more(el)!.textContent!.trim()).to.equal('Show 5 more');
    more(el)!.click();
    await el.updateComplete;
    expect(shown(el)).to.equal(25);
    expect(more(el)).to.equal(null);
  });

  it('a new list starts over at 10; a short list has no button', async () => {
    const el = await fixture<VerbatimList>(html`<cx-verbatim-list .items=${comments(25)}></cx-verbatim-list>`);
    more(el)!.click();
    await el.updateComplete;
    el.items = comments(12);
    await el.updateComplete;
    expect(shown(el)).to.equal(10);
    el.items = comments(4);
    await el.updateComplete;
    expect(shown(el)).to.equal(4);
    expect(more(el)).to.equal(null);
  });
});
