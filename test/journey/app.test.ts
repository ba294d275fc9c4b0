import { expect, fixture, html } from '@open-wc/testing';
import '../../gadgets/journey/app.js';
import '../../shared/gadget-root.js';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { GadgetServices } from '../../shared/boot.js';
import type { TokenClient } from '../../shared/token/token-client.js';
import type { GadgetConfig } from '../../shared/config/types.js';
import { AppError } from '../../shared/errors.js';
import { formatDate, formatDateTime } from '../../shared/i18n/format.js';
import { ScriptedWxm as FakeWxm } from '../fakes/wxm.js';
import { customerAnswer as answer, customerTagMap } from '../fakes/answers.js';
import { FakeAdapter, call, fakeSession } from '../fakes/adapter.js';
import { flush as settle } from '../fakes/timers.js';

const alice = [{ kind: 'customerId' as const, value: 'C-ALICE' }];

async function mount(wxm: FakeWxm, config: Partial<GadgetConfig> = {}, prefs: Record<string, string> = {}, session = fakeSession()) {
  const adapter = new FakeAdapter({ prefs });
  const services: GadgetServices = {
    tokens: {} as TokenClient,
    adapter,
    session,
    config: { questionnaires: [], ...config } as unknown as GadgetConfig,
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
    expect(root(app).querySelectorAll('h3')).to.have.length(days); // one heading per local day
    await settle();
    const text = [...entries].map((e) => e.shadowRoot!.textContent + [...e.shadowRoot!.querySelectorAll('cx-clamped-text')].map((c) => c.shadowRoot!.textContent).join('')).join('');
    expect(text).to.include('<b>bold</b>'); // literal text
    expect(entries[1]!.shadowRoot!.querySelector('cx-clamped-text')!.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root(app).textContent).to.include('2 records could not be read');
    expect(brief.shadowRoot!.textContent).to.include('3 surveys');
    // Issue 12.7: each score with its scale and age, legible (not a 9.75 px chip label), the last comment dated.
    const briefText = brief.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(briefText).to.include('NPS 9/10 · today');
    expect(briefText).to.match(/CSAT 4\/5 · [34] days ago/); // 3.1 days: calendar days depend on the hour
    expect(briefText).to.include('Last comment · today:');
    expect(briefText).to.include('Too few surveys for a trend'); // two NPS scores are no trend
    const score = brief.shadowRoot!.querySelector('[part="scores"] li')!;
    expect(parseFloat(getComputedStyle(score).fontSize)).to.be.at.least(12);
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
    const huge = 'Lorem ipsum dolor sit amet. '.repeat(40_000).slice(0, 1_000_000);
    const renderOnce = async () => {
      const wxm = new FakeWxm();
      const { app, adapter } = await mount(wxm);
      adapter.emit({ kind: 'accepted', call: call('d1', alice) });
      await until(() => wxm.calls.length === 1, 'first page requested');
      const big = answer(1, { nps: 2, comment: huge, reason: huge });
      const t0 = performance.now();
      wxm.calls[0]!.resolve([big, answer(2, { nps: 9 })]);
      const entry = await until(() => root(app).querySelector('cx-journey-entry'), 'entry');
      await entry.updateComplete;
      const text = entry.shadowRoot!.querySelector('cx-clamped-text')!;
      await text.updateComplete;
      void (app.getBoundingClientRect().height + text.getBoundingClientRect().height); // layout included
      return { app, entry, text, elapsed: performance.now() - t0 };
    };
    // The render's own cost, not the machine's: the best of up to three fresh mounts (other test files run in
    // parallel on the same cores). Rendering the whole megabyte took seconds, so a regression fails all three.
    const times: number[] = [];
    let run = await renderOnce();
    times.push(run.elapsed);
    while (run.elapsed >= 100 && times.length < 3) {
      run = await renderOnce();
      times.push(run.elapsed);
    }
    const { app, entry, text } = run;
    const best = Math.min(...times);
    expect(best, `first render took ${times.map((t) => t.toFixed(1)).join(', ')} ms`).to.be.below(100);
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

  describe('caller header (issue 12.6)', () => {
    const ids = [
      { kind: 'customerId' as const, value: 'C-ALICE' },
      { kind: 'mobile' as const, value: '+447913221676' },
      { kind: 'email' as const, value: 'alice.smith@example.com' },
    ];
    const named = (daysAgo: number, values: Parameters<typeof answer>[1], name?: string) => {
      const a = answer(daysAgo, values);
      if (name) a.responses.push({ questionId: 'q-name', questionText: '', textInput: name, numberInput: null });
      return a;
    };
    async function header(answers: ReturnType<typeof answer>[], config: Partial<GadgetConfig> = {}) {
      const wxm = new FakeWxm(customerTagMap({ name: ['q-name'] }));
      wxm.auto = () => ({ answers, totalCount: answers.length });
      const { app, adapter } = await mount(wxm, config);
      adapter.emit({ kind: 'accepted', call: call('d1', ids) });
      const el = await until(() => root(app).querySelector('cx-journey-caller'), 'caller header');
      await el.updateComplete;
      return { app, text: el.shadowRoot!.textContent!.replace(/\s+/g, ' '), risk: el.shadowRoot!.querySelector('[part="risk"]')?.textContent ?? null };
    }

    it('names the caller from a Name answer, shows the ids searched and "N surveys since <date>"', async () => {
      const oldest = named(30, { nps: 9 });
      const { app, text, risk } = await header([named(10, { nps: 8 }, 'Alice Smith'), named(20, { nps: 7 }, 'A. Smith'), oldest]);
      expect(text).to.include('Alice Smith');
      expect(text).to.include('Customer C-ALICE · Phone +447913221676 · Email alice.smith@example.com');
      expect(text).to.include(`3 surveys since ${formatDate(new Date(oldest.responseDateTime))}`); // the oldest survey
      expect(risk).to.equal(null);
      await expect(app).to.be.accessible();
    });

    it('masks phone and email with maskPii (the customer id stays)', async () => {
      const { text } = await header([named(10, { nps: 8 })], { maskPii: true });
      expect(text).to.include('Customer C-ALICE · Phone ••• 1676 · Email a•••@example.com');
      expect(text).to.not.include('7913221676');
      expect(text).to.not.include('alice.smith');
      expect(text).to.include('Caller'); // no Name answer
    });

    it('warns of a callback risk: an open ticket, or a detractor response in the last 7 days; says "first contact" without surveys', async () => {
      const ticket = named(40, { nps: 9 });
      ticket.openTicket = { status: 'Open' } as never;
      expect((await header([named(2, { nps: 9 }), ticket])).risk).to.match(/open ticket/);
      const closed = named(40, { nps: 9 });
      closed.openTicket = { status: 'Resolved' } as never;
      expect((await header([named(9, { nps: 2 }), closed])).risk, 'a detractor 9 days ago and a resolved ticket').to.equal(null);
      expect((await header([named(3, { nps: 2 })])).risk).to.match(/detractor response in the last 7 days/);
      expect((await header([])).text).to.include('First contact');
    });

    it('links the callback-risk banner to its survey: the entry opens and takes focus, by keyboard too (issue 14)', async () => {
      const ticket = named(40, { nps: 9 });
      ticket.openTicket = { status: 'Open' } as never;
      const { app } = await header([named(2, { nps: 9 }), named(10, { nps: 8 }), ticket]);
      const caller = root(app).querySelector('cx-journey-caller')!;
      const link = caller.shadowRoot!.querySelector<HTMLButtonElement>('[part="risk-show"]')!;
      expect(link.textContent!.trim()).to.equal('Show this survey');
      link.focus();
      link.click(); // a button: Enter and Space activate it the same way
      const entry = await until(
        () => [...root(app).querySelectorAll('cx-journey-entry')].find((el) => el.shadowRoot!.activeElement),
        'an entry took focus',
      );
      expect(entry.entry!.id, 'the survey with the open ticket').to.equal(ticket.id);
      expect(entry.shadowRoot!.querySelector('[part="details"]')!.hasAttribute('hidden'), 'its answers are open').to.equal(false);
      await expect(app).to.be.accessible();
    });
  });

  it('has one h1 (not shown: the container titles the gadget) and an "All answers" button named for its survey (12.11, 12.12)', async () => {
    const wxm = new FakeWxm();
    wxm.auto = () => ({ answers: [answer(0.1, { nps: 9 }), answer(0.2, { nps: 3 }), answer(5, { csat: 4 })], totalCount: 3 });
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    await until(() => root(app).querySelectorAll('cx-journey-entry').length === 3, 'entries');
    await settle();
    const walk = (n: Element | ShadowRoot): Element[] => [...n.children].flatMap((c) => [c, ...walk(c), ...(c.shadowRoot ? walk(c.shadowRoot) : [])]);
    const everything = walk(app.shadowRoot!);
    const h1 = everything.filter((e) => e.tagName === 'H1');
    expect(h1).to.have.length(1);
    expect(h1[0]!.getBoundingClientRect().width, 'visually hidden').to.be.at.most(1);
    const buttons = [...root(app).querySelectorAll('cx-journey-entry')].map((e) => e.shadowRoot!.querySelector('button[aria-controls]')!);
    const names = buttons.map((b) => b.getAttribute('aria-label')!);
    expect(new Set(names).size).to.equal(3);
    for (const n of names) expect(n).to.match(/^All answers, /);
    // Named with its survey's date and time (two surveys today differ by the time).
    const entries = [...root(app).querySelectorAll('cx-journey-entry')];
    entries.forEach((e, i) => expect(names[i]).to.equal(`All answers, ${formatDateTime(e.entry!.when)}`));
    await expect(app).to.be.accessible();
  });

  it('names the agent and team where Finesse tells them, as text; an unknown id stays an id (12.8)', async () => {
    const wxm = new FakeWxm();
    const mine = answer(0.1, { nps: 9 }); // agent 5001, team 200 (test/fakes/answers.ts)
    const other = answer(0.2, { nps: 3 });
    for (const r of other.responses) if (r.questionId === 'q-agent') r.textInput = '5022';
    wxm.auto = () => ({ answers: [mine, other], totalCount: 2 });
    const hostile = '<img src=x onerror="window.__pwnedName=1">';
    const session = fakeSession({ wxmAgentId: '5001', firstName: hostile, lastName: 'Eve', team: { id: '200', name: '<b>Ops</b>' } });
    const { app, adapter } = await mount(wxm, {}, {}, session);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    await until(() => root(app).querySelectorAll('cx-journey-entry').length === 2, 'entries');
    await settle();
    const [first, second] = [...root(app).querySelectorAll('cx-journey-entry')];
    const text = (e: Element) => e.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text(first!)).to.include(`Agent ${hostile} Eve · Team <b>Ops</b>`);
    expect(first!.shadowRoot!.querySelector('img, b'), 'names are text').to.equal(null);
    expect((window as unknown as { __pwnedName?: number }).__pwnedName).to.equal(undefined);
    expect(text(second!)).to.include('Agent 5022 · Team <b>Ops</b>');
    await expect(app).to.be.accessible();
  });

  it('compact mode: one line per survey, toggled from the timeline, remembered per user (UserPref) (12.11)', async () => {
    const answers = [answer(0.1, { nps: 9, comment: 'A long comment. '.repeat(40) }), answer(0.2, { nps: 3, comment: 'Short' }), answer(5, { csat: 4 })];
    const wxm = new FakeWxm();
    wxm.auto = () => ({ answers, totalCount: 3 });
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    await until(() => root(app).querySelectorAll('cx-journey-entry').length === 3, 'entries');
    await settle();
    const entries = () => [...root(app).querySelectorAll('cx-journey-entry')] as HTMLElement[];
    const tall = entries()[0]!.getBoundingClientRect().height;
    const toggle = [...root(app).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Compact')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await until(() => entries().every((e) => e.hasAttribute('compact')), 'compact entries');
    await settle();
    const line = parseFloat(getComputedStyle(entries()[0]!).lineHeight) || 20;
    expect(entries()[0]!.getBoundingClientRect().height, 'one line').to.be.below(Math.min(tall, line * 2.6));
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(adapter.prefs.journeyCompact).to.equal('true');
    await expect(app).to.be.accessible();
    // Signed in again: the same choice.
    const again = await mount(wxm, {}, { journeyCompact: 'true' });
    again.adapter.emit({ kind: 'accepted', call: call('d2', alice) });
    await until(() => root(again.app).querySelectorAll('cx-journey-entry[compact]').length === 3, 'compact from the start');
  });

  it('search (12.10): at the top, national numbers with defaultCountryCode, "No feedback found for …", back to the live call', async () => {
    const wxm = new FakeWxm();
    const filters: Array<{ filterquestions?: Array<{ answerCheck: string[] }> }> = [];
    wxm.auto = (filter) => {
      filters.push(filter);
      const manual = filter.filterquestions?.some((q) => q.answerCheck.includes('+447913221676'));
      return manual ? { answers: [], totalCount: 0 } : { answers: [answer(1, { nps: 9 })], totalCount: 1 };
    };
    const { app, adapter } = await mount(wxm, { defaultCountryCode: 44 });
    adapter.emit({ kind: 'accepted', call: call('d1', alice, { state: 'ACTIVE', agentState: 'ACTIVE' }) });
    await until(() => root(app).querySelector('[part="brief"]'), "the caller's journey");
    const order = [...root(app).querySelectorAll('[part="search"], [part="brief"]')].map((e) => e.getAttribute('part'));
    expect(order, 'search first').to.deep.equal(['search', 'brief']);
    const search = root(app).querySelector('cx-journey-search')!;
    const input = search.shadowRoot!.querySelector('input')!;
    input.value = '07913 221676';
    input.dispatchEvent(new Event('input'));
    search.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => /No feedback found for \+447913221676/.test(root(app).querySelector('cx-state-panel')?.shadowRoot?.textContent ?? ''), 'no match');
    const back = [...root(app).querySelectorAll('button')].find((b) => /Back to the current call/.test(b.textContent ?? ''))!;
    expect(back, 'back to the call while it is live').to.not.equal(undefined);
    await expect(app).to.be.accessible();
    back.click();
    await until(() => root(app).querySelector('[part="brief"]') && !/Search result/.test(root(app).textContent ?? ''), 'the call again');
    expect([...root(app).querySelectorAll('button')].some((b) => /Back to the current call/.test(b.textContent ?? ''))).to.equal(false);
  });

  it('an open ticket stands out from a closed one (12.9)', async () => {
    const open = answer(1, { nps: 3 });
    open.openTicket = { status: 'Open' } as never;
    const closed = answer(2, { nps: 4 });
    closed.openTicket = { status: 'Closed' } as never;
    const wxm = new FakeWxm();
    wxm.auto = () => ({ answers: [open, closed], totalCount: 2 });
    const { app, adapter } = await mount(wxm);
    adapter.emit({ kind: 'accepted', call: call('d1', alice) });
    await until(() => root(app).querySelectorAll('cx-journey-entry').length === 2, 'entries');
    await settle();
    const [a, b] = [...root(app).querySelectorAll('cx-journey-entry')].map((e) => e.shadowRoot!.querySelector('[part="ticket"]')!);
    expect([a!.textContent, b!.textContent]).to.deep.equal(['Ticket: Open', 'Ticket: Closed']);
    const style = (el: Element) => getComputedStyle(el);
    expect(style(a!).fontWeight).to.not.equal(style(b!).fontWeight);
    expect(style(a!).backgroundColor).to.not.equal(style(b!).backgroundColor);
    await expect(app).to.be.accessible();
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
