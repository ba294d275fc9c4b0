/** The survey side (CVP path): survey tokens with prefills, answering by token, used/expired tokens, no doubles. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer, Question } from '../../shared/wxm/types.js';
import { startWxm, type WxmHarness } from '../src/wxm/testing.js';

describe('survey tokens', () => {
  let wxm: WxmHarness;
  let token: string;
  let voice: Question[];
  const name = 'Post-call voice';
  const q = (tag: string) => voice.find((x) => x.questionTags.includes(tag))!;
  before(async () => {
    wxm = await startWxm({ seed: 5 });
    token = await wxm.login();
    voice = (await (await wxm.call('POST', '/api/Questions/Questionnaire', { token, body: { name } })).json()) as Question[];
  });
  after(() => wxm.close());

  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await wxm.call('POST', '/api/SurveyToken', { token, body: {
      location: name,
      preFill: [
        { questionId: q('cc_AgentId').id, textInput: '5003' },
        { questionId: q('cc_TeamId').id, textInput: '101' },
        { questionId: q('cc_CustomerId').id, textInput: 'C100042' },
        { questionId: q('Mobile').id, textInput: '+14155550123' },
      ],
      channel: 'voice',
      ...extra,
    } });
    assert.equal(res.status, 200);
    return (await res.json()) as { id: string; validUses: number; location: string };
  };
  const answersFor = async (customerId: string) => (await (await wxm.call('POST', '/api/answers', { token, body: {
    filterquestions: [{ questionId: q('cc_CustomerId').id, answerCheck: [customerId] }],
  } })).json()) as Answer[];

  it('POST /api/SurveyToken needs auth and a known location', async () => {
    assert.equal((await wxm.call('POST', '/api/SurveyToken', { body: { location: name } })).status, 401);
    assert.equal((await wxm.call('POST', '/api/SurveyToken', { token, body: { location: 'nope' } })).status, 400);
    const t = await create();
    assert.equal(typeof t.id, 'string');
    assert.equal(t.location, name);
    assert.equal(t.validUses, 1);
  });

  it('GET /api/SurveyByToken/{token} shows only the visible questions, without auth', async () => {
    const t = await create();
    const res = await wxm.call('GET', `/api/SurveyByToken/${t.id}`);
    assert.equal(res.status, 200);
    const qs = (await res.json()) as Question[];
    assert.ok(qs.length > 0);
    assert.ok(qs.every((x) => !x.apiFill && !x.isRetired && x.setName === name));
    assert.ok(qs.some((x) => x.questionTags.includes('NPS')));
  });

  it('POST /api/SurveyByToken/{token} stores one answer with the hidden prefills merged; it is found at once', async () => {
    const before = await answersFor('C100042');
    const t = await create();
    const res = await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body: { responses: [
      { questionId: q('NPS').id, numberInput: 9, textInput: null },
      { questionId: q('Comments').id, textInput: 'Fast help', numberInput: null },
      { questionId: q('cc_AgentId').id, textInput: 'spoofed' }, // a respondent cannot overwrite hidden fields
    ] } });
    assert.equal(res.status, 200);
    const stored = (await res.json()) as Answer;
    const after = await answersFor('C100042');
    assert.equal(after.length, before.length + 1);
    assert.equal(after[0]!.id, stored.id, 'newest first');
    const value = (tag: string) => after[0]!.responses.find((r) => r.questionId === q(tag).id);
    assert.equal(value('cc_AgentId')?.textInput, '5003');
    assert.equal(value('cc_TeamId')?.textInput, '101');
    assert.equal(value('Mobile')?.textInput, '+14155550123');
    assert.equal(value('NPS')?.numberInput, 9);
    assert.equal(value('Comments')?.textInput, 'Fast help');
    // numberInput is a non-nullable integer on WxM: 0 beside every text answer (submitted and prefilled).
    assert.equal(value('Comments')?.numberInput, 0);
    assert.equal(value('cc_AgentId')?.numberInput, 0);
    assert.equal(value('NPS')?.textInput, null);
    assert.equal(after[0]!.surveyClient, 'voice');
    assert.equal(after[0]!.locationId, name);
    assert.deepEqual(await (await wxm.call('GET', `/api/answer/${stored.id}`, { token })).json(), after[0]);
  });

  it('a used token is refused; a replay of the same submission returns the stored answer without doubling', async () => {
    const t = await create({ preFill: [{ questionId: q('cc_CustomerId').id, textInput: 'C100043' }] });
    const body = { id: 'client-answer-1', responses: [{ questionId: q('NPS').id, numberInput: 3, textInput: null }] };
    const first = (await (await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body })).json()) as Answer;
    const replay = await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body });
    assert.equal(replay.status, 200);
    assert.equal(((await replay.json()) as Answer).id, first.id);
    const again = await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body: { responses: body.responses } });
    assert.equal(again.status, 400);
    assert.match(((await again.json()) as { message: string }).message, /used/i);
    assert.equal((await wxm.call('GET', `/api/SurveyByToken/${t.id}`)).status, 400);
    assert.equal((await answersFor('C100043')).filter((a) => a.id === first.id).length, 1);
    assert.equal((await answersFor('C100043')).filter((a) => Date.parse(a.responseDateTime) > Date.now() - 60_000).length, 1);
  });

  it('validUses > 1 allows that many answers', async () => {
    const t = await create({ validUses: 2, preFill: [] });
    const body = { responses: [{ questionId: q('NPS').id, numberInput: 8, textInput: null }] };
    assert.equal((await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body })).status, 200);
    assert.equal((await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body })).status, 200);
    assert.equal((await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body })).status, 400);
  });

  it('an expired token is refused; an unknown one is 404', async () => {
    const t = await create({ validTill: new Date(Date.now() + 150).toISOString() });
    await new Promise((r) => setTimeout(r, 250));
    const res = await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body: { responses: [] } });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /expired/i);
    assert.equal((await wxm.call('GET', `/api/SurveyByToken/${t.id}`)).status, 400);
    assert.equal((await wxm.call('GET', '/api/SurveyByToken/EMU-nothing')).status, 404);
  });

  it('the channel of the token becomes the surveyClient (sms, email, web)', async () => {
    const digital = 'Digital follow-up';
    const qs = (await (await wxm.call('POST', '/api/Questions/Questionnaire', { token, body: { name: digital } })).json()) as Question[];
    for (const [channel, client] of [['sms', 'sms'], ['email', 'email'], ['web', 'JS-MicroWeb']]) {
      const t = (await (await wxm.call('POST', '/api/SurveyToken', { token, body: { location: digital, channel } })).json()) as { id: string };
      const res = await wxm.call('POST', `/api/SurveyByToken/${t.id}`, { body: { responses: [{ questionId: qs.find((x) => x.questionTags.includes('NPS'))!.id, numberInput: 10 }] } });
      assert.equal(((await res.json()) as Answer).surveyClient, client);
    }
  });
});
