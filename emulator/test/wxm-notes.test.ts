/**
 * POST /api/Answers/Note/{answerId}: auth, 404, body validation, the note in GET /api/answer/{id}, /api/answers and
 * pages, the author from the token, and the write variants (refused 403; applied, then the reply stalls).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer, AnswerPage, Note } from '../../shared/wxm/types.js';
import { NOTE_MAX_CHARS, noteState } from '../src/wxm/notes.js';
import { startWxm, type WxmHarness } from '../src/wxm/testing.js';

describe('WxM notes', () => {
  let wxm: WxmHarness;
  let token: string;
  let newest: Answer;
  const write = (id: string, body: unknown, t: string | undefined = token) => wxm.call('POST', `/api/Answers/Note/${id}`, { token: t, body });
  const read = async (id: string) => (await (await wxm.call('GET', `/api/answer/${id}`, { token })).json()) as Answer;
  const lastNote = (a: Answer): Note | undefined => a.notes?.[a.notes.length - 1];

  before(async () => {
    wxm = await startWxm({ seed: 5 });
    token = await wxm.login();
    newest = ((await (await wxm.call('POST', '/api/answers/page/1/1', { token, body: {} })).json()) as AnswerPage).responses[0]!;
  });
  after(() => wxm.close());

  it('appends {user, authorName, noteTime, note} and answers the updated answer', async () => {
    const before = await read(newest.id);
    const res = await write(newest.id, { note: 'Called back, refund agreed.' });
    assert.equal(res.status, 200);
    const updated = (await res.json()) as Answer;
    assert.equal(updated.id, newest.id);
    assert.equal(updated.notes!.length, (before.notes?.length ?? 0) + 1);
    const note = lastNote(updated)!;
    assert.equal(note.note, 'Called back, refund agreed.');
    assert.equal(note.user, 'admin', 'a LoginToken token writes as its user');
    assert.equal(typeof note.authorName, 'string');
    assert.ok(Math.abs(Date.parse(note.noteTime) - Date.now()) < 60_000, 'noteTime is now, ISO');
  });

  it('the note shows in GET /api/answer/{id}, /api/answers and pages', async () => {
    await write(newest.id, { note: 'Second note' });
    assert.equal(lastNote(await read(newest.id))!.note, 'Second note');
    const page = (await (await wxm.call('POST', '/api/answers/page/1/5', { token, body: {} })).json()) as AnswerPage;
    assert.equal(lastNote(page.responses.find((a) => a.id === newest.id)!)!.note, 'Second note');
    const all = (await (await wxm.call('POST', '/api/answers', { token, body: {} })).json()) as Answer[];
    assert.equal(lastNote(all.find((a) => a.id === newest.id)!)!.note, 'Second note');
  });

  it('matches the route case-insensitively, like ASP.NET routing', async () => {
    const res = await wxm.call('POST', `/API/answers/note/${newest.id}`, { token, body: { note: 'lower case route' } });
    assert.equal(res.status, 200);
  });

  it('a Cloud Connect token writes as the Cloud Connect service user, or as the Finesse user in that variant', async () => {
    const agent = wxm.ctx.world.agents[0]!;
    const cc = wxm.ctx.tokens.issue(`cloudconnect:${agent.id}`).token;
    const asService = lastNote((await (await write(newest.id, { note: 'via Cloud Connect' }, cc)).json()) as Answer)!;
    assert.deepEqual([asService.user, asService.authorName], ['cloudconnect', 'Cloud Connect']);
    noteState(wxm.ctx.world).options.author = 'finesse-user';
    try {
      const asAgent = lastNote((await (await write(newest.id, { note: 'as the agent' }, cc)).json()) as Answer)!;
      assert.deepEqual([asAgent.user, asAgent.authorName], [agent.id, `${agent.firstName} ${agent.lastName}`]);
    } finally {
      noteState(wxm.ctx.world).options.author = 'service';
    }
  });

  it('401 without a valid token; 404 for an unknown answer', async () => {
    assert.equal((await write(newest.id, { note: 'x' }, '')).status, 401);
    assert.equal((await write(newest.id, { note: 'x' }, 'garbage')).status, 401);
    assert.equal((await write('ffffffffffffffffffffffff', { note: 'x' })).status, 404);
  });

  it('400 for a missing, empty, non-string or too long note, and nothing is written', async () => {
    const count = (await read(newest.id)).notes?.length ?? 0;
    for (const body of [{}, { note: '' }, { note: '   ' }, { note: 42 }, { note: ['a'] }, { note: 'x'.repeat(NOTE_MAX_CHARS + 1) }, [], '{bad']) {
      const res = await write(newest.id, body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 40));
    }
    assert.equal((await read(newest.id)).notes?.length ?? 0, count);
    assert.equal((await write(newest.id, { note: 'x'.repeat(NOTE_MAX_CHARS) })).status, 200, 'the limit itself is accepted');
  });

  it('hostile text is stored and returned verbatim, as data', async () => {
    const hostile = '<img src=x onerror=alert(1)> "quotes" & \u202e';
    assert.equal(lastNote((await (await write(newest.id, { note: hostile })).json()) as Answer)!.note, hostile);
  });

  it('refused writes → 403 and nothing is written; reading still works', async () => {
    const count = (await read(newest.id)).notes?.length ?? 0;
    noteState(wxm.ctx.world).options.writes = 'refused';
    try {
      assert.equal((await write(newest.id, { note: 'refused' })).status, 403);
      assert.equal((await read(newest.id)).notes?.length ?? 0, count);
    } finally {
      noteState(wxm.ctx.world).options.writes = 'allowed';
    }
  });

  it('a stalled write has already applied the note when the client gives up', async () => {
    noteState(wxm.ctx.world).options.stallAfterApplyMs = 2_000;
    try {
      const ac = new AbortController();
      const pending = fetch(`${wxm.url}/api/Answers/Note/${newest.id}`, {
        method: 'POST', signal: ac.signal,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ note: 'may not have been saved' }),
      });
      await new Promise((r) => setTimeout(r, 200));
      ac.abort();
      await assert.rejects(pending);
      assert.equal(lastNote(await read(newest.id))!.note, 'may not have been saved');
    } finally {
      noteState(wxm.ctx.world).options.stallAfterApplyMs = 0;
    }
  });

  it('the log lists the notes written, newest first', () => {
    const log = noteState(wxm.ctx.world).log;
    assert.equal(log[0]!.note, 'may not have been saved');
    assert.equal(log[0]!.answerId, newest.id);
  });
});
