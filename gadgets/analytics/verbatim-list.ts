import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { formatDateTime } from '../../shared/i18n/format.js';
import '../../shared/ui/clamped-text.js';
import '../../shared/ui/score-chip.js';
import { msg } from './messages.js';
import { detractorsFirst, type Verbatim } from './verbatims.js';
import { verbatimListStyles } from './verbatim-list.styles.js';

/**
 * Newest comments (untrusted text, rendered as text and clamped), optionally detractors first; `step` at a time,
 * "Show more" adds the next step.
 *
 * @csspart verbatims - the list
 * @csspart verbatim - one comment
 * @csspart detractors-first - the ordering option
 * @csspart more - the "Show more" button
 */
@customElement('cx-verbatim-list')
export class VerbatimList extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    verbatimListStyles,
  ];
  static override properties = {
    items: { attribute: false },
    heading: {},
    compact: { type: Boolean },
    locale: {},
    step: { type: Number },
    detractorsFirst: { state: true },
    shown: { state: true },
  };

  items: Verbatim[] = [];
  heading = '';
  /** Hide the heading and option (when embedded under another heading). */
  compact = false;
  locale = 'en';
  /** Comments shown at first and added by each "Show more". */
  step = 10;
  private detractorsFirst = false;
  private shown = 10;

  constructor() {
    super();
    new LocaleController(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new list (another view, a refresh) starts over at one step.
    if (changed.has('items') || changed.has('step')) this.shown = this.step;
  }

  override render() {
    const all = this.detractorsFirst ? detractorsFirst(this.items) : this.items;
    const items = all.slice(0, this.shown);
    const more = Math.min(this.step, all.length - items.length);
    return html`
      <div class="bar">
        ${this.compact ? nothing : html`<h3 id="v-h">${this.heading || msg.t('verbatims.title')}</h3>`}
        <label
          ><input type="checkbox" part="detractors-first" .checked=${this.detractorsFirst} @change=${this.#onToggle} />
          ${msg.t('verbatims.detractorsFirst')}</label
        >
      </div>
      ${items.length === 0
        ? html`<p class="empty">${msg.t('verbatims.empty')}</p>`
        : html`<ol part="verbatims" aria-labelledby=${this.compact ? nothing : 'v-h'}>
            ${items.map(
              (v) => html`<li part="verbatim" data-class=${v.npsClass ?? ''}>
                <div class="meta">
                  ${formatDateTime(new Date(v.time), this.locale)}
                  ${v.nps !== undefined
                    ? html`<cx-score-chip metric="nps" .value=${v.nps} .scaleMax=${10} klass=${v.npsClass ?? 'neutral'}></cx-score-chip>`
                    : nothing}
                </div>
                <cx-clamped-text .text=${v.text} .lines=${3}></cx-clamped-text>
              </li>`,
            )}
          </ol>`}
      ${more > 0
        ? html`<button class="btn more" part="more" @click=${() => (this.shown += this.step)}>${msg.t('verbatims.more', { n: more })}</button>`
        : nothing}
    `;
  }

  #onToggle(e: Event) {
    this.detractorsFirst = (e.target as HTMLInputElement).checked;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-verbatim-list': VerbatimList;
  }
}
