import { LitElement, css, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles, buttonStyles, fieldStyles } from '../../shared/ui/theme.js';
import type { CallerId } from '../../shared/finesse/types.js';
import { detectCallerId } from './detect-caller-id.js';
import { msg } from './messages.js';

/** Fired when the agent searches; carries the detected, normalised caller id. */
export class JourneySearchEvent extends Event {
  static readonly eventName = 'cx-journey-search';
  constructor(readonly callerId: CallerId) {
    super(JourneySearchEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Manual search by phone, email or customer id (detects which one was typed).
 *
 * @fires cx-journey-search - JourneySearchEvent
 * @csspart input - the text field
 */
@customElement('cx-journey-search')
export class JourneySearch extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    fieldStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 8px;
        align-items: center;
      }
      input {
        flex: 1 1 12em;
        min-width: 0;
      }
      .hint {
        flex-basis: 100%;
        color: var(--cx-muted);
        margin: 0;
      }
      .error {
        color: var(--cx-bad-text);
      }
    `,
  ];
  static override properties = {
    countryCode: { type: Number },
    value: { state: true },
    invalid: { state: true },
  };

  /** Country code for national numbers (the `defaultCountryCode` parameter). */
  countryCode?: number;
  private value = '';
  private invalid = false;

  override render() {
    const detected = detectCallerId(this.value, this.countryCode);
    return html`
      <form role="search" aria-label=${msg.t('search.heading')} @submit=${this.#submit} novalidate>
        <label for="q" class="sr-only">${msg.t('search.label')}</label>
        <input
          id="q"
          part="input"
          type="search"
          autocomplete="off"
          placeholder=${msg.t('search.label')}
          .value=${this.value}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby="hint"
          @input=${this.#onInput}
        />
        <button class="btn primary" type="submit">${msg.t('search.submit')}</button>
        <p id="hint" class="hint ${this.invalid ? 'error' : ''}" aria-live="polite">
          ${this.invalid ? msg.t('search.invalid') : detected ? msg.t(`search.kind.${detected.kind}`) : nothing}
        </p>
      </form>
    `;
  }

  #onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    this.invalid = false;
  }

  #submit(e: Event): void {
    e.preventDefault();
    const callerId = detectCallerId(this.value, this.countryCode);
    this.invalid = !callerId;
    if (callerId) this.dispatchEvent(new JourneySearchEvent(callerId));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-search': JourneySearch;
  }
  interface HTMLElementEventMap {
    'cx-journey-search': JourneySearchEvent;
  }
}
