import { LitElement, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles, fieldStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import type { ChangeEvent } from '../../shared/ui/events.js';
import '../../shared/ui/segmented.js';
import { msg } from './messages.js';
import type { PeriodChoice, PeriodKey } from './period.js';
import { periodPickerStyles } from './period-picker.styles.js';

/** The user chose another period (a preset, or a complete custom range). */
export class PeriodChangeEvent extends Event {
  static readonly eventName = 'cx-period-change';
  constructor(readonly period: PeriodChoice) {
    super(PeriodChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

const KEYS: PeriodKey[] = ['today', '7d', '30d', '90d', 'custom'];
/** Earliest selectable day. A date field typed into reports every complete date on the way ("0002-03-01" while
 * the year is typed): those must not reload the view. No WxM account has feedback from before this day. */
const MIN_DAY = '2000-01-01';

/**
 * Period presets as a segmented control; "Custom" reveals two labelled date inputs. A custom range is only
 * announced once both dates are set and in order.
 *
 * @fires cx-period-change - {PeriodChangeEvent}
 */
@customElement('cx-period-picker')
export class PeriodPicker extends LitElement {
  static override styles = [
    baseStyles,
    fieldStyles,
    periodPickerStyles,
  ];
  static override properties = {
    value: { attribute: false },
    max: {},
    custom: { state: true },
    from: { state: true },
    to: { state: true },
  };

  value: PeriodChoice = { key: '30d' };
  /** Latest selectable day ("yyyy-MM-dd"). */
  max = '';
  private custom = false;
  private from = '';
  private to = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const key = this.custom ? 'custom' : this.value.key;
    const invalid = this.custom && this.from && this.to && this.from > this.to;
    return html`
      <cx-segmented
        label=${msg.t('period.label')}
        .options=${KEYS.map((k) => ({ value: k, label: msg.t(`period.${k}`) }))}
        .value=${key}
        @cx-change=${this.#onPreset}
      ></cx-segmented>
      ${key === 'custom'
        ? html`<label>${msg.t('period.from')}
              <input type="date" part="from" .value=${this.from} min=${MIN_DAY} max=${this.max || nothing} @change=${this.#onFrom} /></label>
            <label>${msg.t('period.to')}
              <input type="date" part="to" .value=${this.to} min=${MIN_DAY} max=${this.max || nothing} @change=${this.#onTo} /></label>
            ${invalid ? html`<span class="invalid" role="alert">${msg.t('period.invalid')}</span>` : nothing}`
        : nothing}
    `;
  }

  #onPreset(e: ChangeEvent) {
    const key = e.value as PeriodKey;
    e.stopPropagation();
    if (key === 'custom') {
      this.custom = true;
      this.from ||= this.value.from ?? '';
      this.to ||= this.value.to ?? this.max;
      this.#emitCustom();
      return;
    }
    this.custom = false;
    this.dispatchEvent(new PeriodChangeEvent({ key }));
  }

  #onFrom(e: Event) {
    this.from = (e.target as HTMLInputElement).value;
    this.#emitCustom();
  }

  #onTo(e: Event) {
    this.to = (e.target as HTMLInputElement).value;
    this.#emitCustom();
  }

  #emitCustom() {
    if (this.from >= MIN_DAY && this.to >= MIN_DAY && this.from <= this.to) {
      this.dispatchEvent(new PeriodChangeEvent({ key: 'custom', from: this.from, to: this.to }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-period-picker': PeriodPicker;
  }
  interface HTMLElementEventMap {
    'cx-period-change': PeriodChangeEvent;
  }
}
