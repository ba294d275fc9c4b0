import { LitElement, css, html, nothing } from 'lit';
import { customElement } from './decorators.js';
import type { AppError } from '../errors.js';
import { errorMessage, shared } from '../i18n/messages.js';
import { loadPart } from '../parts/loader.js';
import { RetryEvent } from './events.js';
import { LocaleController } from './locale-controller.js';
import { baseStyles, buttonStyles, fieldStyles } from './theme.js';
import './skeleton.js';

export { RetryEvent } from './events.js';

export type PanelKind = 'loading' | 'empty' | 'error' | 'info';

/**
 * One panel for the non-data states: loading (skeleton), empty, info, and error with Retry and
 * "Copy diagnostics" (redacted; falls back to a selectable text box when the clipboard is refused).
 * Errors are announced (role="alert"); the other kinds are polite statuses.
 *
 * @slot - extra actions (e.g. a manual search button), shown under the message
 * @fires cx-retry - {RetryEvent} the user pressed Retry
 * @csspart panel - the outer box
 * @csspart heading - the heading line
 * @csspart message - the message text
 * @csspart actions - the button row
 * @csspart retry - the Retry button
 * @csspart copy - the Copy diagnostics button
 * @csspart diagnostics - the fallback text box with the diagnostics
 * @cssproperty --cx-bad - left rule of an error panel
 * @cssproperty --cx-accent - Retry button background
 */
@customElement('cx-state-panel')
export class CxStatePanel extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      .panel {
        padding: var(--cx-space-3) var(--cx-space-4);
        border-left: 3px solid transparent;
      }
      .panel.error {
        border-left-color: var(--cx-bad);
        background: var(--cx-surface-alt);
      }
      .heading {
        margin: 0 0 var(--cx-space-2);
        font-weight: 600;
      }
      .message {
        margin: 0;
      }
      .empty .message,
      .info .message {
        color: var(--cx-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cx-space-3);
        align-items: center;
        margin-top: var(--cx-space-3);
      }
      .copied {
        color: var(--cx-muted);
      }
      textarea {
        display: block;
        width: 100%;
        min-height: 8em;
        margin-top: var(--cx-space-3);
        font: 12px/1.3 ui-monospace, Consolas, monospace;
      }
    `,
  ];
  static override properties = {
    kind: { reflect: true },
    heading: {},
    message: {},
    error: { attribute: false },
    diagnostics: { attribute: false },
    copy: { state: true },
  };

  kind: PanelKind = 'info';
  /** Heading; for errors defaults to "Feedback unavailable". */
  heading = '';
  /** Message; for errors defaults to the human message for `error.code`. */
  message = '';
  /** The error to explain (kind="error"). */
  error?: AppError;
  /** Extra, non-secret context for "Copy diagnostics" (`gadget` names the gadget). Redacted again anyway. */
  diagnostics: Record<string, unknown> = {};

  private copy: 'idle' | 'copied' | 'manual' = 'idle';
  #copyText = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('error') || changed.has('kind')) this.copy = 'idle';
  }

  override render() {
    if (this.kind === 'loading') return html`<cx-skeleton part="panel" .label=${this.message}></cx-skeleton>`;
    const err = this.kind === 'error';
    const heading = this.heading || (err ? shared.t('errorHeading') : '');
    const message = this.message || (err && this.error ? errorMessage(this.error) : '');
    return html`<div part="panel" class="panel ${this.kind}" role=${err ? 'alert' : 'status'}>
        ${heading ? html`<p part="heading" class="heading">${heading}</p>` : nothing}
        ${message ? html`<p part="message" class="message">${message}</p>` : nothing}
      </div>
      <div part="actions" class="actions">
        ${err && this.error?.retryable !== false
          ? html`<button part="retry" class="btn primary" @click=${this.#retry}>${shared.t('retry')}</button>`
          : nothing}
        ${err
          ? html`<button part="copy" class="btn" @click=${this.#copyDiagnostics}>${shared.t('copyDiagnostics')}</button>`
          : nothing}
        <slot></slot>
        <span class="copied" role="status">${this.copy === 'copied' ? shared.t('copied') : ''}</span>
      </div>
      ${this.copy === 'manual'
        ? html`<label class="copied" for="diag">${shared.t('copyBlocked')}</label>
            <textarea id="diag" part="diagnostics" readonly .value=${this.#copyText}></textarea>`
        : nothing}`;
  }

  #retry() {
    this.dispatchEvent(new RetryEvent());
  }

  async #copyDiagnostics() {
    this.#copyText = await diagnosticsText(this.error, this.diagnostics);
    try {
      await navigator.clipboard.writeText(this.#copyText);
      this.copy = 'copied';
    } catch {
      // Clipboard API refused (no permission in the Finesse iframe, insecure origin): show the text to copy by hand.
      this.copy = 'manual';
      await this.updateComplete;
      const box = this.renderRoot.querySelector('textarea');
      box?.focus();
      box?.select();
    }
  }
}

/**
 * The diagnostics text, from its part (loaded on the first copy). Should the part not load: the error's code and
 * hop only (its detail is not redacted without the part).
 */
async function diagnosticsText(error: AppError | undefined, context: Record<string, unknown>): Promise<string> {
  try {
    return (await loadPart('diagnostics')).buildDiagnostics(error, context);
  } catch {
    return ['CX gadget diagnostics', `error: ${error?.code ?? '-'}`, `hop: ${error?.hop ?? '-'}`].join('\n');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-state-panel': CxStatePanel;
  }
}
