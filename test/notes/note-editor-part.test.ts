/**
 * The note editor is a part loaded on demand (shared/parts/loader.ts): "Add note" is busy while it loads; when it
 * cannot load, a message with Retry takes its place, the console says why, and Retry really loads it again.
 * The failure is a real one: a load of the part from a file that is not there (404) is in flight when the agent
 * presses "Add note", so the form waits on that same load (a part loads once at a time).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { NoteForm } from '../../gadgets/journey/note-form.js';
import '../../gadgets/journey/note-form.js';
import { loadPart } from '../../shared/parts/loader.js';
import type { NoteWriter } from '../../shared/wxm/notes.js';
import { spyConsole } from '../fakes/console.js';
import { editorShown } from './note-ui.js';

/** A WxM client that takes every note and answers with the updated answer, as WxM does. */
function memoryWriter(): NoteWriter & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    async write(_path, body) {
      sent.push(body);
      return { notes: [{ user: 'agent1', authorName: 'Agent One', noteTime: new Date().toISOString(), note: (body as { note: string }).note }] };
    },
  };
}

const $ = <T extends Element = HTMLElement>(f: NoteForm, sel: string) => f.shadowRoot!.querySelector<T>(sel);

describe('<cx-note-form> editor part', () => {
  it('cannot load: busy button, then a message with Retry and a console line; Retry loads it and the note is saved', async () => {
    const writer = memoryWriter();
    const form = await fixture<NoteForm>(html`<cx-note-form answerId="a1" .writer=${writer}></cx-note-form>`);
    const console = spyConsole();
    try {
      const missing = loadPart('note-editor', { files: { 'note-editor': 'no-such-part.js' }, base: `${location.origin}/test/` });
      $(form, '[part="add"]')!.click();
      await form.updateComplete;
      const busy = $(form, '[part="add"]')!;
      expect(busy.textContent!.trim()).to.equal('Opening the note editor…');
      expect(busy.getAttribute('aria-disabled')).to.equal('true');
      await expect(form).to.be.accessible();

      await missing.catch(() => undefined);
      await form.updateComplete;
      const failed = $(form, '[part="editor-failed"]')!;
      expect(failed.getAttribute('role')).to.equal('alert');
      expect(failed.textContent).to.match(/The note editor could not load/);
      expect($(form, 'textarea')).to.equal(null);
      expect(console.text()).to.match(/\[cx\] the note-editor part did not load.*no-such-part\.js did not load/);
      await expect(form).to.be.accessible();

      failed.querySelector('button')!.click();
      const area = await editorShown(form);
      expect($(form, '[part="editor-failed"]')).to.equal(null);
      area.value = 'Called back';
      area.dispatchEvent(new Event('input'));
      await form.updateComplete;
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
      await form.updateComplete;
      expect(writer.sent).to.deep.equal([{ note: 'Called back' }]);
      expect($(form, '[part="status"]')!.textContent).to.equal('Note saved.');
      expect([...form.shadowRoot!.querySelectorAll('[part="note"] .text')].map((e) => e.textContent)).to.deep.equal(['Called back']);
    } finally {
      console.restore();
    }
  });
});
