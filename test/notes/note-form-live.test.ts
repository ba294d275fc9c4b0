/**
 * <cx-note-form> against the emulator (real token service, real WxM note route across origins): add a note by
 * mouse and by keyboard, hostile text shown as text, a refused write (403), a write that saves and then times out.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createTokenClient } from '../../shared/token/token-client.js';
import { createWxmClient } from '../../shared/wxm/wxm-client.js';
import type { Answer, Note } from '../../shared/wxm/types.js';
import { NoteAddedEvent, type NoteForm } from '../../gadgets/journey/note-form.js';
import '../../gadgets/journey/note-form.js';
import { testEnv } from '../helpers/env.js';
import { basic, control, until } from '../shared/live.js';
import { editorShown, writeNoteByMouse } from './note-ui.js';

type Client = ReturnType<typeof createWxmClient>;

async function liveClient(timeoutMs = 8000) {
  const env = await testEnv();
  const posts: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const req = input instanceof Request ? input : new Request(String(input), init);
    if (req.method === 'POST' && /\/api\/Answers\/Note\//i.test(req.url)) posts.push(req.url);
    return fetch(input, init);
  };
  const tokens = createTokenClient({ authHeader: () => basic('1001') });
  const wxm = createWxmClient({ baseUrl: env.wxmUrl, tokens, timeoutMs, fetch: counting });
  return { wxm, tokens, posts };
}

/** Answers without notes yet, newest first (each test writes on its own). */
async function freshAnswers(wxm: Client, n: number): Promise<Answer[]> {
  const page = await wxm.answersPage({}, 1, 100);
  const free = page.answers.filter((a) => !a.notes?.length);
  expect(free.length).to.be.at.least(n);
  return free.slice(0, n);
}

async function mount(wxm: Client, answers: Answer[]) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const forms = answers.map((a) => {
    const f = document.createElement('cx-note-form');
    f.writer = wxm;
    f.answerId = a.id;
    f.notes = a.notes ?? [];
    host.append(f);
    return f;
  });
  await Promise.all(forms.map((f) => f.updateComplete));
  return { host, forms };
}

const $ = <T extends Element = HTMLElement>(f: NoteForm, sel: string) => f.shadowRoot!.querySelector<T>(sel);
const noteTexts = (f: NoteForm) => [...f.shadowRoot!.querySelectorAll('[part="note"] .text')].map((e) => e.textContent);


describe('<cx-note-form> against the emulator', function () {
  this.timeout(60_000);
  let client: Awaited<ReturnType<typeof liveClient>>;

  afterEach(async () => {
    await control('notes', { writes: 'allowed', stallAfterApplyMs: 0, author: 'service' });
    client?.tokens.dispose();
  });

  it('adds a note by mouse: it appears with author and time, is in WxM, and hostile text stays text', async () => {
    client = await liveClient();
    const [answer] = await freshAnswers(client.wxm, 1);
    const { forms } = await mount(client.wxm, [answer!]);
    const form = forms[0]!;
    const added: NoteAddedEvent[] = [];
    form.addEventListener(NoteAddedEvent.eventName, (e) => added.push(e));
    const hostile = '<img src=x onerror="window.__pwned=1"><b>Called back</b>';
    await writeNoteByMouse(form, `  ${hostile}  `);
    await until(() => added.length === 1, 10_000, 'note saved');
    await form.updateComplete;
    expect(noteTexts(form)).to.deep.equal([hostile]);
    expect(form.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    const who = $(form, '[part="note"] .who')!.textContent!;
    expect(who).to.include('Cloud Connect');
    expect($(form, '[part="note"] time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect($(form, '[part="status"]')!.textContent).to.include('Note saved');
    // WxM has it (read back independently), trimmed and with nothing added.
    const stored = (await client.wxm.answer(answer!.id))!.notes as Note[];
    expect(stored.map((n) => n.note)).to.deep.equal([hostile]);
    expect(client.posts).to.have.length(1);
    await expect(form).to.be.accessible();
  });

  it('adds a note by keyboard only: Enter opens the form, focus is in the field, Tab reaches Save', async () => {
    client = await liveClient();
    const [answer] = await freshAnswers(client.wxm, 1);
    const { forms } = await mount(client.wxm, [answer!]);
    const form = forms[0]!;
    $(form, '[part="add"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await editorShown(form);
    expect(form.shadowRoot!.activeElement?.tagName).to.equal('TEXTAREA');
    expect($(form, 'label')!.textContent).to.equal('Note');
    await sendKeys({ type: 'Promised a refund by Friday' });
    await sendKeys({ press: 'Tab' });
    expect(form.shadowRoot!.activeElement?.textContent).to.equal('Save note');
    await sendKeys({ press: 'Enter' });
    await until(() => noteTexts(form).length === 1, 10_000, 'note shown');
    expect(noteTexts(form)).to.deep.equal(['Promised a refund by Friday']);
    // Focus goes back to "Add note", ready for another.
    await form.updateComplete;
    expect(form.shadowRoot!.activeElement?.getAttribute('part')).to.equal('add');
  });

  it('Escape closes the form without saving', async () => {
    client = await liveClient();
    const [answer] = await freshAnswers(client.wxm, 1);
    const { forms } = await mount(client.wxm, [answer!]);
    const form = forms[0]!;
    $(form, '[part="add"]')!.click();
    await editorShown(form);
    await sendKeys({ type: 'never mind' });
    await sendKeys({ press: 'Escape' });
    await form.updateComplete;
    expect($(form, 'form')).to.equal(null);
    expect(client.posts).to.have.length(0);
  });

  it('a refused write (403) hides every "Add note" with a one-line explanation; reading still works', async () => {
    client = await liveClient();
    const answers = await freshAnswers(client.wxm, 2);
    const { forms } = await mount(client.wxm, answers);
    await control('notes', { writes: 'refused' });
    const [first, second] = forms as [NoteForm, NoteForm];
    await writeNoteByMouse(first, 'Called back');
    await until(() => !!$(first, '[part="refused"]'), 10_000, 'refusal shown');
    expect($(first, '[part="refused"]')!.textContent).to.match(/does not let this sign-in add notes/);
    await second.updateComplete;
    expect($(second, '[part="add"]'), 'the other response has no "Add note" either').to.equal(null);
    expect($(first, '[part="add"]')).to.equal(null);
    expect(client.posts).to.have.length(1);
    // Reading is not affected.
    expect((await client.wxm.answer(answers[0]!.id))?.id).to.equal(answers[0]!.id);
    await expect(first).to.be.accessible();
  });

  it('a write that saves and then times out says to check first, keeps the text, and is never repeated', async () => {
    client = await liveClient(400);
    const [answer] = await freshAnswers(client.wxm, 1);
    const { forms } = await mount(client.wxm, [answer!]);
    const form = forms[0]!;
    await control('notes', { stallAfterApplyMs: 2000 });
    await writeNoteByMouse(form, 'Left a voicemail');
    await until(() => /may not have been saved/.test($(form, '.error')?.textContent ?? ''), 10_000, 'unconfirmed message');
    expect($(form, '.error')!.textContent).to.match(/Check the response for the note before trying again/);
    expect($<HTMLTextAreaElement>(form, 'textarea')!.value).to.equal('Left a voicemail');
    await new Promise((r) => setTimeout(r, 2500)); // past the stall: a hidden retry would have been sent by now
    expect(client.posts).to.have.length(1);
    // The server did apply it: exactly once.
    const stored = (await client.wxm.answer(answer!.id))!.notes!;
    expect(stored.map((n) => n.note)).to.deep.equal(['Left a voicemail']);
  });
});
