import { expect, fixture, html } from '@open-wc/testing';
import '../../gadgets/journey/app.js';
import '../../shared/gadget-root.js';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { GadgetServices } from '../../shared/boot.js';
import type { TokenClient } from '../../shared/token/token-client.js';
import type { FinesseSession } from '../../shared/finesse/types.js';
import type { GadgetConfig } from '../../shared/config/types.js';
import { AppError } from '../../shared/errors.js';
import { ScriptedWxm as FakeWxm } from '../fakes/wxm.js';
import { customerAnswer as answer } from '../fakes/answers.js';
import { FakeAdapter, call } from '../fakes/adapter.js';
import { flush as settle } from '../fakes/timers.js';

const alice = [{ kind: 'customerId' as const, value: 'C-ALICE' }];

async function mount(wxm: FakeWxm) {
  const adapter = new FakeAdapter();
  const services: GadgetServices = {
    tokens: {} as TokenClient,
    adapter,
    session: {} as FinesseSession,
    config: { questionnaires: [] } as unknown as GadgetConfig,
    problems: [],
    wxm: wxm.asApi(),
    locale: 'en-US',
  };
  const app = await fixture<JourneyApp>(html`<cx-journey-app .services=${services}></cx-journey-app>`);
  return { app, adapter };
}

const view = (app: JourneyApp) => app.shadowRoot!.querySelector('cx-journey-view')!;
const root = (app: JourneyApp) => view(app).shadowRoot!;

async function until<T>(fn: () => T | null | undefined | false, what = 'condition'): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out: ${what}`);
}

describe('<cx-journey-app> with fakes', () => {
  it('renders the brief and the day-grouped timeline, newest first, with untrusted text as text', async () => {
    const wxm = new FakeWxm();
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const answers = [answer(0, { nps: 9, comment: 'Great' }), answer(3, { nps: 2, comment: hostile }), answer(3.1, { csat: 4 })];
    wxm.auto = () => ({ answers: [answers[2]!, answers[0]!, answers[1]!], totalCount: 3, malformed: 2 });
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    const brief = await until(() => root(app).querySelector('[part="brief"]'), 'brief');
    const entries = [...root(app).querySelectorAll('[part="entry"]')];
    expect(entries).to.have.length(3);
    const ids = entries.map((e) => (e as unknown as { entry: { id: string } }).entry.id);
    expect(ids).to.deep.equal(answers.map((a) => a.id));
    const days = new Set(answers.map((a) => new Date(a.responseDateTime).toDateString())).size;
    expect(root(app).querySelectorAll('h4')).to.have.length(days); // one heading per local day
    await settle();
    const text = [...entries].map((e) => e.shadowRoot!.textContent + [...e.shadowRoot!.querySelectorAll('cx-clamped-text')].map((c) => c.shadowRoot!.textContent).join('')).join('');
    expect(text).to.include('<b>bold</b>'); // literal text
    expect(entries[1]!.shadowRoot!.querySelector('cx-clamped-text')!.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root(app).textContent).to.include('2 records could not be read');
    expect(brief.shadowRoot!.textContent).to.include('3 surveys');
    expect(root(app).querySelector('[role="status"]')!.textContent).to.include('Journey for caller loaded: 3 surveys');
    await expect(app).to.be.accessible();
  });

  it('expands an entry to its visible answers by keyboard-operable button', async () => {
    const wxm = new FakeWxm();
    wxm.auto = () => ({ answers: [answer(1, { nps: 9, reason: 'Billing' })], totalCount: 1 });
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    const entry = await until(() => root(app).querySelector('cx-journey-entry'), 'entry');
    await entry.updateComplete;
    const button = entry.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await entry.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const details = entry.shadowRoot!.querySelector('[part="details"]')!.textContent!;
    expect(details).to.include('Billing');
    expect(details).to.not.include('1 Secret Way');
    await expect(app).to.be.accessible();
  });

  it('shows the empty state, and the error state with retry that recovers', async () => {
    const wxm = new FakeWxm();
    let fail = true;
    wxm.auto = () => {
      if (fail) throw new AppError('wxm-server', 'wxm', 'status 500', { status: 500 });
      return { answers: [], totalCount: 0 };
    };
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    const panel = await until(() => root(app).querySelector('cx-state-panel[kind="error"]'), 'error panel');
    await expect(app).to.be.accessible();
    fail = false;
    await (panel as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    (panel.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
    await until(
      () => root(app).querySelector('cx-state-panel[kind="empty"]')?.shadowRoot?.textContent?.includes('No feedback from this caller yet'),
      'empty',
    );
  });

  it('says the number is withheld and offers the search', async () => {
    const { app, adapter } = await mount(new FakeWxm());
    adapter.emit({ kind: 'accepted', call: call('d1', [], { withheld: true }) });
    await until(() => root(app).querySelector('cx-state-panel'), 'panel');
    const panel = root(app).querySelector('cx-state-panel')!;
    await (panel as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(panel.shadowRoot!.textContent).to.include('withheld');
    expect(root(app).querySelector('cx-journey-search')).to.not.equal(null);
    await expect(app).to.be.accessible();
  });

  it('searches by what the agent types (email detected) and filters by period from the keyboard', async () => {
    const wxm = new FakeWxm();
    const filters: unknown[] = [];
    wxm.auto = (filter) => {
      filters.push(filter);
      return { answers: [answer(1, { nps: 8 })], totalCount: 1 };
    };
    const { app } = await mount(wxm);
    const search = root(app).querySelector('cx-journey-search')!;
    await search.updateComplete;
    const input = search.shadowRoot!.querySelector('input')!;
    input.value = '  Someone@Example.COM ';
    input.dispatchEvent(new Event('input'));
    await search.updateComplete;
    expect(search.shadowRoot!.textContent).to.include('Searching by email');
    search.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => root(app).querySelector('[part="brief"]'), 'brief');
    expect(filters[0]).to.deep.equal({ filterquestions: [{ questionId: 'q-email', answerCheck: ['someone@example.com'] }] });
    expect(root(app).textContent).to.include('Search result');
    const period = root(app).querySelector('cx-segmented')!;
    await period.updateComplete;
    const first = period.shadowRoot!.querySelector('button[aria-checked="true"]') as HTMLButtonElement;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    await until(() => filters.length === 2, 'filtered lookup');
    const since = Date.parse((filters[1] as { afterdate: string }).afterdate);
    expect(Math.round((Date.now() - since) / 86_400_000)).to.equal(30);
    await expect(app).to.be.accessible();
  });

  it('filters belong to the call: shown as "Filtered: … · n of m" with a clear, an empty result says so, a new call starts unfiltered', async () => {
    const wxm = new FakeWxm();
    const all = [answer(1, { nps: 9 }), answer(10, { nps: 3 }), answer(40, { csat: 4 }), answer(100, { nps: 8 }), answer(200, { nps: 7 })];
    const requests: Array<{ afterdate?: string; channel?: string }> = [];
    wxm.auto = (filter) => {
      requests.push(filter);
      if (filter.channel) return { answers: [], totalCount: 0 };
      const since = filter.afterdate ? Date.parse(filter.afterdate) : 0;
      const hits = all.filter((a) => Date.parse(a.responseDateTime) >= since);
      return { answers: hits, totalCount: hits.length };
    };
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    await until(() => root(app).querySelectorAll('cx-journey-entry').length === 5, 'unfiltered timeline');
    const [period, channel] = [...root(app).querySelectorAll('cx-segmented')];
    await period!.updateComplete;
    (period!.shadowRoot!.querySelectorAll('button')[0] as HTMLButtonElement).click(); // 30 days
    const line = await until(() => root(app).querySelector('[part="filtered"]'), 'filtered line');
    await until(() => root(app).querySelectorAll('cx-journey-entry').length === 2, 'filtered timeline');
    expect(line.textContent).to.include('Filtered: 30 days · 2 of 5');
    await expect(app).to.be.accessible();
    (line.querySelector('button') as HTMLButtonElement).click();
    await until(() => !root(app).querySelector('[part="filtered"]') && root(app).querySelectorAll('cx-journey-entry').length === 5, 'cleared');
    await channel!.updateComplete;
    (channel!.shadowRoot!.querySelectorAll('button')[3] as HTMLButtonElement).click(); // SMS
    await until(() => /No surveys match these filters/.test(root(app).textContent ?? ''), 'empty filter result');
    expect(root(app).textContent).to.not.include('No feedback from this caller yet');
    expect(root(app).querySelector('[part="filtered"]')!.textContent).to.include('Filtered: SMS · 0 of 5');
    adapter.emit({ kind: 'ended', call: call('d1', alice) });
    const bob = [{ kind: 'customerId' as const, value: 'C-BOB' }];
    adapter.emit({ kind: 'accepted', call: call('d2', bob) });
    await until(() => root(app).querySelectorAll('cx-journey-entry').length === 5, "the new caller's whole timeline");
    expect(root(app).querySelector('[part="filtered"]')).to.equal(null);
    expect(requests.at(-1)).to.not.have.any.keys('afterdate', 'channel');
    await (root(app).querySelectorAll('cx-segmented')[1] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect((root(app).querySelectorAll('cx-segmented')[1] as unknown as { value: string }).value).to.equal('all');
  });

  it('renders a 1 MB comment within 100 ms (its first 2,000 characters; more on demand, a step at a time)', async () => {
    const wxm = new FakeWxm();
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    await until(() => wxm.calls.length === 1, 'first page requested');
    const huge = 'Lorem ipsum dolor sit amet. '.repeat(40_000).slice(0, 1_000_000);
    const big = answer(1, { nps: 2, comment: huge, reason: huge });
    const t0 = performance.now();
    wxm.calls[0]!.resolve([big, answer(2, { nps: 9 })]);
    const entry = await until(() => root(app).querySelector('cx-journey-entry'), 'entry');
    await entry.updateComplete;
    const text = entry.shadowRoot!.querySelector('cx-clamped-text')!;
    await text.updateComplete;
    void (app.getBoundingClientRect().height + text.getBoundingClientRect().height); // layout included
    const elapsed = performance.now() - t0;
    expect(elapsed, `first render took ${elapsed.toFixed(1)} ms`).to.be.below(100);
    const shown = (text as unknown as { text: string }).text;
    expect(shown.length).to.be.within(2_000, 2_001);
    expect(huge.startsWith(shown.slice(0, 2_000))).to.equal(true);
    const brief = root(app).querySelector('[part="brief"]')!;
    expect((brief.shadowRoot!.querySelector('cx-clamped-text') as unknown as { text: string }).text.length).to.be.at.most(2_001);
    (entry.shadowRoot!.querySelector('[part="more-text"]') as HTMLButtonElement).click();
    await entry.updateComplete;
    expect((text as unknown as { text: string }).text.length).to.be.within(12_000, 12_001);
    // A short comment has no such button.
    const small = [...root(app).querySelectorAll('cx-journey-entry')][1]!;
    expect(small.shadowRoot!.querySelector('[part="more-text"]')).to.equal(null);
  });

  it('rejects input that is no phone, email or id and says why', async () => {
    const { app } = await mount(new FakeWxm());
    const search = root(app).querySelector('cx-journey-search')!;
    await search.updateComplete;
    const input = search.shadowRoot!.querySelector('input')!;
    input.value = 'not@an-email';
    input.dispatchEvent(new Event('input'));
    search.shadowRoot!.querySelector('form')!.requestSubmit();
    await search.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(search.shadowRoot!.textContent).to.include('Enter a phone number');
  });

  it('is accessible in the dark theme too', async () => {
    const wxm = new FakeWxm();
    wxm.auto = () => ({ answers: [answer(0, { nps: 3, comment: 'Meh' }), answer(2, { csat: 5 })], totalCount: 2, malformed: 1 });
    const { app, adapter } = await mount(wxm);
    // The theme is the root's (shared/gadget-root.ts): its subtree switches to dark.
    const themed = await fixture(html`<cx-gadget-root theme="dark"></cx-gadget-root>`);
    themed.append(app);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    await until(() => root(app).querySelector('[part="brief"]'), 'brief');
    await settle();
    expect(getComputedStyle(app).backgroundColor).to.not.equal('rgb(255, 255, 255)');
    await expect(app).to.be.accessible();
  });

  it('keeps the journey (and what the agent opened) when the call ends, marked as ended', async () => {
    const wxm = new FakeWxm();
    wxm.auto = () => ({ answers: [answer(1, { nps: 9, reason: 'Billing' })], totalCount: 1 });
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    const entry = await until(() => root(app).querySelector('cx-journey-entry'), 'entry');
    await entry.updateComplete;
    entry.shadowRoot!.querySelector('button')!.click();
    await entry.updateComplete;
    adapter.emit({ kind: 'ended', call: call('d1', alice, { state: 'DROPPED' }) });
    await until(() => root(app).textContent?.includes('Call ended'), 'ended tag');
    await settle();
    const after = root(app).querySelector('cx-journey-entry')!;
    expect(after).to.equal(entry); // not re-created
    expect(after.shadowRoot!.querySelector('button')!.getAttribute('aria-expanded')).to.equal('true');
  });
});
