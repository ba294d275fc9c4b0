import { LitElement, css, html } from 'lit';
import { customElement } from './decorators.js';
import { shared } from '../i18n/messages.js';
import { LocaleController } from './locale-controller.js';
import { baseStyles } from './theme.js';

/**
 * Loading placeholder: grey bars hidden from assistive technology, plus a visually hidden "Loading…" status.
 *
 * @csspart line - each placeholder bar
 * @cssproperty --cx-surface-alt - bar colour
 */
@customElement('cx-skeleton')
export class CxSkeleton extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .line {
        height: 0.8em;
        margin: 0.5em 0;
        border-radius: var(--cx-radius);
        background: var(--cx-surface-alt);
        animation: pulse 1.2s ease-in-out infinite alternate;
      }
      .line:last-child:not(:first-child) {
        width: 60%;
      }
      @keyframes pulse {
        to {
          opacity: 0.45;
        }
      }
    `,
  ];
  static override properties = {
    lines: { type: Number },
    label: {},
  };

  /** Number of placeholder lines. */
  lines = 3;
  /** What the status says to screen readers (default: "Loading…"). */
  label = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const n = Math.max(1, Math.min(20, this.lines || 1));
    return html`<span class="sr-only" role="status">${this.label || shared.t('loading')}</span>
      <div aria-hidden="true">${Array.from({ length: n }, () => html`<div part="line" class="line"></div>`)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-skeleton': CxSkeleton;
  }
}
