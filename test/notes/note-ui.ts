/** Drives a <cx-note-form> the way a mouse user does: Add note, type, Save. */
import type { NoteForm } from '../../gadgets/journey/note-form.js';

/** After "Add note": the editor is a part loaded on demand (shared/parts/loader.ts); waits until it has focus. */
export async function editorShown(form: NoteForm, timeoutMs = 5000): Promise<HTMLTextAreaElement> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await form.updateComplete;
    const area = form.shadowRoot!.querySelector('textarea');
    if (area && form.shadowRoot!.activeElement === area) return area;
    if (Date.now() > end) throw new Error('the note editor did not open');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function writeNoteByMouse(form: NoteForm, text: string): Promise<void> {
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part="add"]')!.click();
  const area = await editorShown(form);
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await form.updateComplete;
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}
