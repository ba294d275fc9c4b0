/**
 * addNote through the real WxM client against a scripted server (fake fetch): what is sent, which failures are
 * repeated (only those the server refused unapplied), and how the others are reported.
 */
import { expect } from '@open-wc/testing';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import { canWriteNotes } from '../../shared/wxm/notes.js';
import { NOTE_MAX_CHARS, addNote, checkNote } from '../../shared/wxm/note-write.js';
import { AppError } from '../../shared/errors.js';
import { errorMessage } from '../../shared/i18n/messages.js';
import { fakeFetch, json, type FetchCall } from '../fakes/fetch.js';
import { fakeTokens } from '../fakes/tokens.js';
import { spyConsole } from '../fakes/console.js';
import { answerOf } from '../fakes/answers.js';

const BASE = 'https://wxm.example.com';
const NOTE = { user: 'cloudconnect', authorName: 'Cloud Connect', noteTime: '2026-11-20T10:00:00Z', note: 'Called back' };

function client(handler: (c: FetchCall, i: number) => Response | Promise<Response>, timeoutMs = 2000) {
  const net = fakeFetch(handler);
  const { tokens, stats } = fakeTokens();
  const wxm = createWxmClient({ baseUrl: BASE, tokens, timeoutMs, fetch: net.fetch, backoffMs: 5, random: () => 0.5 });
  return { wxm, calls: net.calls, stats };
}

const rejection = (p: Promise<unknown>) => p.then(() => expect.fail('resolved'), (e: unknown) => e as AppError);
const writes = (calls: FetchCall[]) => calls.filter((c) => c.method === 'POST');

describe('checkNote', () => {
  it('trims, refuses empty and over-long notes, and counts characters, not UTF-16 units', () => {
    expect(checkNote('  Called back \n')).to.deep.equal({ ok: true, text: 'Called back' });
    expect(checkNote(' \n\t ')).to.include({ ok: false, reason: 'empty' });
    expect(checkNote('x'.repeat(NOTE_MAX_CHARS)).ok).to.equal(true);
    expect(checkNote('x'.repeat(NOTE_MAX_CHARS + 1))).to.include({ ok: false, reason: 'too-long' });
    expect(checkNote('😀'.repeat(NOTE_MAX_CHARS)).ok, 'emoji are one character each').to.equal(true);
  });
});

describe('addNote', () => {
  it('POSTs the trimmed text as JSON data with the bearer token and returns the notes of the updated answer', async () => {
    const hostile = '  <img src=x onerror=alert(1)> "quoted" \\ ';
    const { wxm, calls } = client(() => json(answerOf({ id: 'ans/1', notes: [NOTE] })));
    expect(canWriteNotes(wxm)).to.equal(true);
    const notes = await addNote(wxm, 'ans/1', hostile);
    expect(notes).to.deep.equal([NOTE]);
    expect(calls).to.have.length(1);
    const [c] = calls;
    expect(c!.method).to.equal('POST');
    expect(c!.url).to.equal(`${BASE}/api/Answers/Note/ans%2F1`);
    expect(c!.headers.get('authorization')).to.equal('Bearer T1-SECRETTOKEN');
    expect(c!.headers.get('content-type')).to.match(/^application\/json/);
    expect(JSON.parse(c!.body!)).to.deep.equal({ note: hostile.trim() });
  });

  it('reads the answer back when the reply is not the updated answer', async () => {
    const { wxm, calls } = client((c) => {
      if (c.method === 'POST') return new Response('', { status: 200 });
      return c.url.endsWith('/api/Questions/Active') ? json([]) : json(answerOf({ id: 'a1', notes: [NOTE] }));
    });
    expect(await addNote(wxm, 'a1', 'Called back')).to.deep.equal([NOTE]);
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`).sort()).to.deep.equal(
      ['GET /api/Questions/Active', 'GET /api/answer/a1', 'POST /api/Answers/Note/a1'],
    );
  });

  it('sends nothing for an empty note', async () => {
    const { wxm, calls } = client(() => json({}));
    const err = await rejection(addNote(wxm, 'a1', '   '));
    expect(err).to.be.instanceOf(AppError);
    expect(calls).to.have.length(0);
  });

  it('repeats a write refused with 401 once with a fresh token', async () => {
    const { wxm, calls, stats } = client((_c, i) => (i === 0 ? json({ message: 'Authorization has been denied for this request.' }, 401) : json(answerOf({ id: 'a1', notes: [NOTE] }))));
    expect(await addNote(wxm, 'a1', 'x')).to.deep.equal([NOTE]);
    expect(stats.refresh).to.equal(1);
    expect(calls.map((c) => c.headers.get('authorization'))).to.deep.equal(['Bearer T1-SECRETTOKEN', 'Bearer T2-SECRETTOKEN']);
  });

  for (const [status, sends] of [[403, 1], [401, 2]] as const) {
    it(`reports a write the token may not make (${status}${status === 401 ? ' after the refresh' : ''}) as refused, without the token`, async () => {
      const { wxm, calls } = client(() => json({ message: 'denied' }, status));
      const err = await rejection(addNote(wxm, 'a1', 'x'));
      expect(err.code).to.equal('write-refused');
      expect(err.retryable).to.equal(false);
      expect(writes(calls)).to.have.length(sends);
      expect(`${err.message} ${err.detail}`).to.not.include('SECRETTOKEN');
      expect(errorMessage(err)).to.match(/not let this sign-in add notes/);
    });
  }

  it('retries a 429 (refused unapplied), honouring Retry-After', async () => {
    const { wxm, calls } = client((_c, i) => (i === 0 ? json({}, 429, { 'Retry-After': '0' }) : json(answerOf({ id: 'a1', notes: [NOTE] }))));
    expect(await addNote(wxm, 'a1', 'x')).to.deep.equal([NOTE]);
    expect(writes(calls)).to.have.length(2);
  });

  for (const status of [500, 502, 503, 504]) {
    it(`never repeats a write answered ${status} (it may have been applied) and says to check first`, async () => {
      const { wxm, calls } = client(() => json({ message: 'boom' }, status));
      const err = await rejection(addNote(wxm, 'a1', 'x'));
      expect(err.code).to.equal('write-unconfirmed');
      expect(writes(calls)).to.have.length(1);
      expect(errorMessage(err)).to.match(/may not have been saved.*Check/);
    });
  }

  it('never repeats a write that timed out, and reports it as unconfirmed', async () => {
    const { wxm, calls } = client((c) => new Promise<Response>(() => void c), 60);
    const err = await rejection(addNote(wxm, 'a1', 'x'));
    expect(err.code).to.equal('write-unconfirmed');
    expect(writes(calls)).to.have.length(1);
  });

  it('never repeats a write whose connection failed', async () => {
    const { wxm, calls } = client(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await rejection(addNote(wxm, 'a1', 'x'));
    expect(err.code).to.equal('write-unconfirmed');
    expect(writes(calls)).to.have.length(1);
  });

  it('resolves null when the note was saved but the answer cannot be read back', async () => {
    const { wxm } = client((c) => (c.method === 'POST' ? json(true) : json({ message: 'boom' }, 400)));
    const console = spyConsole();
    try {
      expect(await addNote(wxm, 'a1', 'x')).to.equal(null);
    } finally {
      console.restore();
    }
    expect(console.text()).to.match(/note saved, but the answer could not be read back/);
  });

  it('keeps the read rules for reads: a 503 on a read is still retried', async () => {
    const { wxm, calls } = client((_c, i) => (i === 0 ? json({}, 503) : json({ timeZoneOffset: 0 })));
    await wxm.settings();
    expect(calls).to.have.length(2);
  });
});
