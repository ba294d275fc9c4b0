/** End to end: ending an answered inbound call plays CVP's survey, and WxM then holds that answer. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import { basic, json, start } from './finesse-helpers.js';

describe('post-call survey through the real CVP path', () => {
  let emu: RunningEmulator;
  let f: string;
  let token: string;

  before(async () => {
    emu = await start();
    f = emu.finesseUrl;
    // These tests count answers with many quick requests: lift WxM's per-token rate limit (tested elsewhere).
    await json(f, '/_emulator/rate-limit', { body: { max: 10_000, windowMs: 1000 } });
    const t = await json(f, '/finesse/api/CloudConnectTokenService?tokenSource=cherrypoint', {
      headers: { Authorization: basic(emu.world.agents[0]!.id) },
    });
    token = t.body.access_token;
  });
  after(() => emu.close());

  const wxm = async (path: string, body?: unknown) =>
    json(emu.wxmUrl, path, { body, headers: { Authorization: `Bearer ${token}` }, method: body === undefined ? 'GET' : 'POST' });

  async function countFor(tag: string, value: string): Promise<number> {
    const questions = (await wxm('/api/Questions/Active')).body as { id: string; questionTags: string[] }[];
    const ids = questions.filter((q) => q.questionTags.includes(tag)).map((q) => q.id);
    assert.ok(ids.length > 0, `a question tagged ${tag}`);
    let total = 0;
    // One count per questionnaire's question: filterquestions combine with AND.
    for (const id of ids) {
      total += (await wxm('/api/answers/count', { filterquestions: [{ questionId: id, answerCheck: [value] }] })).body as number;
    }
    return total;
  }

  it('lands one answer tagged with the agent and the caller from POD.ID', async () => {
    const agent = emu.world.agents[12]!;
    const customer = emu.world.customers.find((c) => !(c.traits ?? []).length)!;
    const beforeAgent = await countFor('cc_AgentId', agent.skillTargetId);
    const beforeCustomer = await countFor('cc_CustomerId', customer.id);
    const { body } = await json(f, '/_emulator/calls', { body: { user: agent.id, customerId: customer.id } });
    await json(f, `/_emulator/calls/${body.id}/answer`, { body: {} });
    const ended = await json(f, `/_emulator/calls/${body.id}/end`, { body: { wait: true, answers: { nps: 10 } } });
    assert.equal(ended.body.survey.status, 'done', JSON.stringify(ended.body.survey));
    assert.equal(await countFor('cc_AgentId', agent.skillTargetId), beforeAgent + 1);
    assert.equal(await countFor('cc_CustomerId', customer.id), beforeCustomer + 1);
  });

  it('a call that was never answered leaves WxM unchanged', async () => {
    const agent = emu.world.agents[13]!;
    const before = await countFor('cc_AgentId', agent.skillTargetId);
    const { body } = await json(f, '/_emulator/calls', { body: { user: agent.id, ani: '+14085550177' } });
    await json(f, `/_emulator/calls/${body.id}/end`, { body: { wait: true } });
    assert.equal(await countFor('cc_AgentId', agent.skillTargetId), before);
  });
});
