import { LitElement, css, html, nothing, type PropertyValues, type ReactiveControllerHost } from 'lit';
import { customElement, query } from '../../shared/ui/decorators.js';
import type { Note } from '../../shared/wxm/types.js';
import { NOTE_MAX_CHARS, addNote, checkNote, onWritesRefused, writesRefused, type NoteWriter } from '../../shared/wxm/notes.js';
import { AppError, isAbort, toAppError } from '../../shared/errors.js';
import { errorMessage } from '../../shared/i18n/messages.js';
import { notesMsg } from '../../shared/i18n/note-messages.js';
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
 *
 * @fires cx-note-added - {NoteAddedEvent} a note was saved
 * @csspart notes - the list of notes
 * @csspart note - one note (author, time, text)
 * @csspart add - the "Add note" button
 * @csspart form - the note form
 * @csspart field - the text area
 * @csspart status - saving / saved / error line
 * @csspart refused - the one-line explanation after a refusal
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
    text: { state: true },
    saving: { state: true },
    problem: { state: true },
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
  private text = '';
  private saving = false;
  private problem?: AppError | 'empty' | 'too-long';
  private saved?: 'read-back' | 'unread';
  private refusedHere = false;
  @query('textarea') private field?: HTMLTextAreaElement;
  @query('[part="add"]') private addButton?: HTMLButtonElement;
  readonly #uid = `cx-note-${++serial}`;
  #abort?: AbortController;

  constructor() {
    super();
    new LocaleController(this);
    new WritesRefusedController(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('answerId') && changed.get('answerId') !== undefined) {
      this.open = false;
      this.text = '';
      this.problem = undefined;
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
      ${this.#writable ? (this.open ? this.#renderForm() : this.#renderAdd()) : nothing}
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
    return html`<button part="add" class="btn link" type="button" aria-label=${this.label || nothing} @click=${this.#openForm}>
      ${notesMsg.t('note.add')}
    </button>`;
  }

  #renderForm() {
    const length = [...this.text.trim()].length;
    const p = this.problem;
    const problemText =
      p === 'empty' ? notesMsg.t('note.empty') : p === 'too-long' ? notesMsg.t('note.tooLong', { n: length, max: NOTE_MAX_CHARS }) : p ? errorMessage(p) : '';
    return html`<form part="form" id=${`${this.#uid}-form`} @submit=${this.#submit} @keydown=${this.#onKey} novalidate>
      <label for=${`${this.#uid}-text`}>${notesMsg.t('note.field')}</label>
      <textarea
        part="field"
        id=${`${this.#uid}-text`}
        .value=${this.text}
        ?readonly=${this.saving}
        aria-invalid=${p === 'empty' || p === 'too-long' ? 'true' : 'false'}
        aria-describedby=${`${this.#uid}-hint ${this.#uid}-problem`}
        @input=${this.#onInput}
      ></textarea>
      <p class="hint" id=${`${this.#uid}-hint`}>
        ${notesMsg.t('note.hint', { max: NOTE_MAX_CHARS })}
        <span class="count">${notesMsg.t('note.count', { n: length, max: NOTE_MAX_CHARS })}</span>
      </p>
      <p class="error" id=${`${this.#uid}-problem`} role="alert">${problemText}</p>
      <div class="row">
        <button class="btn primary" type="submit" ?disabled=${this.saving}>${notesMsg.t('note.save')}</button>
        <button class="btn" type="button" ?disabled=${this.saving} @click=${this.#cancel}>${notesMsg.t('note.cancel')}</button>
        ${this.saving ? html`<span part="status" role="status">${notesMsg.t('note.saving')}</span>` : nothing}
      </div>
    </form>`;
  }

  async #openForm() {
    this.open = true;
    this.saved = undefined;
    await this.updateComplete;
    this.field?.focus();
  }

  async #close() {
    this.open = false;
    this.problem = undefined;
    await this.updateComplete;
    this.addButton?.focus();
  }

  #cancel() {
    this.#abort?.abort();
    this.saving = false;
    void this.#close();
  }

  #onKey(e: KeyboardEvent) {
    if (e.key === 'Escape' && !this.saving) {
      e.stopPropagation();
      this.#cancel();
    }
  }

  #onInput(e: Event) {
    this.text = (e.target as HTMLTextAreaElement).value;
    if (this.problem === 'empty' || this.problem === 'too-long') this.problem = undefined;
  }

  async #submit(e: Event) {
    e.preventDefault();
    const wxm = this.writer;
    if (this.saving || !wxm) return;
    const check = checkNote(this.text);
    if (!check.ok) {
      this.problem = check.reason;
      this.field?.focus();
      return;
    }
    this.saving = true;
    this.problem = undefined;
    this.#abort = new AbortController();
    const answerId = this.answerId;
    try {
      const notes = await addNote(wxm, answerId, check.text, this.#abort.signal);
      if (notes) this.notes = notes;
      this.saved = notes ? 'read-back' : 'unread';
      this.text = '';
      this.saving = false;
      this.dispatchEvent(new NoteAddedEvent(answerId, notes));
      await this.#close();
    } catch (err) {
      this.saving = false;
      if (isAbort(err)) return;
      const error = toAppError(err);
      console.warn('[cx] note not saved:', error.message);
      if (error.code === 'write-refused') {
        this.refusedHere = true;
        this.open = false;
        return;
      }
      this.problem = error; // the typed text stays in the field
    }
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
