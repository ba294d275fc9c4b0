/**
 * Issue 12.1 on the emulator: the journey follows the call the agent was most recently active on (resumed counts),
 * and after the last call ends it stays on the call that ended last — through hold, consult and a missed call.
 */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import { answerCall, bootAs, control, endCall, expectedAnswers, placeCall, seen, until, type Customer } from './live.js';

const AGENT = '1003';
let app: JourneyApp;
let pool: Customer[] = [];
const calls: string[] = [];

const hold = (id: string) => control(`/calls/${id}/hold`, {});
const resume = (id: string) => control(`/calls/${id}/resume`, {});

async function take(c: Customer): Promise<string> {
  const id = await placeCall({ user: AGENT, customerId: c.id });
  calls.push(id);
  await answerCall(id);
  return id;
}

/** Waits until exactly this customer's journey is on screen, marked ended or not. */
async function shows(c: Customer, ended: boolean) {
  const { ids } = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
  return until(`${c.id}${ended ? ' (ended)' : ''}`, () => {
    const s = seen(app);
    const same = s.entryIds.length === ids.length && s.entryIds.every((x, i) => x === ids[i]);
    return same && /Call ended/.test(s.text) === ended && s;
  });
}

/** Gives a wrong switch every chance to paint, then checks the screen still shows `c`. */
async function stillShows(c: Customer, ended: boolean) {
  await new Promise((r) => setTimeout(r, 400));
  await shows(c, ended);
}

describe('journey gadget on the emulator: which call is on screen (issue 12.1)', function () {
  this.timeout(90_000);

  before(async () => {
    const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?limit=300');
    pool = customers.filter((x) => x.traits.length === 0 && x.surveyCount >= 2 && x.surveyCount <= 20).slice(30, 40);
    app = await bootAs(AGENT);
  });
  afterEach(async () => {
    for (const id of calls.splice(0)) await endCall(id).catch(() => undefined);
  });

  it('take A, hold A, take and end B, resume A, end A → shows A', async () => {
    const [a, b] = [pool[0]!, pool[1]!];
    const callA = await take(a);
    await shows(a, false);
    await hold(callA);
    const callB = await take(b);
    await shows(b, false);
    await endCall(callB);
    await shows(a, false); // A is still live, on hold
    await resume(callA);
    await endCall(callA);
    await stillShows(a, true);
    await expect(app).to.be.accessible();
  });

  it('consult: the consulted party while the consult lasts, then the customer again, kept after the call ends', async () => {
    const [a, b] = [pool[2]!, pool[3]!];
    const callA = await take(a);
    await shows(a, false);
    const { id: consult } = await control<{ id: string }>(`/calls/${callA}/consult`, { to: b.mobile });
    calls.push(consult);
    await endCall(consult);
    await resume(callA);
    await endCall(callA);
    await stillShows(a, true);
  });

  it('a missed call after the call ended leaves the ended call on screen', async () => {
    const [a, m] = [pool[4]!, pool[5]!];
    const callA = await take(a);
    await shows(a, false);
    await endCall(callA);
    await shows(a, true);
    const missed = await placeCall({ user: AGENT, customerId: m.id });
    await until('the ringing call, marked', () => /Ringing/.test(seen(app).text) && !/Call ended/.test(seen(app).text));
    await endCall(missed);
    await stillShows(a, true);
    expect(seen(app).text).to.not.include('Ringing');
  });

  it('shows the journey while the call rings (marked Ringing); accepting repaints nothing but the mark (issue 12.13)', async () => {
    const c = pool[6]!;
    const id = await placeCall({ user: AGENT, customerId: c.id });
    calls.push(id);
    const { ids } = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
    const ringing = await until('the ringing journey', () => {
      const s = seen(app);
      return s.entryIds.length === ids.length && /Ringing/.test(s.text) && s;
    });
    expect(ringing.entryIds).to.deep.equal(ids);
    await expect(app).to.be.accessible();
    const before = ringing.entries;
    await answerCall(id);
    const live = await until('accepted', () => !/Ringing/.test(seen(app).text) && seen(app));
    expect(live.entries.length).to.equal(before.length);
    live.entries.forEach((e, i) => expect(e, 'the same entry element, not re-rendered').to.equal(before[i]));
  });
});
