import { LitElement, css, html } from 'lit';
import { customElement } from './decorators.js';
import { formatNumber } from '../i18n/format.js';
import { shared } from '../i18n/messages.js';
import { LocaleController } from './locale-controller.js';
import { baseStyles } from './theme.js';

export type ChipMetric = 'nps' | 'csat' | 'ces';
/** Same values as the metrics module's ScoreClass; the caller computes it (scoreClass()). */
export type ChipClass = 'good' | 'neutral' | 'bad';

/**
 * A score with its class shown three ways: colour, a shape (▲ good, ▬ neutral, ▼ bad) and,
 * for screen readers and on hover, words ("NPS 9 of 10, promoter").
 *
 * @csspart chip - the chip box
 * @csspart shape - the class shape
 * @csspart metric - the metric name (NPS, CSAT, CES)
 * @csspart value - the number
 * @cssproperty --cx-good-bg - background of a good score (also --cx-neutral-bg, --cx-bad-bg)
 * @cssproperty --cx-good-text - text of a good score (also --cx-neutral-text, --cx-bad-text)
 */
@customElement('cx-score-chip')
export class CxScoreChip extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
        vertical-align: middle;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: var(--cx-space-2);
        padding: 0 var(--cx-space-3);
        min-width: 2.5em;
        border: 1px solid var(--cx-border);
        border-radius: var(--cx-radius-pill);
        line-height: 18px;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        background: var(--cx-surface-alt);
        color: var(--cx-text);
      }
      .shape {
        width: 0.6em;
        height: 0.6em;
        background: currentColor;
      }
      .good {
        background: var(--cx-good-bg);
        color: var(--cx-good-text);
        border-color: var(--cx-good);
      }
      .good .shape {
        clip-path: polygon(50% 0, 100% 100%, 0 100%);
      }
      .neutral {
        background: var(--cx-neutral-bg);
        color: var(--cx-neutral-text);
        border-color: var(--cx-neutral);
      }
      .neutral .shape {
        clip-path: polygon(0 35%, 100% 35%, 100% 65%, 0 65%);
      }
      .bad {
        background: var(--cx-bad-bg);
        color: var(--cx-bad-text);
        border-color: var(--cx-bad);
      }
      .bad .shape {
        clip-path: polygon(0 0, 100% 0, 50% 100%);
      }
      .none .shape {
        display: none;
      }
      /*
       * Forced colours (Windows high contrast) replace every background with Canvas: the class colours go, and so
       * would the shape, which is painted as a background. Keep the shape in the text colour and give every chip
       * a border, so the class still reads from the shape (and the words).
       */
      @media (forced-colors: active) {
        .chip {
          border-color: CanvasText;
        }
        .shape {
          forced-color-adjust: none;
          background: CanvasText;
        }
      }
      /* Several chips sit side by side (NPS, CSAT, CES): colour alone must not tell them apart. */
      .metric {
        font-size: 0.75em;
        font-weight: 600;
        letter-spacing: 0.02em;
      }
    `,
  ];
  static override properties = {
    metric: { reflect: true },
    value: { type: Number },
    scaleMax: { type: Number },
    klass: {},
    digits: { type: Number },
  };

  metric: ChipMetric = 'nps';
  /** The score; null shows "–" and "no responses". */
  value: number | null = null;
  /** Top of the scale (10 for NPS, 5 for CSAT, 5 or 7 for CES). */
  scaleMax = 10;
  /** Class from the metrics module; omitted = no class colour. */
  klass?: ChipClass;
  /** Fraction digits shown (means: 1). */
  digits = 0;

  constructor() {
    super();
    new LocaleController(this);
  }

  /** The words a screen reader hears, e.g. "NPS 9 of 10, promoter". */
  get label(): string {
    const metric = this.metric.toUpperCase();
    if (this.value === null || !Number.isFinite(this.value)) return `${metric}, ${shared.t('noResponses')}`;
    const value = formatNumber(this.value, { maximumFractionDigits: this.digits });
    const base = shared.t('score.label', { metric, value, max: this.scaleMax });
    return this.klass ? `${base}, ${shared.t(`score.${this.metric}.${this.klass}`)}` : base;
  }

  override render() {
    const has = this.value !== null && Number.isFinite(this.value);
    const label = this.label;
    return html`<span part="chip" class="chip ${this.klass ?? 'none'}" role="img" aria-label=${label} title=${label}
      ><span part="shape" class="shape"></span
      ><span part="metric" class="metric">${this.metric.toUpperCase()}</span
      ><span part="value">${has ? formatNumber(this.value!, { maximumFractionDigits: this.digits }) : '–'}</span></span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-score-chip': CxScoreChip;
  }
}
