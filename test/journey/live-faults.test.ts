/** The journey gadget when the path to WxM misbehaves: expired token, Cloud Connect down, rate limit, server error. */
import { expect } from '@open-wc/testing';
import type { JourneyApp } from '../../gadgets/journey/app.js';
import { answerCall, bootAs, control, endCall, expectedAnswers, placeCall, seen, until, type Customer } from './live.js';

const AGENT = '1002';
let app: JourneyApp;
let pool: Customer[] = [];
const calls: string[] = [];

async function accept(c: Customer) {
  const id = await placeCall({ user: AGENT, customerId: c.id });
  calls.push(id);
  await answerCall(id);
}

const shows = (ids: string[]) =>
  until(`entries ${ids.length}`, () => {
    const s = seen(app);
    return s.entryIds.length === ids.length && s.entryIds.every((x, i) => x === ids[i]) && s;
  });

describe('journey gadget on the emulator (faults)', function () {
  this.timeout(90_000);

  before(async () => {
    const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?limit=300');
    pool = customers.filter((x) => x.traits.length === 0 && x.surveyCount >= 2 && x.surveyCount <= 20).slice(10, 20);
    app = await bootAs(AGENT);
  });
  afterEach(async () => {
    await control('/faults', undefined, 'DELETE');
    await control('/cloudconnect', { down: false });
    for (const id of calls.splice(0)) await endCall(id).catch(() => undefined);
  });

  it('recovers by itself when the token expires mid-session (401)', async () => {
    await accept(pool[0]!);
    await shows((await expectedAnswers(AGENT, 'cc_CustomerId', pool[0]!.id)).ids);
    await control('/tokens/expire', {});
    await endCall(calls.pop()!);
    await accept(pool[1]!);
    await shows((await expectedAnswers(AGENT, 'cc_CustomerId', pool[1]!.id)).ids);
    expect(seen(app).panel).to.equal(null);
  });

  it('says Cloud Connect is down (503 on the token), then recovers on Retry', async () => {
    await control('/cloudconnect', { down: true });
    await control('/tokens/expire', {});
    await accept(pool[2]!);
    await until('cloud connect message', () => /Cloud Connect/.test(seen(app).panelText));
    expect(seen(app).panel!.getAttribute('kind')).to.equal('error');
    await expect(app).to.be.accessible();
    await control('/cloudconnect', { down: false });
    (seen(app).panel!.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
    await shows((await expectedAnswers(AGENT, 'cc_CustomerId', pool[2]!.id)).ids);
  });

  it('rides out a 429 from WxM', async () => {
    await control('/faults', { route: '/api/answers', status: 429, count: 1 });
    await accept(pool[3]!);
    await shows((await expectedAnswers(AGENT, 'cc_CustomerId', pool[3]!.id)).ids);
  });

  it('shows an error with Retry and diagnostics (no caller PII) when WxM keeps failing, then recovers', async () => {
    await control('/faults', { route: '/api/answers', status: 500, count: 20 });
    const c = pool[4]!;
    await accept(c);
    await until('error panel', () => seen(app).panel?.getAttribute('kind') === 'error', 40_000);
    const panel = seen(app).panel!;
    expect(panel.shadowRoot!.querySelector('[part="copy"]')).to.not.equal(null);
    const { buildDiagnostics } = await import('../../shared/ui/diagnostics.js');
    const diag = buildDiagnostics((panel as unknown as { error: never }).error, (panel as unknown as { diagnostics: Record<string, unknown> }).diagnostics);
    for (const secret of [c.id, c.mobile ?? 'x-none', c.email ?? 'x-none']) expect(diag).to.not.include(secret);
    await control('/faults', undefined, 'DELETE');
    (panel.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
    await shows((await expectedAnswers(AGENT, 'cc_CustomerId', c.id)).ids);
  });

  it('keeps what loaded and says so when a later page fails (partial), then completes on "load more"', async () => {
    const { customers } = await control<{ customers: Array<Customer & { traits: string[] }> }>('/customers?trait=max-history&limit=1');
    const c = customers[0]!;
    const expected = await expectedAnswers(AGENT, 'cc_CustomerId', c.id);
    await accept(c);
    await shows(expected.ids.slice(0, 20));
    await control('/faults', { route: '/api/answers', status: 500, count: 20 });
    seen(app).loadMore!.click();
    await until('partial notice', () => /could not be loaded/.test(seen(app).text), 40_000);
    expect(seen(app).entryIds).to.deep.equal(expected.ids.slice(0, 20));
    await control('/faults', undefined, 'DELETE');
    seen(app).loadMore!.click();
    await shows(expected.ids.slice(0, 40));
    expect(seen(app).text).to.not.match(/could not be loaded/);
  });

  it('a first page none of whose records can be read says so, with Retry (never "no feedback yet")', async () => {
    await control('/faults', { route: '/api/answers/page', malformed: true, count: 1 });
    const c = pool[5]!;
    await accept(c);
    await until('unreadable panel', () => /could not be read/.test(seen(app).panelText));
    const panel = seen(app).panel!;
    expect(panel.getAttribute('kind')).to.equal('error');
    expect(seen(app).panelText).to.match(/sent \d+ survey records? in a form the gadget cannot read/);
    expect(seen(app).text + seen(app).panelText).to.not.include('No feedback from this caller yet');
    await expect(app).to.be.accessible();
    (panel.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
    await shows((await expectedAnswers(AGENT, 'cc_CustomerId', c.id)).ids);
  });

  for (const [status, what] of [[401, 'Finesse refuses the sign-in for the token'], [404, 'the token service is not found']] as const) {
    it(`${what} (${status}): Retry is offered and recovers without another call`, async () => {
      await control('/tokens/expire', {});
      await control('/faults', { route: '/finesse/api/CloudConnectTokenService', status, count: 1 });
      const c = pool[status === 401 ? 6 : 7]!;
      await accept(c);
      await until('error panel', () => seen(app).panel?.getAttribute('kind') === 'error');
      const retry = await until('retry button', () => seen(app).panel!.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement | null);
      retry.click();
      await shows((await expectedAnswers(AGENT, 'cc_CustomerId', c.id)).ids);
    });
  }
});
