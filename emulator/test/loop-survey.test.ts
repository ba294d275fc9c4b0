/**
 * The feedback loop through the control API: a call's survey lands in WxM with the call's context, a deferred
 * (SMS/email link) survey is answered later exactly once, and a WxM fault in the middle loses and doubles nothing.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Answer, Question } from '../../shared/wxm/types.js';
import type { RunningEmulator } from '../src/index.js';
import { basic, json, start } from './finesse-helpers.js';

describe('the feedback loop (control API → CVP → WxM)', () => {
  let emu: RunningEmulator;
  let f: string;
  let token: string;
  let questions: Question[];

  before(async () => {
    emu = await start();
    f = emu.finesseUrl;
    // These tests read WxM far more often than a gadget does: lift the per-token rate limit.
    await json(f, '/_emulator/rate-limit', { body: { max: 10_000, windowMs: 1000 } });
    const t = await json(f, '/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint', { headers: { Authorization: basic(emu.world.agents[0]!.id) } });
    token = t.body.access_token;
    questions = (await wxm('/api/Questions/Active')).body;
  });
  after(() => emu.close());
  beforeEach(() => json(f, '/_emulator/faults', { method: 'DELETE' }));

  async function wxm(path: string, body?: unknown) {
    return json(emu.wxmUrl, path, { body, headers: { Authorization: `Bearer ${token}` }, method: body === undefined ? 'GET' : 'POST' });
  }
  const ids = (tag: string) => questions.filter((q) => q.questionTags.includes(tag)).map((q) => q.id);
  /** Every answer carrying tag = value, newest first (one OR group over the questionnaires' ids). */
  async function answersWith(tag: string, value: string): Promise<Answer[]> {
    const r = await wxm('/api/answers', { filterquestions: ids(tag).map((questionId) => ({ questionId, answerCheck: [value], groupBy: 'OR' })) });
    assert.equal(r.status, 200);
    return (r.body as Answer[]).sort((a, b) => Date.parse(b.responseDateTime) - Date.parse(a.responseDateTime));
  }
  const text = (a: Answer, tag: string) => a.responses.find((r) => ids(tag).includes(r.questionId))?.textInput ?? null;
  const number = (a: Answer, tag: string) => a.responses.find((r) => ids(tag).includes(r.questionId))?.numberInput ?? null;
  /** A fresh customer per test (no traits), so counts are not shared between tests. */
  let nextCustomer = 20;
  const customer = () => emu.world.customers.filter((c) => !(c.traits ?? []).length)[nextCustomer++]!;

  async function call(body: Record<string, unknown>): Promise<string> {
    const placed = await json(f, '/_emulator/calls', { body });
    assert.equal(placed.status, 200, JSON.stringify(placed.body));
    await json(f, `/_emulator/calls/${placed.body.id}/answer`, { body: {} });
    return placed.body.id;
  }
  const end = (id: string, body: Record<string, unknown>) => json(f, `/_emulator/calls/${id}/end`, { body: { wait: true, ...body } });
  const answerLater = (id: string, answers: Record<string, unknown>) => json(f, `/_emulator/surveys/${id}/answer`, { body: { answers } });

  it('an inline survey lands once with every prefill of the call and the typed answers', async () => {
    const agent = emu.world.agents[5]!;
    const c = customer();
    const before = (await answersWith('cc_CustomerId', c.id)).length;
    const id = await call({ user: agent.id, customerId: c.id, queueId: '3004' });
    const ended = await end(id, { answers: { nps: 3, csat: 2, ces: 6, comment: 'Kept me waiting <b>forever</b>' } });
    assert.equal(ended.body.survey.status, 'done', JSON.stringify(ended.body.survey));
    const list = await answersWith('cc_CustomerId', c.id);
    assert.equal(list.length, before + 1);
    const a = list[0]!;
    assert.equal(a.surveyClient, 'voice');
    assert.equal(text(a, 'cc_AgentId'), agent.skillTargetId, 'cc_AgentId is the skill target id, not the login id');
    assert.notEqual(agent.skillTargetId, agent.id);
    assert.equal(text(a, 'cc_TeamId'), agent.teamId);
    assert.equal(text(a, 'cc_CustomerId'), c.id);
    assert.equal(text(a, 'cc_QueueId'), '3004');
    assert.deepEqual([number(a, 'NPS'), number(a, 'CSAT'), number(a, 'CES'), text(a, 'Comments')], [3, 2, 6, 'Kept me waiting <b>forever</b>']);
  });

  it('a call without POD.ID is tagged with the caller\'s ANI as Mobile', async () => {
    const agent = emu.world.agents[6]!;
    const id = await call({ user: agent.id, ani: '+1 (408) 555-0142' });
    assert.equal((await end(id, { answers: { nps: 9 } })).body.survey.status, 'done');
    const list = await answersWith('Mobile', '+14085550142');
    assert.equal(list.length, 1);
    assert.equal(text(list[0]!, 'cc_CustomerId'), null);
    assert.equal(text(list[0]!, 'cc_AgentId'), agent.skillTargetId);
    assert.equal(text(list[0]!, 'cc_TeamId'), agent.teamId);
    assert.ok(text(list[0]!, 'cc_QueueId'), 'CVP knows a queue even when the call was placed without one');
  });

  it('a deferred survey lands only when the link is answered, once; a second answer is refused', async () => {
    const c = customer();
    const before = (await answersWith('cc_CustomerId', c.id)).length;
    const id = await call({ user: emu.world.agents[7]!.id, customerId: c.id });
    const ended = await end(id, { deferred: true });
    assert.equal(ended.body.survey.link.state, 'waiting');
    assert.equal((await answersWith('cc_CustomerId', c.id)).length, before, 'nothing lands before the customer answers');
    const first = await answerLater(id, { nps: 10, comment: 'Thanks' });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.link.state, 'answered');
    const list = await answersWith('cc_CustomerId', c.id);
    assert.equal(list.length, before + 1);
    assert.equal(list[0]!.id, first.body.link.answerId);
    assert.equal(list[0]!.surveyClient, 'sms', 'a deferred survey goes out as an SMS link by default');
    assert.equal(number(list[0]!, 'NPS'), 10);
    const second = await answerLater(id, { nps: 0 });
    assert.equal(second.status, 409);
    assert.equal((await answersWith('cc_CustomerId', c.id)).length, before + 1, 'not doubled');
  });

  it('two answers to the same link at the same time store one', async () => {
    const c = customer();
    const before = (await answersWith('cc_CustomerId', c.id)).length;
    const id = await call({ user: emu.world.agents[8]!.id, customerId: c.id });
    await end(id, { deferred: 'email' });
    const results = await Promise.all([answerLater(id, { nps: 1 }), answerLater(id, { nps: 2 })]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    const list = await answersWith('cc_CustomerId', c.id);
    assert.equal(list.length, before + 1);
    assert.equal(list[0]!.surveyClient, 'email');
  });

  it('a link whose token was already used elsewhere is refused and stores nothing', async () => {
    const c = customer();
    const id = await call({ user: emu.world.agents[9]!.id, customerId: c.id });
    await end(id, { deferred: true });
    const outcome = (await json(f, '/_emulator/surveys')).body.surveys.find((s: { dialogId: string }) => s.dialogId === id);
    // The customer answered through WxM's own page first.
    const direct = await json(emu.wxmUrl, `/api/SurveyByToken/${outcome.result.surveyToken}`, { body: { responses: [] } });
    assert.equal(direct.status, 200);
    const before = (await answersWith('cc_CustomerId', c.id)).length;
    const late = await answerLater(id, { nps: 5 });
    assert.equal(late.status, 410);
    assert.match(late.body.error, /refused.*400/);
    assert.equal((await answersWith('cc_CustomerId', c.id)).length, before);
  });

  it('unknown calls and inline surveys have no link to answer', async () => {
    assert.equal((await answerLater('999999', { nps: 5 })).status, 404);
    const id = await call({ user: emu.world.agents[10]!.id, ani: '+14085550143' });
    await end(id, { answers: { nps: 7 } });
    assert.equal((await answerLater(id, { nps: 5 })).status, 409);
  });

  it('survives WxM 503s on the survey route in the middle: retried, lands exactly once', async () => {
    const c = customer();
    const agent = emu.world.agents[11]!;
    const before = (await answersWith('cc_CustomerId', c.id)).length;
    const id = await call({ user: agent.id, customerId: c.id });
    await json(f, '/_emulator/faults', { body: { route: '/api/SurveyByToken', status: 503, count: 2 } });
    const ended = await end(id, { answers: { nps: 8 } });
    assert.equal(ended.body.survey.status, 'done', JSON.stringify(ended.body.survey));
    assert.equal((await json(f, '/_emulator/faults')).body.faults.length, 0, 'both faults were met');
    const list = await answersWith('cc_CustomerId', c.id);
    assert.equal(list.length, before + 1);
    assert.equal(text(list[0]!, 'cc_AgentId'), agent.skillTargetId);
  });

  it('a deferred answer survives WxM 503s too', async () => {
    const c = customer();
    const before = (await answersWith('cc_CustomerId', c.id)).length;
    const id = await call({ user: emu.world.agents[12]!.id, customerId: c.id });
    await end(id, { deferred: true });
    await json(f, '/_emulator/faults', { body: { route: '/api/SurveyByToken', status: 503, count: 2 } });
    assert.equal((await answerLater(id, { nps: 6 })).status, 200);
    assert.equal((await json(f, '/_emulator/faults')).body.faults.length, 0);
    assert.equal((await answersWith('cc_CustomerId', c.id)).length, before + 1);
  });

  it('the demo facts count the agent\'s and the caller\'s answers as WxM holds them', async () => {
    const c = customer();
    const agent = emu.world.agents[13]!;
    const facts = (body: unknown) => json(f, '/_emulator/demo/facts', { body });
    const was = (await facts({ agent: agent.id, customer: c.id })).body;
    assert.equal(was.agentResponses, (await answersWith('cc_AgentId', agent.skillTargetId)).length);
    assert.equal(was.customerResponses, (await answersWith('cc_CustomerId', c.id)).length);
    const id = await call({ user: agent.id, customerId: c.id });
    await end(id, { answers: { nps: 2, comment: 'no' } });
    const now = (await facts({ agent: agent.id, customer: c.id })).body;
    assert.equal(now.agentResponses, was.agentResponses + 1);
    assert.equal(now.customerResponses, was.customerResponses + 1);
    assert.equal(now.newest.nps, 2);
    assert.equal(now.newest.agentId, agent.skillTargetId);
    assert.equal((await facts({ agent: 'nobody' })).status, 404);
  });
});

describe('the caller\'s random answers are seeded', () => {
  it('the same seed and the same calls give the same answers; another seed other answers', async () => {
    const npsOf = async (seed: number) => {
      const emu = await start({ seed });
      try {
        const f = emu.finesseUrl;
        const out: unknown[] = [];
        for (let i = 0; i < 4; i++) {
          const { body } = await json(f, '/_emulator/calls', { body: { user: emu.world.agents[1]!.id, ani: `+1408555020${i}` } });
          await json(f, `/_emulator/calls/${body.id}/answer`, { body: {} });
          await json(f, `/_emulator/calls/${body.id}/end`, { body: { wait: true } });
        }
        // The newest answers, read from the world WxM serves (their scores, without ids or times).
        let k = 0;
        for (const a of emu.world.answers.newestFirst()) {
          if (k++ >= 4) break;
          out.push(a.responses.filter((r) => typeof r.numberInput === 'number' || r.questionText.startsWith('Is there')).map((r) => [r.questionText, r.numberInput, r.textInput]));
        }
        return out;
      } finally {
        await emu.close();
      }
    };
    const a = await npsOf(42);
    assert.deepEqual(await npsOf(42), a);
    assert.notDeepEqual(await npsOf(7), a);
  });
});
