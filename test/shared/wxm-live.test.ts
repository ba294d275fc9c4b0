/** The token and WxM clients against the emulator: real Cloud Connect token service, real CORS, real faults. */
import { expect } from '@open-wc/testing';
import { testEnv } from '../helpers/env.js';
import { createTokenClient } from '../../shared/token/token-client.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import { AppError } from '../../shared/errors.js';
import type { AnswerBatch } from '../../shared/wxm/api.js';
import { basic, control } from './live.js';

/** A fetch that counts requests per path, for both hops. */
function countingFetch() {
  const paths: string[] = [];
  const f: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    paths.push(new URL(url, location.href).pathname);
    return fetch(input, init);
  };
  return { fetch: f, paths, count: (p: string) => paths.filter((x) => x.startsWith(p)).length };
}

async function setup(extra: { timeoutMs?: number; retryLimit?: number } = {}) {
  const env = await testEnv();
  const net = countingFetch();
  const tokens = createTokenClient({ authHeader: () => basic('1001'), fetch: net.fetch });
  const wxm = createWxmClient({ baseUrl: env.wxmUrl, tokens, timeoutMs: extra.timeoutMs ?? 8000, fetch: net.fetch, retryLimit: extra.retryLimit ?? 3 });
  return { env, net, tokens, wxm };
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

const TOKEN_PATH = '/finesse/api/CloudConnectTokenService';

describe('WxM client against the emulator', () => {
  afterEach(async () => {
    await control('faults', undefined, 'DELETE');
  });

  it('gets a token through Finesse and reads settings, questionnaires and the tag map across origins', async () => {
    const { wxm, net, tokens } = await setup();
    const [settings, questionnaires, map] = await Promise.all([wxm.settings(), wxm.questionnaires(), wxm.tagMap()]);
    expect(settings.timeZoneOffset).to.be.a('number');
    expect(questionnaires.length).to.be.greaterThan(0);
    expect(map.nps.length).to.be.greaterThan(0);
    expect(map.context.cc_AgentId?.length).to.be.greaterThan(0);
    for (const id of map.context.cc_AgentId ?? []) expect(map.hidden.has(id)).to.equal(true);
    expect(net.count(TOKEN_PATH)).to.equal(1);
    tokens.dispose();
  });

  it('pages agree with count, with 1-based pages and no overlap', async () => {
    const { wxm, tokens } = await setup();
    const filter = { location: ['Post-call voice'] };
    const total = await wxm.count(filter);
    const p1 = await wxm.answersPage(filter, 1, 5);
    const p2 = await wxm.answersPage(filter, 2, 5);
    expect(p1.totalCount).to.equal(total);
    expect(p1.totalPages).to.equal(Math.ceil(total / 5));
    expect(p1.answers).to.have.length(5);
    const ids = new Set([...p1.answers, ...p2.answers].map((a) => a.id));
    expect(ids.size).to.equal(10);
    expect(p1.malformed + p2.malformed).to.equal(0);
    tokens.dispose();
  });

  it('recovers from an expired token with exactly one refresh', async () => {
    const { wxm, net, tokens } = await setup();
    await wxm.settings();
    await control('tokens/expire', {});
    const before = net.count(TOKEN_PATH);
    const results = await Promise.all([wxm.settings(), wxm.count({}), wxm.questionnaires()]);
    expect(results).to.have.length(3);
    expect(net.count(TOKEN_PATH) - before).to.equal(1);
    tokens.dispose();
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    const { wxm, net, tokens } = await setup();
    await wxm.tagMap();
    await control('faults', { route: '/api/settings', status: 429, count: 1 });
    const started = performance.now();
    const s = await wxm.settings();
    expect(s).to.have.property('timeZoneOffset');
    expect(net.count('/api/settings')).to.equal(2);
    expect(performance.now() - started).to.be.at.least(900); // the emulator says Retry-After: 1
    tokens.dispose();
  });

  it('retries a 503 from WxM and recovers', async () => {
    const { wxm, net, tokens } = await setup();
    await control('faults', { route: '/api/answers/count', status: 503, count: 2 });
    expect(await wxm.count({})).to.be.a('number');
    expect(net.count('/api/answers/count')).to.equal(3);
    tokens.dispose();
  });

  it('says wxm-auth when WxM keeps refusing, after one refresh and one retry', async () => {
    const { wxm, net, tokens } = await setup();
    await wxm.tagMap();
    await control('faults', { route: '/api/settings', status: 401, count: 5 });
    const before = net.count(TOKEN_PATH);
    const err = (await rejection(wxm.settings())) as AppError;
    expect(err.code).to.equal('wxm-auth');
    expect(net.count('/api/settings')).to.equal(2);
    expect(net.count(TOKEN_PATH) - before).to.equal(1);
    tokens.dispose();
  });

  it('reports Cloud Connect down after backing off', async () => {
    const { wxm, net, tokens } = await setup();
    await control('cloudconnect', { down: true });
    try {
      const err = (await rejection(wxm.settings())) as AppError;
      expect(err.code).to.equal('cloudconnect-down');
      expect(err.hop).to.equal('cloudconnect');
      expect(net.count(TOKEN_PATH)).to.equal(3);
      expect(net.count('/api/')).to.equal(0);
    } finally {
      await control('cloudconnect', { down: false });
    }
    tokens.dispose();
  });

  it('reports bad Finesse credentials as finesse-auth', async () => {
    const env = await testEnv();
    const tokens = createTokenClient({ authHeader: () => `Basic ${btoa('1001:wrong')}` });
    const wxm = createWxmClient({ baseUrl: env.wxmUrl, tokens, timeoutMs: 5000 });
    const err = (await rejection(wxm.settings())) as AppError;
    expect(err.code).to.equal('finesse-auth');
    expect(err.message).to.not.include('wrong');
  });

  it('turns a slow WxM into a timeout error', async () => {
    const { wxm, tokens } = await setup({ timeoutMs: 300 });
    await control('faults', { route: '/api/AllSurveyQuestionnaires', delayMs: 1500, count: 1 });
    const err = (await rejection(wxm.questionnaires())) as AppError;
    expect(err.code).to.equal('timeout');
    expect(err.hop).to.equal('wxm');
    tokens.dispose();
  });

  it('aborts a lookup with AbortError', async () => {
    const { wxm, tokens } = await setup();
    await wxm.tagMap();
    await control('faults', { route: '/api/answers/page', delayMs: 2000, count: 1 });
    const ac = new AbortController();
    const p = wxm.answersPage({}, 2, 10, ac.signal);
    setTimeout(() => ac.abort(), 100);
    const err = await rejection(p);
    expect(err.name).to.equal('AbortError');
    tokens.dispose();
  });

  it('drops and counts malformed records, keeping the rest', async () => {
    const { wxm, tokens } = await setup();
    await wxm.answersPage({}, 1, 8); // learns the page convention before the fault
    await control('faults', { route: '/api/answers/page', malformed: true, count: 2 });
    const pages = await Promise.all([wxm.answersPage({}, 2, 8), wxm.answersPage({}, 3, 8)]);
    // The emulator alternates: a page whose list is null (its records are lost, but the total still says how many
    // it held: a full page of 8 here) and a page of broken records where k % 4 == 2 keeps its id and date but loses
    // its only response (k = 0..7). Neither fails: one bad page must not fail a whole view.
    expect(pages.every((p) => p.totalCount > 24)).to.equal(true);
    const lost = pages.find((p) => p.answers.length === 0)!;
    expect(lost.malformed).to.equal(8);
    const page = pages.find((p) => p !== lost)!;
    const kept = [0, 1, 2, 3, 4, 5, 6, 7].filter((k) => k % 4 === 2).length;
    expect(page.answers).to.have.length(kept);
    expect(page.malformed).to.equal(8 - kept);
    expect(page.answers.every((a) => a.responses.length === 0)).to.equal(true);
    tokens.dispose();
  });

  it('streams answers in server order and stops at the cap', async () => {
    const { wxm, net, tokens } = await setup();
    const filter = {};
    const total = await wxm.count(filter);
    expect(total).to.be.greaterThan(300);
    const batches: AnswerBatch[] = [];
    for await (const b of wxm.streamAnswers(filter, { pageSize: 50, maxAnswers: 230, concurrency: 3 })) batches.push(b);
    const answers = batches.flatMap((b) => b.answers);
    expect(answers).to.have.length(230);
    expect(new Set(answers.map((a) => a.id)).size).to.equal(230);
    const times = answers.map((a) => Date.parse(a.responseDateTime));
    expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).to.equal(true); // newest first, as served
    expect(net.count('/api/answers/page')).to.be.at.most(1 + Math.ceil(230 / 50) + 2); // probe + pages + prefetch slack
    tokens.dispose();
  });
});
