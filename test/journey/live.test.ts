/** The journey gadget against the emulator, as agent 1001 sees it. */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import { answerCall, bootAs, control, customer, endCall, expectedAnswers, placeCall, seen, until, type Customer } from './live.js';

const AGENT = '1001';
let app: JourneyApp;

async function journeyOf(c: Customer, extra: Record<string, unknown> = { customerId: c.id }) {
  const id = await placeCall({ user: AGENT, ...extra });
  await answerCall(id);
  return id;
}

/** Waits for the journey of exactly these entry ids (first page). */
const shows = (ids: string[]) => until(`entries ${ids.length}`, () => {
  const s = seen(app);
  return s.entryIds.length === ids.length && s.entryIds.every((x, i) => x === ids[i]) && s;
});

describe('journey gadget on the emulator (agent)', function () {
  this.timeout(60_000);
  const calls: string[] = [];

  before(async () => {
    app = await bootAs(AGENT);
  });
  afterEach(async () => {
    for (const id of calls.splice(0)) await endCall(id).catch(() => undefined);
  });

  it('shows exactly the caller’s surveys, newest first, when the agent accepts', async () => {
    const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?limit=300');
    const c = customers.find((x) => x.traits.length === 0 && x.surveyCount >= 3 && x.surveyCount <= 20)!;
    const expected = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
    expect(expected.ids).to.have.length(c.surveyCount);
    calls.push(await journeyOf(c));
    const s = await shows(expected.ids);
    expect(s.brief!.shadowRoot!.textContent).to.match(new RegExp(`\\b${expected.totalCount} surveys?\\b`));
    expect(s.live).to.include(`Journey for caller loaded: ${expected.totalCount}`);
    expect(s.loadMore).to.equal(null);
    await expect(app).to.be.accessible();
  });

  it('finds a caller by ANI (mobile) when there is no customer id', async () => {
    const c = await customer('mobile-only');
    const expected = await expectedAnswers(AGENT, 'Mobile', c.mobile!);
    expect(expected.ids.length).to.be.greaterThan(0);
    calls.push(await journeyOf(c, { ani: c.mobile }));
    await shows(expected.ids);
  });

  it('says when the caller has no feedback yet', async () => {
    const c = await customer('no-surveys');
    calls.push(await journeyOf(c));
    await until('empty', () => /No feedback from this caller yet/.test(seen(app).panelText));
  });

  it('says the number is withheld (and unknown when there is no ANI), offering the search', async () => {
    calls.push(await journeyOf({} as Customer, { ani: 'withheld' }));
    await until('withheld', () => /the number is withheld/.test(seen(app).panelText));
    calls.push(await journeyOf({} as Customer, { ani: 'none' }));
    await until('no caller id', () => /No caller id for this call: the number is unknown/.test(seen(app).panelText) && !seen(app).entries.length);
    expect(seen(app).panelText).to.not.include('withheld');
    expect(seen(app).text).to.include('Find a customer');
    await expect(app).to.be.accessible();
  });

  it('two quick calls: never a render of the first caller, then exactly the second', async () => {
    const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?limit=300');
    const [a, b] = customers.filter((x) => x.traits.length === 0 && x.surveyCount >= 2 && x.surveyCount <= 20);
    const first = new Set((await expectedAnswers(AGENT, 'cc_CustomerId', a!.id)).ids);
    const second = await expectedAnswers(AGENT, 'cc_CustomerId', b!.id);
    const rendered = new Set<string>();
    let sampling = true;
    const sample = () => {
      for (const id of seen(app).entryIds) rendered.add(id);
      if (sampling) requestAnimationFrame(sample);
    };
    sample();
    const one = await placeCall({ user: AGENT, customerId: a!.id });
    await endCall(one); // missed
    const two = await placeCall({ user: AGENT, customerId: b!.id });
    calls.push(two);
    await answerCall(two);
    await shows(second.ids);
    sampling = false;
    expect([...rendered].filter((id) => first.has(id))).to.deep.equal([]);
  });

  it('renders a hostile comment as literal text; no markup executes or renders', async () => {
    const c = await customer('hostile');
    const expected = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
    calls.push(await journeyOf(c));
    const s = await shows(expected.ids.slice(0, 20));
    await until('clamped texts', () => s.entries.every((e) => e.shadowRoot?.childElementCount));
    const texts = s.entries.flatMap((e) => [...e.shadowRoot!.querySelectorAll('cx-clamped-text')]);
    const shown = texts.map((t) => t.shadowRoot!.querySelector('[part="text"]')?.textContent ?? '').join('\n');
    expect(shown).to.match(/[<>]/); // the markup is visible as characters
    for (const t of texts) expect(t.shadowRoot!.querySelectorAll('img, script, iframe, a, svg, b, style')).to.have.length(0);
    const w = window as unknown as Record<string, unknown>;
    expect(Object.keys(w).filter((k) => /pwn|xss|hacked/i.test(k))).to.deep.equal([]);
  });

  it('shows the readable records of a malformed history and counts the rest', async () => {
    const c = await customer('malformed');
    calls.push(await journeyOf(c));
    const expected = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
    const s = await until('malformed notice', () => {
      const x = seen(app);
      return /could not be read/.test(x.text) && x;
    });
    const n = Number(/(\d+) records? could not be read/.exec(s.text)?.[1]);
    expect(n).to.be.greaterThan(0);
    expect(s.entries.length).to.be.greaterThan(0);
    // Every record of the page is either shown or counted (a record may also be broken beyond its id).
    expect(s.entries.length + n).to.equal(Math.min(20, expected.totalCount));
    for (const id of s.entryIds) expect(expected.ids).to.include(id);
  });

  it('pages a 60-survey history with "load more" until all 60 are shown, in the API’s order', async () => {
    const c = await customer('max-history');
    const expected = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
    expect(expected.totalCount).to.equal(60);
    calls.push(await journeyOf(c));
    await shows(expected.ids.slice(0, 20));
    for (let pages = 1; pages < 3; pages++) {
      const button = await until('load more', () => seen(app).loadMore);
      button.click();
      await shows(expected.ids.slice(0, 20 * (pages + 1)));
    }
    expect(seen(app).loadMore).to.equal(null);
    await expect(app).to.be.accessible();
  });
});
