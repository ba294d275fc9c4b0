/** Contract tests for every WxM route: shapes per docs/wxm-api.md, auth, rate limit, CORS, faults. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer, AnswerPage, FlashNps, Question } from '../../shared/wxm/types.js';
import { startWxm, type WxmHarness } from '../src/wxm/testing.js';

const DENIED = { message: 'Authorization has been denied for this request.' };
const HEX24 = /^[0-9a-f]{24}$/;

function assertAnswerShape(a: Answer): void {
  assert.equal(typeof a.id, 'string');
  assert.equal(typeof a.user, 'string');
  assert.equal(typeof a.locationId, 'string');
  assert.ok(!Number.isNaN(Date.parse(a.responseDateTime)), 'ISO date');
  assert.equal(typeof a.responseDuration, 'number');
  assert.equal(typeof a.surveyClient, 'string');
  assert.equal(typeof a.archived, 'boolean');
  assert.ok(a.notes === null || Array.isArray(a.notes));
  assert.ok(a.openTicket === null || typeof a.openTicket.status === 'string');
  assert.ok(a.deviceId === null || typeof a.deviceId === 'string');
  assert.ok(Array.isArray(a.responses));
  for (const r of a.responses) {
    assert.match(r.questionId, HEX24);
    assert.equal(typeof r.questionText, 'string');
    assert.ok(r.textInput === null || typeof r.textInput === 'string');
    assert.ok(r.numberInput === null || typeof r.numberInput === 'number');
  }
}

describe('WxM routes', () => {
  let wxm: WxmHarness;
  let token: string;
  before(async () => {
    wxm = await startWxm();
    token = await wxm.login();
  });
  after(() => wxm.close());
  const post = (path: string, body: unknown = {}) => wxm.call('POST', path, { token, body });
  const get = (path: string) => wxm.call('GET', path, { token });

  describe('POST /api/LoginToken', () => {
    const form = (body: string) => fetch(`${wxm.url}/api/LoginToken`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body,
    });
    it('issues a 12 h bearer token for admin/emulator and for the API key', async () => {
      for (const password of ['emulator', 'emulator-key']) {
        const res = await form(`grant_type=password&username=admin&password=${password}`);
        assert.equal(res.status, 200);
        const body = (await res.json()) as Record<string, unknown>;
        assert.equal(typeof body.access_token, 'string');
        assert.equal(body.token_type, 'bearer');
        assert.ok(Math.abs((body.expires_in as number) - 43199) <= 1);
        for (const k of ['userName', 'email', 'primaryRole', 'managedBy']) assert.equal(typeof body[k], 'string', k);
        assert.ok(!Number.isNaN(Date.parse(body['.issued'] as string)) && (body['.expires'] as string).endsWith('GMT'));
      }
    });
    it('refuses a wrong password with 400 invalid_grant', async () => {
      const res = await form('grant_type=password&username=admin&password=nope');
      assert.equal(res.status, 400);
      const body = (await res.json()) as Record<string, string>;
      assert.equal(body.error, 'invalid_grant');
      assert.equal(typeof body.error_description, 'string');
    });
  });

  describe('questions, questionnaires, settings', () => {
    it('GET /api/Questions/Active returns every questionnaire\'s questions', async () => {
      const qs = (await (await get('/api/Questions/Active')).json()) as Question[];
      assert.deepEqual(qs, wxm.ctx.world.questions);
      for (const q of qs) {
        assert.match(q.id, HEX24);
        assert.ok(Array.isArray(q.questionTags) && typeof q.apiFill === 'boolean' && typeof q.isRetired === 'boolean');
        assert.equal(typeof q.sequence, 'number');
      }
    });
    it('POST /api/Questions/Questionnaire returns that questionnaire only (unknown → empty)', async () => {
      const name = wxm.ctx.world.questionnaires[1]!.name;
      const qs = (await (await post('/api/Questions/Questionnaire', { name })).json()) as Question[];
      assert.ok(qs.length > 0 && qs.every((q) => q.setName === name));
      assert.deepEqual(await (await post('/api/Questions/Questionnaire', { name: 'nope' })).json(), []);
    });
    it('GET /api/AllSurveyQuestionnaires lists name/displayName/isNameImmutable/hashPIIBy', async () => {
      const list = (await (await get('/api/AllSurveyQuestionnaires')).json()) as Record<string, unknown>[];
      assert.ok(list.length >= 2);
      for (const q of list) assert.deepEqual(Object.keys(q).sort(), ['displayName', 'hashPIIBy', 'isNameImmutable', 'name']);
    });
    it('GET /api/settings has timeZoneOffset, npsRange, locationList as objects, and integration secrets', async () => {
      const s = (await (await get('/api/settings')).json()) as Record<string, unknown>;
      assert.equal(typeof s.timeZoneOffset, 'number');
      assert.equal(s.npsRange, '7,8');
      assert.deepEqual((s.locationList as { name: string }[]).map((l) => l.name), wxm.ctx.world.questionnaires.map((q) => q.name));
      assert.match(JSON.stringify(s.integrations), /SECRET|PASSWORD|AUTHTOKEN/);
    });
  });

  describe('answers', () => {
    it('POST /api/answers returns every answer newest first, well formed except the seeded broken ones', async () => {
      const list = (await (await post('/api/answers', {})).json()) as Answer[];
      assert.equal(list.length, wxm.ctx.world.answers.size);
      const times = list.map((a) => Date.parse(a.responseDateTime)).filter((t) => !Number.isNaN(t));
      for (let k = 1; k < times.length; k++) assert.ok(times[k - 1]! >= times[k]!);
      const good = list.filter((a) => Array.isArray(a.responses) && a.locationId && !Number.isNaN(Date.parse(a.responseDateTime))
        && a.responses.every((r) => r.numberInput === null || typeof r.numberInput === 'number'));
      assert.ok(good.length > list.length * 0.99);
      good.slice(0, 500).forEach(assertAnswerShape);
    });
    it('POST /api/answers/page/{page}/{rows}: 1-based, page 0 = first, past the end = empty', async () => {
      const total = wxm.ctx.world.answers.size;
      const p1 = (await (await post('/api/answers/page/1/25')).json()) as AnswerPage;
      assert.equal(p1.currentPage, 1);
      assert.equal(p1.totalCount, total);
      assert.equal(p1.totalPages, Math.ceil(total / 25));
      assert.equal(p1.responses.length, 25);
      const p0 = (await (await post('/api/answers/page/0/25')).json()) as AnswerPage;
      assert.deepEqual(p0.responses.map((a) => a.id), p1.responses.map((a) => a.id));
      const p2 = (await (await post('/api/answers/page/2/25')).json()) as AnswerPage;
      assert.equal(p2.responses[0]!.id !== p1.responses[0]!.id, true);
      const all = (await (await post('/api/answers', {})).json()) as Answer[];
      assert.deepEqual(p2.responses.map((a) => a.id), all.slice(25, 50).map((a) => a.id));
      const last = (await (await post(`/api/answers/page/${p1.totalPages}/25`)).json()) as AnswerPage;
      assert.equal(last.responses.length, total - 25 * (p1.totalPages - 1));
      const past = (await (await post(`/api/answers/page/${p1.totalPages + 1}/25`)).json()) as AnswerPage;
      assert.deepEqual(past.responses, []);
      assert.equal(past.totalCount, total);
      assert.equal((await post('/api/answers/page/1/0')).status, 400);
    });
    it('POST /api/answers/count answers a bare integer', async () => {
      const res = await post('/api/answers/count', {});
      const text = await res.text();
      assert.match(text, /^\d+$/);
      assert.equal(Number(text), wxm.ctx.world.answers.size);
    });
    it('GET /api/answer/{id} returns that answer; unknown id → 404', async () => {
      const page = (await (await post('/api/answers/page/1/3')).json()) as AnswerPage;
      const one = page.responses[2]!;
      assert.deepEqual(await (await get(`/api/answer/${one.id}`)).json(), one);
      assert.equal((await get('/api/answer/ffffffffffffffffffffffff')).status, 404);
      assert.equal((await get('/api/answer/not-an-id')).status, 404);
    });
    it('POST /api/FlashNPS gives integer promoter/passive/detractor counts for the NPS question', async () => {
      const f = (await (await post('/api/FlashNPS', {})).json()) as FlashNps;
      assert.equal(f.totalResponses, wxm.ctx.world.answers.size);
      const np = f.netPromoter;
      for (const k of ['promoters', 'passive', 'detractors', 'netPromoters', 'defaultIndex'] as const) assert.ok(Number.isInteger(np[k]), k);
      assert.ok(wxm.ctx.world.questions.find((q) => q.id === np.questionID)?.questionTags.includes('NPS'));
      assert.equal(typeof np.questionText, 'string');
    });
    it('POST /api/summary reports the response count and a netPromoter object (details: wxm-aggregates.test.ts)', async () => {
      const s = (await (await post('/api/summary', {})).json()) as { responseCount: number; netPromoter: FlashNps['netPromoter'] };
      assert.equal(s.responseCount, wxm.ctx.world.answers.size);
      assert.ok(Number.isInteger(s.netPromoter.netPromoters));
    });
    it('refuses a body that is not JSON or a filter with a bad date (400)', async () => {
      assert.equal((await post('/api/answers/count', '{nope')).status, 400);
      assert.equal((await post('/api/answers/count', { afterdate: 'yesterday-ish' })).status, 400);
    });
    it('unknown routes answer 404 JSON', async () => {
      const res = await get('/api/nothing/here');
      assert.equal(res.status, 404);
      assert.equal(typeof ((await res.json()) as { message: string }).message, 'string');
    });
  });

  describe('auth', () => {
    it('401 with the denied body without a token, with a bad token, and after expiry', async () => {
      for (const t of [undefined, 'garbage']) {
        const res = await wxm.call('POST', '/api/answers/count', { token: t, body: {} });
        assert.equal(res.status, 401);
        assert.deepEqual(await res.json(), DENIED);
      }
      const mine = await wxm.login();
      assert.equal((await wxm.call('GET', '/api/settings', { token: mine })).status, 200);
      wxm.ctx.tokens.expireAll();
      const res = await wxm.call('GET', '/api/settings', { token: mine });
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), DENIED);
      token = await wxm.login();
    });
  });

  describe('rate limit', () => {
    it('429 with Retry-After once a token exceeds the window, per token', async () => {
      wxm.ctx.rateLimit.max = 3;
      wxm.ctx.rateLimit.windowMs = 10_000; // long, so a slow machine cannot slide the window mid-test
      try {
        const mine = await wxm.login();
        const statuses: number[] = [];
        let retryAfter: string | null = null;
        for (let k = 0; k < 5; k++) {
          const res = await wxm.call('GET', '/api/settings', { token: mine });
          statuses.push(res.status);
          if (res.status === 429) retryAfter = res.headers.get('retry-after');
          await res.arrayBuffer();
        }
        assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
        assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 10, `Retry-After ${retryAfter}`);
        const other = await wxm.login();
        assert.equal((await wxm.call('GET', '/api/settings', { token: other })).status, 200, 'another token is not limited');
      } finally {
        wxm.ctx.rateLimit.max = 0;
      }
    });
  });

  describe('CORS', () => {
    it('answers a preflight allowing Authorization and Content-Type and echoing the origin', async () => {
      const res = await fetch(`${wxm.url}/api/answers/page/1/10`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://finesse.example:8082', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      assert.ok(res.status === 204 || res.status === 200);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://finesse.example:8082');
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      assert.ok(allowed.includes('authorization') && allowed.includes('content-type'));
      assert.ok((res.headers.get('access-control-allow-methods') ?? '').includes('POST'));
    });
    it('puts the origin on real responses too, errors included', async () => {
      const res = await wxm.call('GET', '/api/settings', { headers: { Origin: 'http://gadget.example' } });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://gadget.example');
    });
  });

  describe('faults', () => {
    after(() => wxm.ctx.faults.clear());
    it('401 / 429 / 503 on the matching route, counted down', async () => {
      wxm.ctx.faults.add({ route: '/api/answers', status: 401, count: 1 });
      let res = await post('/api/answers/count', {});
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), DENIED);
      assert.equal((await post('/api/answers/count', {})).status, 200, 'count used up');

      wxm.ctx.faults.add({ route: '/api/answers', status: 429, count: 1 });
      res = await post('/api/answers/count', {});
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '1');
      await res.arrayBuffer();

      wxm.ctx.faults.add({ route: '/api/FlashNPS', status: 503, count: 2 });
      assert.equal((await post('/api/answers/count', {})).status, 200, 'other routes unaffected');
      for (let k = 0; k < 2; k++) {
        res = await post('/api/FlashNPS', {});
        assert.equal(res.status, 503);
        assert.equal(typeof ((await res.json()) as { message: string }).message, 'string');
      }
      assert.equal((await post('/api/FlashNPS', {})).status, 200);
    });
    it('delays a response by delayMs', async () => {
      wxm.ctx.faults.add({ route: '/api/settings', delayMs: 300, count: 1 });
      const t0 = Date.now();
      assert.equal((await get('/api/settings')).status, 200);
      assert.ok(Date.now() - t0 >= 280);
    });
    it('malformed: 200 with right-typed but broken content on each route', async () => {
      const broken = async (path: string, method = 'POST') => {
        wxm.ctx.faults.add({ route: path.replace(/\/\d+\/\d+$/, ''), malformed: true, count: 1 });
        const res = method === 'POST' ? await post(path, {}) : await get(path);
        assert.equal(res.status, 200, path);
        return res.json() as Promise<unknown>;
      };
      const page1 = (await broken('/api/answers/page/1/5')) as AnswerPage;
      const page2 = (await broken('/api/answers/page/1/5')) as AnswerPage;
      assert.ok(page1.responses === null || page2.responses === null, 'one variant has responses: null');
      const records = (page1.responses ?? page2.responses)!;
      assert.ok(records.length > 0 && records.some((a) => !Array.isArray(a.responses) || typeof a.responseDateTime !== 'string' || !a.id));
      const list = (await broken('/api/answers')) as Answer[];
      assert.ok(Array.isArray(list) && list.some((a) => !Array.isArray(a.responses) || typeof a.responseDateTime !== 'string' || !a.id));
      assert.equal(await broken('/api/answers/count'), null);
      const f = (await broken('/api/FlashNPS')) as FlashNps;
      assert.equal(f.netPromoter, null);
      const qs = (await broken('/api/Questions/Active', 'GET')) as Question[];
      assert.ok(qs.some((q) => typeof q.id !== 'string' || !Array.isArray(q.questionTags)));
      const s = (await broken('/api/settings', 'GET')) as Record<string, unknown>;
      assert.notEqual(typeof s.timeZoneOffset, 'number');
      // and the route is healthy again afterwards
      assertAnswerShape(((await (await post('/api/answers/page/1/1')).json()) as AnswerPage).responses[0]!);
    });
    it('adds ctx.latencyMs to every call', async () => {
      wxm.ctx.latencyMs = 200;
      try {
        const t0 = Date.now();
        await (await get('/api/settings')).arrayBuffer();
        assert.ok(Date.now() - t0 >= 190);
      } finally {
        wxm.ctx.latencyMs = 0;
      }
    });
  });
});
