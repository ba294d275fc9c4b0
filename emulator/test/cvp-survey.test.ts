/** CVP's post-call survey against the WxM emulator and a stub Cloud Connect, faults included. */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Answer, Question } from '../../shared/wxm/types.js';
import { answerSurvey, runPostCallSurvey, type CallContext } from '../src/cvp/survey.js';
import { startWxm, type WxmHarness } from '../src/wxm/testing.js';

async function listen(handler: http.RequestListener): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const close = (s: http.Server) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); });

describe('runPostCallSurvey (CVP)', () => {
  let wxm: WxmHarness;
  let cc: { url: string; server: http.Server };
  let tokenCalls = 0;
  let token: string;
  let questions: Question[];
  const fast = { backoffMs: 20 };

  before(async () => {
    wxm = await startWxm({ seed: 9 });
    // Stub Cloud Connect: hands out WxM tokens like /cherrypoint/authtoken.
    cc = await listen((req, res) => {
      if (req.url !== '/cherrypoint/authtoken') { res.writeHead(404).end(); return; }
      tokenCalls++;
      const { token: t } = wxm.ctx.tokens.issue('cvp');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ access_token: t, expires_in: 43199 }));
    });
    token = await wxm.login();
    questions = (await (await wxm.call('GET', '/api/Questions/Active', { token })).json()) as Question[];
  });
  after(async () => { await close(cc.server); await wxm.close(); });
  beforeEach(() => { wxm.ctx.faults.clear(); tokenCalls = 0; });

  const ids = (tag: string) => questions.filter((q) => q.questionTags.includes(tag)).map((q) => q.id);
  const byCustomer = async (customerId: string) => (await (await wxm.call('POST', '/api/answers', { token, body: {
    filterquestions: ids('cc_CustomerId').map((questionId) => ({ questionId, answerCheck: [customerId], groupBy: 'OR' })),
  } })).json()) as Answer[];
  const valueOf = (a: Answer, tag: string) => a.responses.find((r) => ids(tag).includes(r.questionId));
  const call = (customerId: string, channel: CallContext['channel'] = 'voice'): CallContext =>
    ({ agentId: '5007', teamId: '102', customerId, mobile: '+14155550199', queueId: '3002', channel });

  it('inline voice: the answer lands once, with the call context as hidden prefills', async () => {
    const before = (await byCustomer('C100020')).length;
    const result = await runPostCallSurvey({ wxmUrl: wxm.url, cloudConnectUrl: cc.url, call: call('C100020'),
      answers: { nps: 4, csat: 2, ces: 3, comment: 'Too slow' }, ...fast });
    assert.equal(result.deferred, false);
    assert.equal(typeof result.surveyToken, 'string');
    const list = await byCustomer('C100020');
    assert.equal(list.length, before + 1);
    const a = list[0]!;
    assert.equal(a.id, result.answerId);
    assert.equal(a.surveyClient, 'voice');
    assert.equal(valueOf(a, 'cc_AgentId')?.textInput, '5007');
    assert.equal(valueOf(a, 'cc_TeamId')?.textInput, '102');
    assert.equal(valueOf(a, 'cc_QueueId')?.textInput, '3002');
    assert.equal(valueOf(a, 'Mobile')?.textInput, '+14155550199');
    assert.equal(valueOf(a, 'NPS')?.numberInput, 4);
    assert.equal(valueOf(a, 'CSAT')?.numberInput, 2);
    assert.equal(valueOf(a, 'CES')?.numberInput, 3);
    assert.equal(valueOf(a, 'Comments')?.textInput, 'Too slow');
    assert.equal(tokenCalls, 1);
    // the token was single-use
    assert.equal((await wxm.call('GET', `/api/SurveyByToken/${result.surveyToken}`)).status, 400);
  });

  it('deferred SMS: nothing lands until the customer answers the link, then exactly once', async () => {
    const before = (await byCustomer('C100021')).length;
    const result = await runPostCallSurvey({ wxmUrl: wxm.url, cloudConnectUrl: cc.url, call: call('C100021', 'sms'), ...fast });
    assert.equal(result.deferred, true);
    assert.equal(result.answerId, undefined);
    assert.equal((await byCustomer('C100021')).length, before);
    const id = await answerSurvey(wxm.url, result.surveyToken, { nps: 10 }, fast);
    const list = await byCustomer('C100021');
    assert.equal(list.length, before + 1);
    assert.equal(list[0]!.id, id);
    assert.equal(list[0]!.surveyClient, 'sms');
    assert.equal(list[0]!.locationId, 'Digital follow-up');
    assert.equal(valueOf(list[0]!, 'NPS')?.numberInput, 10);
    await assert.rejects(answerSurvey(wxm.url, result.surveyToken, { nps: 1 }, fast), 'a used link is refused');
    assert.equal((await byCustomer('C100021')).length, before + 1);
  });

  it('survives WxM faults on the way (429, 503, 401 → one token refresh): retried, nothing lost', async () => {
    wxm.ctx.faults.add({ route: '/api/Questions', status: 401, count: 1 });
    wxm.ctx.faults.add({ route: '/api/SurveyToken', status: 429, count: 1 });
    wxm.ctx.faults.add({ route: '/api/SurveyByToken', status: 503, count: 2 });
    const before = (await byCustomer('C100022')).length;
    const result = await runPostCallSurvey({ wxmUrl: wxm.url, cloudConnectUrl: cc.url, call: call('C100022'), answers: { nps: 8 }, ...fast });
    assert.ok(result.answerId);
    assert.equal((await byCustomer('C100022')).length, before + 1);
    assert.equal(tokenCalls, 2, 'one refresh after the 401');
    assert.equal(wxm.ctx.faults.list().length, 0, 'every fault was met');
  });

  it('a reply lost after WxM stored the answer is retried without doubling it', async () => {
    // A proxy in front of WxM that drops the connection after the first successful submission.
    let dropped = false;
    const proxy = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(wxm.url + req.url, {
        method: req.method, body: chunks.length ? Buffer.concat(chunks) : undefined,
        headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => ['authorization', 'content-type'].includes(k))) as Record<string, string>,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (!dropped && req.method === 'POST' && req.url?.startsWith('/api/SurveyByToken/') && upstream.ok) {
        dropped = true;
        req.socket.destroy();
        return;
      }
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' }).end(body);
    });
    try {
      const before = (await byCustomer('C100023')).length;
      const result = await runPostCallSurvey({ wxmUrl: proxy.url, cloudConnectUrl: cc.url, call: call('C100023'), answers: { nps: 6 }, ...fast });
      assert.ok(dropped, 'the first reply was lost');
      const list = await byCustomer('C100023');
      assert.equal(list.length, before + 1, 'stored exactly once');
      assert.equal(list[0]!.id, result.answerId);
    } finally {
      await close(proxy.server);
    }
  });

  it('gives up with an error (not a silent loss) when WxM stays down', async () => {
    wxm.ctx.faults.add({ route: '/api/SurveyToken', status: 503 });
    await assert.rejects(runPostCallSurvey({ wxmUrl: wxm.url, cloudConnectUrl: cc.url, call: call('C100024'), attempts: 3, backoffMs: 5 }), /survey token/);
  });

  it('draws missing answers from the seed: same seed, same replies', async () => {
    const nps = async (customerId: string) => {
      await runPostCallSurvey({ wxmUrl: wxm.url, cloudConnectUrl: cc.url, call: call(customerId), seed: 1234, ...fast });
      const a = (await byCustomer(customerId))[0]!;
      return a.responses.filter((r) => !['cc_AgentId', 'cc_TeamId', 'cc_CustomerId', 'cc_QueueId', 'Mobile', 'Email'].some((t) => ids(t).includes(r.questionId)))
        .map((r) => [r.questionText, r.numberInput, r.textInput]);
    };
    assert.deepEqual(await nps('C100025'), await nps('C100026'));
  });
});
