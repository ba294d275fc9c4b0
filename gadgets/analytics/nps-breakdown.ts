import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { formatPercent } from '../../shared/i18n/format.js';
import type { NpsResult } from '../../shared/metrics/types.js';
import { msg } from './messages.js';

/** Promoter / passive / detractor shares as one stacked bar, with the counts written out beside it. */
@customElement('cx-nps-breakdown')
export class NpsBreakdown extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1em;
      }
      .bar {
        display: flex;
        height: 14px;
        border-radius: 3px;
        overflow: hidden;
        background: var(--cx-surface-alt);
      }
      .good {
        background: var(--cx-good);
      }
      .neutral {
        background: var(--cx-neutral);
      }
      .bad {
        background: var(--cx-bad);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 4px 0 0;
        display: flex;
        gap: 12px;
        flex-wrap: wrap;
      }
      .dot {
        display: inline-block;
        width: 10px;
        height: 10px;
        border-radius: 2px;
        margin-right: 4px;
        vertical-align: middle;
      }
      /* Forced colours replace backgrounds with Canvas: keep the three shares apart with system colours and a hatch. */
      @media (forced-colors: active) {
        .bar {
          border: 1px solid CanvasText;
        }
        .bar > span,
        .dot {
          forced-color-adjust: none;
        }
        .good {
          background: CanvasText;
        }
        .neutral {
          background: GrayText;
        }
        .bad {
          background: repeating-linear-gradient(45deg, CanvasText 0 2px, Canvas 2px 4px);
        }
      }
    `,
  ];

  @property({ attribute: false }) nps?: NpsResult;
  @property() locale = 'en';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const r = this.nps;
    if (!r || r.n === 0) return html``;
    const parts = [
      { cls: 'good', label: msg.t('breakdown.promoters'), count: r.promoters },
      { cls: 'neutral', label: msg.t('breakdown.passives'), count: r.passives },
      { cls: 'bad', label: msg.t('breakdown.detractors'), count: r.detractors },
    ].map((p) => ({ ...p, share: (100 * p.count) / r.n }));
    const text = (p: (typeof parts)[number]) =>
      msg.t('breakdown.part', { label: p.label, count: p.count, share: formatPercent(p.share, { locale: this.locale }) });
    return html`
      <h3 id="bd-h">${msg.t('breakdown.title')}</h3>
      <div class="bar" aria-hidden="true">
        ${parts.map((p) => html`<span class=${p.cls} style="width:${p.share}%"></span>`)}
      </div>
      <ul aria-labelledby="bd-h" part="breakdown">
        ${parts.map((p) => html`<li><span class="dot ${p.cls}"></span>${text(p)}</li>`)}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-nps-breakdown': NpsBreakdown;
  }
}
