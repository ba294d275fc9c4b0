import { LitElement, css, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { formatDate } from '../../shared/i18n/format.js';
import type { CallerHeader } from './model.js';
import { msg } from './messages.js';

/**
 * Whose history this is: the caller's name (when a survey gave one), the identifiers searched (masked when
 * `maskPii` is on), "first contact" or "N surveys since …", and a callback-risk banner.
 *
 * @csspart caller - the header line
 * @csspart risk - the callback-risk banner
 * @fires cx-journey-show-entry - the agent asked to see the survey behind the risk (detail: its answer id)
 */
@customElement('cx-journey-caller')
export class JourneyCaller extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
      }
      .name {
        font-weight: 600;
        font-size: 1.1em;
      }
      .meta {
        color: var(--cx-muted);
      }
      .risk button {
        font: inherit;
        color: inherit;
        background: none;
        border: none;
        padding: 0;
        text-decoration: underline;
        cursor: pointer;
        margin-left: 4px;
      }
      .risk {
        margin-top: 4px;
        padding: 4px 8px;
        border-left: 3px solid var(--cx-bad);
        background: var(--cx-bad-bg);
        color: var(--cx-bad-text);
        font-weight: 600;
      }
    `,
  ];
  static override properties = {
    header: { attribute: false },
  };

  header?: CallerHeader;

  override render() {
    const h = this.header;
    if (!h) return nothing;
    const ids = h.ids.map((id) => msg.t(`caller.id.${id.kind}`, { value: id.value })).join(' · ');
    return html`<p part="caller">
        <span class="name">${h.name ?? msg.t('caller.unnamed')}</span>
        <span class="meta">${ids}</span>
      </p>
      <p class="meta">
        ${h.total === 0
          ? msg.t('caller.first')
          : h.since
            ? msg.t('caller.since', { n: h.total, date: formatDate(h.since) })
            : msg.t('brief.surveys', { n: h.total })}
      </p>
      ${h.risk
        ? html`<p class="risk" part="risk">
            ${msg.t(`caller.risk.${h.risk}`)}
            ${h.riskAnswerId ? html`<button type="button" part="risk-show" @click=${() => this.#show(h.riskAnswerId!)}>${msg.t('caller.risk.show')}</button>` : nothing}
          </p>`
        : nothing}`;
  }

  #show(answerId: string): void {
    this.dispatchEvent(new CustomEvent('cx-journey-show-entry', { detail: answerId, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-caller': JourneyCaller;
  }
}
