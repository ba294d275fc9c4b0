import { LitElement, css, html, nothing } from 'lit';
import { customElement, query } from './decorators.js';
import { shared } from '../i18n/messages.js';
import { LocaleController } from './locale-controller.js';
import { baseStyles, buttonStyles } from './theme.js';

/**
 * Untrusted text (customer comments) shown as text only, clamped to `lines` with a More/Less toggle that
 * appears only when the text overflows. Direction follows the text (dir="auto"); line breaks are kept.
 *
 * @csspart text - the text box
 * @csspart toggle - the More/Less button
 * @cssproperty --cx-accent - toggle colour
 */
@customElement('cx-clamped-text')
export class CxClampedText extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .text {
        line-height: var(--cx-line-height, 1.4);
        white-space: pre-line;
        overflow-wrap: anywhere;
        unicode-bidi: plaintext;
      }
      .clamped {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: var(--lines);
        overflow: hidden;
      }
    `,
  ];
  static override properties = {
    text: { attribute: false },
    lines: { type: Number },
    expanded: { state: true },
    overflows: { state: true },
  };

  /** The text; rendered through a text binding, never as markup. */
  text = '';
  /** Lines shown while collapsed. */
  lines = 3;

  private expanded = false;
  private overflows = false;
  @query('.text') private box!: HTMLElement;
  #resize = new ResizeObserver(() => this.#measure());

  constructor() {
    super();
    new LocaleController(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('text')) this.expanded = false;
  }

  protected override firstUpdated(): void {
    this.#resize.observe(this.box);
  }

  protected override updated(changed: Map<string, unknown>): void {
    // After this update settles (measuring sets state; doing it inside `updated` would chain updates).
    if (changed.has('text') || changed.has('lines')) void this.updateComplete.then(() => this.#measure());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#resize.observe(this.box);
  }

  override render() {
    return html`<div
        id="text"
        part="text"
        class="text ${this.expanded ? '' : 'clamped'}"
        dir="auto"
        style="--lines:${Math.max(1, this.lines | 0)}"
      >${this.text}</div
      >${this.overflows || this.expanded
        ? html`<button
            part="toggle"
            class="btn link"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-controls="text"
            @click=${this.#toggle}
          >${shared.t(this.expanded ? 'less' : 'more')}</button>`
        : nothing}`;
  }

  /** Overflow can only be measured while clamped; while expanded the button stays. */
  #measure() {
    if (this.expanded || !this.box) return;
    this.overflows = this.box.scrollHeight > this.box.clientHeight + 1;
  }

  #toggle() {
    this.expanded = !this.expanded;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-clamped-text': CxClampedText;
  }
}
