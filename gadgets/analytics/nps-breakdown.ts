import { LitElement, html } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { formatPercent } from '../../shared/i18n/format.js';
import type { NpsResult } from '../../shared/metrics/types.js';
import { msg } from './messages.js';
import { npsBreakdownStyles } from './nps-breakdown.styles.js';

/** Promoter / passive / detractor shares as one stacked bar, with the counts written out beside it. */
@customElement('cx-nps-breakdown')
export class NpsBreakdown extends LitElement {
  static override styles = [
    baseStyles,
    npsBreakdownStyles,
  ];
  static override properties = {
    nps: { attribute: false },
    locale: {},
  };

  nps?: NpsResult;
  locale = 'en';

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
