import { LitElement, css, html, nothing, type PropertyValues, type ReactiveControllerHost } from 'lit';
import { customElement, query } from '../../shared/ui/decorators.js';
import type { Note } from '../../shared/wxm/types.js';
import { onWritesRefused, writesRefused, type NoteWriter } from '../../shared/wxm/notes.js';
import { errorMessage, shared } from '../../shared/i18n/messages.js';
import { notesMsg } from '../../shared/i18n/note-messages.js';
import { loadPart } from '../../shared/parts/loader.js';
import type { NoteEditor } from './note-editor.js';
import { formatDateTime } from '../../shared/i18n/format.js';
import { LocaleController, RerenderOn } from '../../shared/ui/locale-controller.js';
import { baseStyles, buttonStyles, fieldStyles } from '../../shared/ui/theme.js';

/** A note was saved on an answer; `notes` is the answer's list as WxM now holds it (null: saved, not read back). */
export class NoteAddedEvent extends Event {
  static readonly eventName = 'cx-note-added';
  constructor(
    readonly answerId: string,
    readonly notes: Note[] | null,
  ) {
    super(NoteAddedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Re-renders its host when a client is first refused a note, so every "Add note" goes at once. */
export class WritesRefusedController extends RerenderOn {
  constructor(host: ReactiveControllerHost) {
    super(host, onWritesRefused);
  }
}

let serial = 0;

/**
 * The notes of one response and an "Add note" action: a labelled text area with Save and Cancel. Note text (the
 * customer's or a colleague's) is shown as text only. A failed save keeps the typed text; a refused one (the
 * sign-in may not write) hides every "Add note" of the gadget and says why in one line; a save that may or may
 * not have happened says to check before trying again. WxM attributes the note: nothing is added to the text.
 * The editor itself (note-editor.ts) is a part, loaded when "Add note" is first pressed: the button is busy
 * meanwhile; if the part cannot load, a message with Retry (which loads it again) takes the editor's place.
 *
 * @fires cx-note-added - {NoteAddedEvent} a note was saved
 * @csspart notes - the list of notes
 * @csspart note - one note (author, time, text)
 * @csspart add - the "Add note" button
 * @csspart form - the note form
 * @csspart field - the text area
 * @csspart status - saving / saved / error line
 * @csspart refused - the one-line explanation after a refusal
 * @csspart editor-failed - the message with Retry when the editor could not load
 */
@customElement('cx-note-form')
export class NoteForm extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: var(--cx-space-2) 0;
        padding: 0;
      }
      li {
        padding: var(--cx-space-2) 0 var(--cx-space-2) var(--cx-space-3);
        border-left: 2px solid var(--cx-divider);
      }
      .who {
        color: var(--cx-muted);
        font-size: 0.9em;
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
        unicode-bidi: plaintext;
      }
      form {
        display: grid;
        gap: var(--cx-space-2);
        margin-top: var(--cx-space-2);
      }
      textarea {
        width: 100%;
        min-height: 4em;
        resize: vertical;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cx-space-3);
        align-items: center;
      }
      .hint,
      .count {
        color: var(--cx-muted);
        margin: 0;
      }
      .error {
        color: var(--cx-bad-text);
        margin: 0;
      }
      .status {
        margin: 0;
      }
    `,
  ];
  static override properties = {
    answerId: {},
    notes: { attribute: false },
    label: {},
    writer: { attribute: false },
    open: { state: true },
    editorLoad: { state: true },
    saved: { state: true },
    refusedHere: { state: true },
  };

  /** The WxM answer (response) id the note is written to. */
  answerId = '';
  /** The notes the answer already has (from the answer's `notes[]`); untrusted text. */
  notes: Note[] = [];
  /** Accessible name of the "Add note" button when the visible words need context ("Add note, survey of 3 Nov"). */
  label = '';

  /** The WxM client that writes the note (a prop, not a context: the journey's bundle carries no @lit/context). */
  writer?: NoteWriter;

  private open = false;
  /** The editor part: being loaded, or it could not load (the message with Retry shows). */
  private editorLoad?: 'loading' | 'failed';
  private saved?: 'read-back' | 'unread';
  private refusedHere = false;
  @query('textarea') private field?: HTMLTextAreaElement;
  @query('[part="add"]') private addButton?: HTMLButtonElement;
  /** Prefix of the element ids in this form's shadow root (the editor's too). */
  readonly uid = `cx-note-${++serial}`;
  #editor?: NoteEditor;

  constructor() {
    super();
    new LocaleController(this);
    new WritesRefusedController(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('answerId') && changed.get('answerId') !== undefined) {
      this.open = false;
      this.editorLoad = undefined;
      this.#editor?.reset();
      this.saved = undefined;
    }
  }

  /** The sign-in may add notes here: a client that writes, not refused yet. */
  get #writable(): boolean {
    return !!this.writer && !writesRefused(this.writer);
  }

  override render() {
    const notes = this.notes ?? [];
    return html`
      ${notes.length
        ? html`<ul part="notes" aria-label=${notesMsg.t('note.heading')}>
            ${notes.map((n) => html`<li part="note">${this.#renderNote(n)}</li>`)}
          </ul>`
        : nothing}
      ${this.refusedHere ? html`<p part="refused" class="hint" role="status">${errorMessage({ code: 'write-refused' })}</p>` : nothing}
      ${this.#writable ? (this.open && this.#editor ? this.#editor.render() : this.#renderAdd()) : nothing}
      ${this.saved && !this.open
        ? html`<p part="status" class="status" role="status">${notesMsg.t(this.saved === 'read-back' ? 'note.saved' : 'note.savedUnread')}</p>`
        : nothing}
    `;
  }

  #renderNote(n: Note) {
    const when = new Date(n.noteTime);
    const time = Number.isNaN(when.getTime()) ? '' : formatDateTime(when);
    const author = n.authorName || n.user || notesMsg.t('note.unknownAuthor');
    return html`<div class="who">
        ${time
          ? html`${author}, <time datetime=${when.toISOString()}>${time}</time>`
          : author}
      </div>
      <div class="text" dir="auto">${n.note}</div>`;
  }

  #renderAdd() {
    const loading = this.editorLoad === 'loading';
    return html`<button part="add" class="btn link" type="button" aria-label=${this.label || nothing} aria-disabled=${loading ? 'true' : nothing}
        @click=${this.#openForm}>
        ${loading ? notesMsg.t('note.opening') : notesMsg.t('note.add')}
      </button>
      ${this.editorLoad === 'failed'
        ? html`<p part="editor-failed" class="error" role="alert">
            ${notesMsg.t('note.editorFailed')}
            <button class="btn link" type="button" @click=${this.#openForm}>${shared.t('retry')}</button>
          </p>`
        : nothing}`;
  }

  /** Opens the editor, loading its part first (once; again after a failure). */
  async #openForm() {
    if (this.editorLoad === 'loading') return;
    if (!this.#editor) {
      this.editorLoad = 'loading';
      const answerId = this.answerId;
      try {
        const { NoteEditor } = await loadPart('note-editor');
        this.#editor ??= new NoteEditor(this);
      } catch {
        if (this.answerId === answerId) this.editorLoad = 'failed'; // the loader said why on the console
        return;
      }
      if (this.answerId !== answerId) return;
    }
    this.editorLoad = undefined;
    this.open = true;
    this.saved = undefined;
    await this.updateComplete;
    this.field?.focus();
  }

  async #close() {
    this.open = false;
    await this.updateComplete;
    this.addButton?.focus();
  }

  /** The editor's Cancel (note-editor.ts). */
  closeEditor(): void {
    void this.#close();
  }

  /** The editor saved the note (note-editor.ts). */
  noteSaved(notes: Note[] | null): void {
    if (notes) this.notes = notes;
    this.saved = notes ? 'read-back' : 'unread';
    this.dispatchEvent(new NoteAddedEvent(this.answerId, notes));
    void this.#close();
  }

  /** WxM refused the note (note-editor.ts): this form says why; the gadget's other forms just lose "Add note". */
  noteRefused(): void {
    this.refusedHere = true;
    this.open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-note-form': NoteForm;
  }
  interface HTMLElementEventMap {
    'cx-note-added': NoteAddedEvent;
  }
}
