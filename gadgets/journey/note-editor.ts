/**
 * The note editor of <cx-note-form> (note-form.ts): a labelled text area with Save and Cancel, its validation, the
 * save and the read-back. A part (shared/parts/loader.ts): built as its own small script, loaded when the agent
 * first presses "Add note", and run against the main script's Lit, catalogue and state through the bridge — its
 * only import besides the stateless modules it carries (note-write.ts, its messages).
 *
 * It renders inside the note form (the form's shadow root and styles) and keeps what the agent typed: a failed save
 * leaves the text in the field, and so does Cancel; a refused one (the sign-in may not write) closes the editor.
 */
import { errorMessage, html, isAbort, log, nothing, registerPart, toAppError } from '../../shared/parts/bridge.js';
import type { LitElement, ReactiveController } from 'lit';
import type { AppError } from '../../shared/errors.js';
import type { Note } from '../../shared/wxm/types.js';
import type { NoteWriter } from '../../shared/wxm/notes.js';
import { NOTE_MAX_CHARS, addNote, checkNote } from '../../shared/wxm/note-write.js';
import { noteEditorMsg as m } from '../../shared/i18n/note-editor-messages.js';

/** What the editor needs from the note form that shows it. */
export interface NoteEditorHost extends LitElement {
  readonly answerId: string;
  readonly writer?: NoteWriter;
  /** Prefix of the editor's element ids (unique per form). */
  readonly uid: string;
  /** The note is saved; `notes` as WxM now holds them (null: saved, not read back). The editor is empty again. */
  noteSaved(notes: Note[] | null): void;
  /** WxM refused the sign-in a note. */
  noteRefused(): void;
  /** Cancel: the editor closes (its text is dropped). */
  closeEditor(): void;
}

export class NoteEditor implements ReactiveController {
  text = '';
  saving = false;
  problem?: AppError | 'empty' | 'too-long';
  #abort?: AbortController;

  constructor(private readonly host: NoteEditorHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Empty again, nothing pending (a new answer, or Cancel). */
  reset(): void {
    this.#abort?.abort();
    this.text = '';
    this.saving = false;
    this.problem = undefined;
  }

  render() {
    const uid = this.host.uid;
    const length = [...this.text.trim()].length;
    const p = this.problem;
    const problemText =
      p === 'empty' ? m.t('note.empty') : p === 'too-long' ? m.t('note.tooLong', { n: length, max: NOTE_MAX_CHARS }) : p ? errorMessage(p) : '';
    return html`<form part="form" id=${`${uid}-form`} @submit=${this.#submit} @keydown=${this.#onKey} novalidate>
      <label for=${`${uid}-text`}>${m.t('note.field')}</label>
      <textarea
        part="field"
        id=${`${uid}-text`}
        .value=${this.text}
        ?readonly=${this.saving}
        aria-invalid=${p === 'empty' || p === 'too-long' ? 'true' : 'false'}
        aria-describedby=${`${uid}-hint ${uid}-problem`}
        @input=${this.#onInput}
      ></textarea>
      <p class="hint" id=${`${uid}-hint`}>
        ${m.t('note.hint', { max: NOTE_MAX_CHARS })}
        <span class="count">${m.t('note.count', { n: length, max: NOTE_MAX_CHARS })}</span>
      </p>
      <p class="error" id=${`${uid}-problem`} role="alert">${problemText}</p>
      <div class="row">
        <button class="btn primary" type="submit" ?disabled=${this.saving}>${m.t('note.save')}</button>
        <button class="btn" type="button" ?disabled=${this.saving} @click=${this.#cancel}>${m.t('note.cancel')}</button>
        ${this.saving ? html`<span part="status" role="status">${m.t('note.saving')}</span>` : nothing}
      </div>
    </form>`;
  }

  get #field(): HTMLTextAreaElement | null {
    return this.host.renderRoot.querySelector('textarea');
  }

  #cancel = () => {
    this.#abort?.abort();
    this.saving = false;
    this.problem = undefined;
    this.host.closeEditor();
  };

  #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !this.saving) {
      e.stopPropagation();
      this.#cancel();
    }
  };

  #onInput = (e: Event) => {
    this.text = (e.target as HTMLTextAreaElement).value;
    if (this.problem === 'empty' || this.problem === 'too-long') this.problem = undefined;
    this.host.requestUpdate();
  };

  #submit = async (e: Event) => {
    e.preventDefault();
    const wxm = this.host.writer;
    if (this.saving || !wxm) return;
    const check = checkNote(this.text);
    if (!check.ok) {
      this.problem = check.reason;
      this.host.requestUpdate();
      this.#field?.focus();
      return;
    }
    this.saving = true;
    this.problem = undefined;
    this.host.requestUpdate();
    const abort = (this.#abort = new AbortController());
    try {
      const notes = await addNote(wxm, this.host.answerId, check.text, abort.signal);
      this.text = '';
      this.saving = false;
      this.host.noteSaved(notes);
    } catch (err) {
      this.saving = false;
      if (isAbort(err)) return;
      const error = toAppError(err);
      log.warn('note not saved:', error.message);
      if (error.code === 'write-refused') {
        this.host.noteRefused();
        return;
      }
      this.problem = error; // the typed text stays in the field
      this.host.requestUpdate();
    }
  };
}

registerPart('note-editor', { NoteEditor });
