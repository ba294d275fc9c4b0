/**
 * Issue 10, item 12: where the vendor sources leave a behaviour open, the emulator offers each variant and the
 * gadgets' data flows must be right on every one — page base (0/1), token expiry (expires_at ms / s, expires_in),
 * token body field (access_token / accessToken / token). Per variant, with fresh clients (nothing learnt before):
 * - journey: a known customer's whole history, paged by the journey's own lookup, in exactly the emulator's order;
 * - analytics: the data plan's counts equal an independent count over the raw answers;
 * - one token request for the whole flow (the expiry was read right: a misread one refetches on every call).
 */
import { expect } from '@open-wc/testing';
import { createTokenClient } from '../../shared/token/token-client.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import { JourneyLookup } from '../../gadgets/journey/lookup.js';
import { DEFAULT_LIMITS, loadView, type PlanConfig } from '../../gadgets/analytics/plan.js';
import { testEnv } from '../helpers/env.js';
import { control, customer } from '../journey/live.js';
import { expectedFrom, people, rawAnswers } from '../analytics/emu.js';

interface Variant { pageBase: 0 | 1; tokenExpiry: 'at-ms' | 'at-s' | 'in-s'; tokenBody: 'access_token' | 'accessToken' | 'token' }

/** Every page base with every expiry form; every body field twice. */
const VARIANTS: Variant[] = [
  { pageBase: 0, tokenExpiry: 'at-ms', tokenBody: 'access_token' },
  { pageBase: 1, tokenExpiry: 'at-s', tokenBody: 'accessToken' },
  { pageBase: 0, tokenExpiry: 'in-s', tokenBody: 'token' },
  { pageBase: 1, tokenExpiry: 'at-ms', tokenBody: 'token' },
  { pageBase: 0, tokenExpiry: 'at-s', tokenBody: 'access_token' },
  { pageBase: 1, tokenExpiry: 'in-s', tokenBody: 'accessToken' },
];
const USER = '1001';
// The raw-answer path: these variants are about paging and tokens.
const config: PlanConfig = { questionnaires: [], metrics: ['nps', 'csat', 'ces'], csatFormula: 'top2', cesFormula: 'mean', minSample: 10, aggregates: 'off' };

async function clients() {
  const { wxmUrl } = await testEnv();
  let tokenRequests = 0;
  const tokens = createTokenClient({
    authHeader: () => `Basic ${btoa(`${USER}:emulator`)}`,
    fetch: (input, init) => {
      tokenRequests++;
      return fetch(input, init);
    },
  });
  const wxm = createWxmClient({ baseUrl: wxmUrl, tokens });
  return { wxm, tokens, tokenRequests: () => tokenRequests };
}

describe('every variant of the unverified WxM / Cloud Connect behaviours', function () {
  this.timeout(180_000);
  after(async () => {
    await control('/variants', { pageBase: 1, tokenExpiry: 'at-ms', tokenBody: 'access_token' });
    await control('/faults', undefined, 'DELETE');
  });

  it('the control route switches variants and refuses unknown values', async () => {
    expect(await control('/variants', { pageBase: 0, tokenBody: 'token' })).to.include({ pageBase: 0, tokenBody: 'token' });
    const res = await fetch('/_emulator/variants', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"pageBase":2}' });
    expect(res.status).to.equal(400);
  });

  for (const v of VARIANTS) {
    const label = `page base ${v.pageBase}, expiry ${v.tokenExpiry}, body ${v.tokenBody}`;

    it(`journey: a long history (60+ surveys) in exact order (${label})`, async () => {
      await control('/variants', v);
      const c = await customer('max-history');
      // Independent of the variant: the admin's LoginToken and the unpaged POST /api/answers.
      const raw = await rawAnswers('cc_CustomerId', c.id, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
      const expected = { ids: raw.sort((a, b) => Date.parse(b.responseDateTime) - Date.parse(a.responseDateTime)).map((a) => a.id) };
      expect(expected.ids.length).to.be.at.least(60); // 60 seeded, more when an earlier test's survey landed
      const { wxm, tokens, tokenRequests } = await clients();
      const lookup = new JourneyLookup([{ kind: 'customerId', value: c.id }], { period: 'all', channel: 'all' }, { wxm, questionnaires: [], pageSize: 20 });
      let data = await lookup.ready;
      while (data.hasMore) data = await lookup.loadMore();
      expect(data.pageError).to.equal(null);
      expect(data.answers.map((a) => a.id)).to.deep.equal(expected.ids);
      expect(tokenRequests()).to.equal(1);
      tokens.dispose();
    });

    it(`analytics: counts equal an independent count of the raw answers (${label})`, async () => {
      await control('/variants', v);
      const agent = (await people()).agents[5]!;
      const { wxm, tokens, tokenRequests } = await clients();
      const data = await loadView(wxm, config, { scope: { tag: 'cc_AgentId', value: agent.skillTargetId }, period: { key: '90d' }, perAgent: false },
        new AbortController().signal, undefined, { ...DEFAULT_LIMITS, pageSize: 7 });
      const raw = await rawAnswers('cc_AgentId', agent.skillTargetId, data.period.current.start.toISOString(), new Date(data.period.current.end.getTime() - 1).toISOString());
      const want = await expectedFrom(raw);
      expect(raw.length).to.be.greaterThan(21, 'several pages');
      expect([data.current.nps.n, data.current.csat.n, data.current.ces.n, data.streamed]).to.deep.equal([want.nps.n, want.csat.n, want.ces.n, raw.length]);
      expect(tokenRequests()).to.equal(1);
      tokens.dispose();
    });
  }

  for (const pageBase of [0, 1] as const) {
    it(`a server that repeats a page or overlaps pages never double-counts (page base ${pageBase})`, async () => {
      await control('/variants', { pageBase });
      const agent = (await people()).agents[5]!;
      const { wxm, tokens } = await clients();
      const view = () => loadView(wxm, { ...config, metrics: ['csat', 'ces'] }, { scope: { tag: 'cc_AgentId', value: agent.skillTargetId }, period: { key: '90d' }, perAgent: false },
        new AbortController().signal, undefined, { ...DEFAULT_LIMITS, pageSize: 5, concurrency: 1 });
      const clean = await view();
      expect(clean.streamed).to.be.greaterThan(10, 'several pages');
      await control('/faults', { route: '/api/answers/page', repeatPage: true, count: 1 });
      const repeated = await view();
      await control('/faults', { route: '/api/answers/page', overlapRows: 5, count: 2 });
      const overlapped = await view();
      await control('/faults', undefined, 'DELETE');
      const counts = (d: typeof clean) => [d.streamed, d.current.csat.n, d.current.ces.n];
      expect(counts(repeated)).to.deep.equal(counts(clean));
      expect(counts(overlapped)).to.deep.equal(counts(clean));
      tokens.dispose();
    });
  }
});
