/** The control routes for open behaviours: /_emulator/wxm/aggregates, /_emulator/wxm/questions/ID, /_emulator/notes, /_emulator/finesse/roster. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import { json, start } from './finesse-helpers.js';

describe('control API: options', () => {
  let emu: RunningEmulator;
  let token: string;
  const wxm = (path: string, body: unknown) =>
    fetch(emu.wxmUrl + path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  before(async () => {
    emu = await start();
    const login = await fetch(`${emu.wxmUrl}/api/LoginToken`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=admin&password=emulator',
    });
    token = ((await login.json()) as { access_token: string }).access_token;
  });
  after(() => emu.close());

  it('POST /_emulator/wxm/aggregates switches the aggregate routes off and on; bad values → 400', async () => {
    assert.deepEqual((await json(emu.finesseUrl, '/_emulator/wxm/aggregates', { body: { routes: 'missing' } })).body.routes, 'missing');
    assert.equal((await wxm('/api/summary', {})).status, 404);
    await json(emu.finesseUrl, '/_emulator/wxm/aggregates', { body: { routes: 'present', numericKeys: 'decimal' } });
    const s = (await (await wxm('/api/summary', {})).json()) as { summary: { askedQuestion: { questionTags: string[] }; response: object }[] };
    assert.ok(Object.keys(s.summary.find((x) => x.askedQuestion.questionTags.includes('NPS'))!.response).every((k) => k.endsWith('.0')));
    assert.equal((await json(emu.finesseUrl, '/_emulator/wxm/aggregates', { body: { routes: 'gone' } })).status, 400);
    await json(emu.finesseUrl, '/_emulator/wxm/aggregates', { body: { numericKeys: 'integer' } });
  });

  it('POST /_emulator/wxm/questions/ID retags a question as a WxM admin would: Questions/Active and the summary show it', async () => {
    const get = async () => (await (await fetch(emu.wxmUrl + '/api/Questions/Active', { headers: { Authorization: `Bearer ${token}` } })).json()) as { id: string; questionTags: string[] }[];
    const nps = (await get()).find((q) => q.questionTags.includes('NPS'))!;
    const r = await json(emu.finesseUrl, `/_emulator/wxm/questions/${nps.id}`, { body: { questionTags: ['Recommend'] } });
    assert.deepEqual([r.status, r.body.questionTags], [200, ['Recommend']]);
    assert.deepEqual((await get()).find((q) => q.id === nps.id)!.questionTags, ['Recommend']);
    const s = (await (await wxm('/api/summary', {})).json()) as { summary: { askedQuestion: { id: string; questionTags: string[] } }[] };
    assert.deepEqual(s.summary.find((x) => x.askedQuestion.id === nps.id)!.askedQuestion.questionTags, ['Recommend']);
    assert.equal((await json(emu.finesseUrl, `/_emulator/wxm/questions/${nps.id}`, { body: { questionTags: 'NPS' } })).status, 400);
    assert.equal((await json(emu.finesseUrl, '/_emulator/wxm/questions/nope', { body: { questionTags: [] } })).status, 404);
    await json(emu.finesseUrl, `/_emulator/wxm/questions/${nps.id}`, { body: { questionTags: nps.questionTags } });
    assert.deepEqual((await get()).find((q) => q.id === nps.id)!.questionTags, ['NPS']);
  });

  it('GET /_emulator/notes lists the notes written, newest first; POST sets the write variants', async () => {
    const id = emu.world.answers.idOf(emu.world.answers.seeded.n - 1);
    assert.equal((await wxm(`/api/Answers/Note/${id}`, { note: 'first' })).status, 200);
    assert.equal((await wxm(`/api/Answers/Note/${id}`, { note: 'second' })).status, 200);
    const { body } = await json(emu.finesseUrl, '/_emulator/notes');
    assert.deepEqual(body.notes.slice(0, 2).map((n: { note: string; answerId: string }) => [n.note, n.answerId]), [['second', id], ['first', id]]);
    await json(emu.finesseUrl, '/_emulator/notes', { body: { writes: 'refused' } });
    assert.equal((await wxm(`/api/Answers/Note/${id}`, { note: 'third' })).status, 403);
    const after = await json(emu.finesseUrl, '/_emulator/notes', { body: { writes: 'allowed' } });
    assert.equal(after.body.notes[0].note, 'second');
    assert.equal((await json(emu.finesseUrl, '/_emulator/notes', { body: { stallAfterApplyMs: -1 } })).status, 400);
  });
});
