/**
 * The journey gadget against the emulator for calls that are not a plain inbound ANI: outbound calls the agent
 * dials (the customer is toAddress), POD.ID in each spelling Cisco and others use, and phone numbers that the
 * customer's surveys store in a national format. Agent 1003.
 */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import type { FilterBy, Question } from '../../shared/wxm/types.js';
import { testEnv } from '../helpers/env.js';
import { answerCall, bootAs, control, customer, endCall, expectedAnswers, seen, until, wxmToken, type Customer } from './live.js';

const AGENT = '1003';
let app: JourneyApp;

/** Every answers query the gadget sends to WxM (the fetch of this page, which the gadget shares). */
const queries: FilterBy[] = [];
const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (/\/api\/answers\/page\//.test(url)) {
    const body = typeof init?.body === 'string' ? init.body : input instanceof Request ? await input.clone().text() : '';
    if (body) queries.push(JSON.parse(body) as FilterBy);
  }
  return realFetch(input, init);
};
const askedValues = () => queries.flatMap((q) => q.filterquestions ?? []).flatMap((fq) => fq.answerCheck);

/** Waits until the journey shows exactly these entry ids (any order of arrival, first page). */
const shows = (ids: string[]) =>
  until(`entries ${ids.join(',')}`, () => {
    const s = seen(app);
    return s.entryIds.length === ids.length && ids.every((x) => s.entryIds.includes(x)) && s;
  });

async function historied(pred: (c: Customer & { traits: string[]; mobileForms?: string[] }) => boolean): Promise<Customer> {
  const { customers } = await control<{ customers: Array<Customer & { traits: string[]; mobileForms?: string[] }> }>('/customers?limit=400');
  const found = customers.find((c) => c.traits.length === 0 && c.surveyCount >= 2 && c.surveyCount <= 20 && pred(c));
  if (!found) throw new Error('no suitable customer');
  return found;
}

describe('journey gadget on the emulator: outbound calls, POD.ID spellings, stored phone formats', function () {
  this.timeout(60_000);
  const calls: string[] = [];
  let extension: string;

  before(async () => {
    extension = (await control<{ agents: Array<{ id: string; extension: string }> }>('/agents')).agents.find((a) => a.id === AGENT)!.extension;
    app = await bootAs(AGENT);
  });
  beforeEach(() => (queries.length = 0));
  afterEach(async () => {
    for (const id of calls.splice(0)) await endCall(id).catch(() => undefined);
  });

  it("the agent dials a customer: the journey shows the customer's history, never a lookup of the agent's extension", async () => {
    // Some of the surveys store the mobile exactly as dialed (+digits): those must show up.
    const c = await historied((x) => !!x.mobile && (x.mobileForms ?? []).includes('e164'));
    const expected = await expectedAnswers(AGENT, 'Mobile', c.mobile!);
    expect(expected.ids.length).to.be.greaterThan(0);
    const { id, dialog } = await control<{ id: string; dialog: { fromAddress: string; toAddress: string } }>('/dial', { user: AGENT, customerId: c.id });
    calls.push(id);
    expect(dialog.fromAddress).to.equal(extension);
    await answerCall(id);
    const s = await until('the dialed customer’s history', () => {
      const x = seen(app);
      return expected.ids.every((e) => x.entryIds.includes(e)) && x;
    });
    expect(s.entryIds.length).to.be.at.most(c.surveyCount);
    expect(queries.length).to.be.greaterThan(0);
    expect(askedValues()).to.include(c.mobile);
    expect(askedValues().filter((v) => v.replace(/\D/g, '') === extension)).to.deep.equal([]);
  });

  it('an Outbound Option preview call (OUTBOUND_PREVIEW) finds the dialed customer too', async () => {
    const c = await historied((x) => !!x.mobile && (x.mobileForms ?? []).includes('e164'));
    const expected = await expectedAnswers(AGENT, 'Mobile', c.mobile!);
    expect(expected.ids.length).to.be.greaterThan(0);
    const { id } = await control<{ id: string }>('/dial', { user: AGENT, to: c.mobile, callType: 'OUTBOUND_PREVIEW' });
    calls.push(id);
    await answerCall(id);
    await until('the history', () => expected.ids.every((e) => seen(app).entryIds.includes(e)));
    expect(askedValues().filter((v) => v.replace(/\D/g, '') === extension)).to.deep.equal([]);
  });

  for (const podIdForm of ['cisco', 'classic', 'generic', 'bare']) {
    it(`POD.ID spelled "${podIdForm}" finds the customer's history (no ANI)`, async () => {
      const c = await historied((x) => !!x.mobile && !!x.email);
      const expected = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
      const { id } = await control<{ id: string }>('/calls', { user: AGENT, customerId: c.id, podIdForm, ani: 'none', survey: false });
      calls.push(id);
      await answerCall(id);
      await shows(expected.ids);
    });
  }

  it("Cisco's emailId key alone finds the history by email", async () => {
    const c = await customer('email-only');
    const expected = await expectedAnswers(AGENT, 'Email', c.email!);
    expect(expected.ids.length).to.be.greaterThan(0);
    const { id } = await control<{ id: string }>('/calls', { user: AGENT, podId: `EMAILID=${c.email!.toUpperCase()}`, ani: 'none', survey: false });
    calls.push(id);
    await answerCall(id);
    await shows(expected.ids.slice(0, 20));
  });

  it('a canonical ANI finds surveys that stored the number in national formats', async () => {
    const taken = new Set((await control<{ customers: Customer[] }>('/customers?limit=10000')).customers.map((c) => c.mobile));
    let line = 4300;
    while (taken.has(`+1202555${line}`)) line++;
    const e164 = `+1202555${line}`;
    const stored = [`(202) 555-${line}`, `202555${line}`];
    const answerIds: string[] = [];
    for (const form of stored) answerIds.push(await webSurvey(form));
    const { id } = await control<{ id: string }>('/calls', { user: AGENT, ani: e164, survey: false });
    calls.push(id);
    await answerCall(id);
    await shows(answerIds);
    const mobileChecks = queries.flatMap((q) => q.filterquestions ?? []).map((fq) => fq.answerCheck);
    expect(mobileChecks.some((list) => stored.every((f) => list.includes(f)))).to.equal(true, 'one filter lists the national forms');
  });
});

/** A web survey answered by someone who typed their number as `mobile`: stored as typed (WxM keeps prefills verbatim). */
async function webSurvey(mobile: string): Promise<string> {
  const env = await testEnv();
  const auth = { Authorization: `Bearer ${await wxmToken(AGENT)}`, 'content-type': 'application/json' };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${env.wxmUrl}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const location = 'Digital follow-up';
  const questions = await post<Question[]>('/api/Questions/Questionnaire', { name: location });
  const tagged = (tag: string) => questions.find((q) => q.questionTags.some((t) => t.toLowerCase() === tag.toLowerCase()));
  const mobileQ = tagged('Mobile')!;
  const npsQ = tagged('NPS')!;
  const token = await post<{ id: string }>('/api/SurveyToken', {
    location,
    validUses: 1,
    validTill: new Date(Date.now() + 3_600_000).toISOString(),
    preFill: [{ questionId: mobileQ.id, questionText: mobileQ.text, textInput: mobile, numberInput: 0 }],
    channel: 'web',
  });
  const res = await fetch(`${env.wxmUrl}/api/SurveyByToken/${encodeURIComponent(token.id)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: crypto.randomUUID(), responseDateTime: new Date().toISOString(), responses: [{ questionId: npsQ.id, textInput: '', numberInput: 9 }] }),
  });
  const stored = (await res.json()) as { id: string };
  return stored.id;
}
