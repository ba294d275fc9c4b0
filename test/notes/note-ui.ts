/** Drives a <cx-note-form> the way a mouse user does: Add note, type, Save. */
import type { NoteForm } from '../../gadgets/journey/note-form.js';

export async function writeNoteByMouse(form: NoteForm, text: string): Promise<void> {
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part="add"]')!.click();
  await form.updateComplete;
  const area = form.shadowRoot!.querySelector('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await form.updateComplete;
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}
