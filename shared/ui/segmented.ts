import { LitElement, css, html } from 'lit';
import { customElement } from './decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ChangeEvent } from './events.js';
import { baseStyles, buttonStyles } from './theme.js';

export { ChangeEvent } from './events.js';

export interface SegmentOption<V extends string = string> {
  value: V;
  /** Visible text, already translated by the caller ("30 d", "Today"). */
  label: string;
  /** Longer accessible name when the visible one is terse ("30 days"). */
  title?: string;
}

/**
 * A labelled single-select button group (radio group semantics) for period and channel filters.
 * Tab enters the group at the selected option; arrow keys, Home and End move and select.
 *
 * @fires cx-change - {ChangeEvent} the selected value changed by user action
 * @csspart group - the group box
 * @csspart option - each option button (`option selected` for the chosen one)
 * @cssproperty --cx-accent - selected background
 * @cssproperty --cx-border - group border
 */
@customElement('cx-segmented')
export class CxSegmented extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: inline-block;
      }
      .group {
        display: inline-flex;
        flex-wrap: wrap;
        border: 1px solid var(--cx-border);
        border-radius: var(--cx-radius);
        overflow: hidden;
      }
      /* The kit's button, joined into one box: only a rule between neighbours. */
      .btn {
        border: 0;
        border-left: 1px solid var(--cx-border);
        border-radius: 0;
      }
      .btn:first-child {
        border-left: 0;
      }
      .btn[aria-checked='true'] {
        background: var(--cx-accent);
        color: var(--cx-on-accent);
        font-weight: 600;
      }
      button:focus-visible {
        outline-offset: -4px;
        outline-color: currentColor;
      }
    `,
  ];
  static override properties = {
    label: {},
    options: { attribute: false },
    value: {},
  };

  /** Accessible name of the group ("Period"). */
  label = '';
  options: SegmentOption[] = [];
  /** The selected value. */
  value = '';

  override render() {
    const selected = Math.max(0, this.options.findIndex((o) => o.value === this.value));
    return html`<div part="group" class="group" role="radiogroup" aria-label=${this.label} @keydown=${this.onKey}>
      ${this.options.map(
        (o, i) => html`<button
          class="btn"
          part="option${o.value === this.value ? ' selected' : ''}"
          role="radio"
          aria-checked=${o.value === this.value ? 'true' : 'false'}
          tabindex=${i === selected ? '0' : '-1'}
          title=${ifDefined(o.title)}
          aria-label=${ifDefined(o.title)}
          @click=${() => this.select(i)}
        >${o.label}</button>`,
      )}
    </div>`;
  }

  private onKey(e: KeyboardEvent) {
    const n = this.options.length;
    const at = this.options.findIndex((o) => o.value === this.value);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowDown: 1,
      ArrowLeft: rtl ? 1 : -1,
      ArrowUp: -1,
    };
    let next: number;
    if (e.key in step) next = (Math.max(0, at) + step[e.key]! + n) % n;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else return;
    e.preventDefault();
    this.select(next, true);
  }

  private async select(i: number, focus = false) {
    const o = this.options[i];
    if (!o) return;
    if (o.value !== this.value) {
      this.value = o.value;
      this.dispatchEvent(new ChangeEvent(o.value));
    }
    if (focus) {
      await this.updateComplete;
      this.renderRoot.querySelectorAll('button')[i]?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-segmented': CxSegmented;
  }
}
