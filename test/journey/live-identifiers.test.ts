/**
 * Issue 12.2 on the emulator: every identifier of the call is searched and the results merged. The world's
 * `partial-ids` customers are also surveyed by campaigns that only know the address they sent to, so some of their
 * answers carry no cc_CustomerId: searching by the customer id alone would miss them.
 */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import { answerCall, bootAs, control, endCall, expectedAnswers, placeCall, seen, until, type Customer } from './live.js';

const AGENT = '1004';
let app: JourneyApp;
const calls: string[] = [];

type WorldCustomer = Customer & { traits: string[]; carries: { customerId: number; mobile: number; email: number } };

describe('journey gadget on the emulator: every identifier of the caller (issue 12.2)', function () {
  this.timeout(90_000);
  before(async () => {
    app = await bootAs(AGENT);
  });
  afterEach(async () => {
    for (const id of calls.splice(0)) await endCall(id).catch(() => undefined);
  });

  it('merges the surveys found by customer id and by email (POD.ID), each once, newest first', async () => {
    const { customers } = await control<{ customers: WorldCustomer[] }>('/customers?trait=partial-ids&limit=300');
    // Some answers carry only the email, none the mobile: the expectation needs no phone forms.
    const c = customers.find((x) => x.carries.mobile === 0 && x.carries.email > 0 && x.carries.customerId < x.surveyCount && x.surveyCount <= 20);
    expect(c, 'a partial-ids customer reachable by email').to.not.equal(undefined);
    const [byId, byEmail] = [await expectedAnswers(AGENT, 'cc_CustomerId', c!.id), await expectedAnswers(AGENT, 'Email', c!.email!)];
    const all = new Set([...byId.ids, ...byEmail.ids]);
    expect(all.size, 'the email finds surveys the customer id does not').to.be.greaterThan(byId.ids.length);
    expect(all.size).to.equal(c!.surveyCount);

    const call = await placeCall({ user: AGENT, customerId: c!.id, podIdForm: 'cisco' });
    calls.push(call);
    await answerCall(call);
    const s = await until('every survey of the caller', () => {
      const v = seen(app);
      return v.entryIds.length === all.size && v;
    });
    expect(new Set(s.entryIds).size, 'each answer once').to.equal(all.size);
    expect([...s.entryIds].sort()).to.deep.equal([...all].sort());
    const times = s.entries.map((e) => (e as unknown as { entry: { when: Date } }).entry.when.getTime());
    expect(times, 'newest first').to.deep.equal([...times].sort((a, b) => b - a));
    expect(s.brief!.shadowRoot!.textContent).to.match(new RegExp(`\\b${c!.surveyCount} surveys?\\b`));
  });
});
