import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { formatDateTime } from '../../shared/i18n/format.js';
import '../../shared/ui/clamped-text.js';
import '../../shared/ui/score-chip.js';
import { msg } from './messages.js';
import { detractorsFirst, type Verbatim } from './verbatims.js';

/** Newest comments (untrusted text, rendered as text and clamped), optionally detractors first. */
@customElement('cx-verbatim-list')
export class VerbatimList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 0;
        font-size: 1em;
        flex: 1;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-bottom: 4px;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        padding: 4px 0;
        border-bottom: 1px solid var(--cx-divider);
      }
      .meta {
        color: var(--cx-muted);
        font-size: 0.92em;
      }
      .empty {
        color: var(--cx-muted);
      }
    `,
  ];

  @property({ attribute: false }) items: Verbatim[] = [];
  @property() heading = '';
  /** Hide the heading and option (when embedded under another heading). */
  @property({ type: Boolean }) compact = false;
  @property() locale = 'en';
  @state() private detractorsFirst = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const items = this.detractorsFirst ? detractorsFirst(this.items) : this.items;
    return html`
      <div class="bar">
        ${this.compact ? nothing : html`<h3 id="v-h">${this.heading || msg.t('verbatims.title')}</h3>`}
        <label
          ><input type="checkbox" part="detractors-first" .checked=${this.detractorsFirst} @change=${this.onToggle} />
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
    `;
  }

  private onToggle(e: Event) {
    this.detractorsFirst = (e.target as HTMLInputElement).checked;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-verbatim-list': VerbatimList;
  }
}
