import { LitElement, css, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { daysSince, formatNumber } from '../../shared/i18n/format.js';
import '../../shared/ui/clamped-text.js';
import { capped, type Brief } from './model.js';
import { msg } from './messages.js';

/**
 * The caller brief, readable in three seconds: each metric's last score with its scale and age ("CSAT 2/5 · 12 days
 * ago"), days since the last survey, trend (from three scored surveys), detractors in 90 days, the last comment, dated.
 *
 * @csspart scores - the row of last scores
 * @csspart comment - the last comment
 */
@customElement('cx-journey-brief')
export class JourneyBrief extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 8px;
        background: var(--cx-surface-alt);
        border-radius: 4px;
      }
      h2 {
        margin: 0 0 4px;
        font-size: 1em;
      }
      .scores {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 12px;
        font-weight: 600;
      }
      .good {
        color: var(--cx-good-text);
      }
      .neutral {
        color: var(--cx-neutral-text);
      }
      ul {
        list-style: none;
        margin: 6px 0;
        padding: 0;
      }
      li {
        margin: 2px 0;
      }
      .trend-declining,
      .bad {
        color: var(--cx-bad-text);
      }
      .trend-improving {
        color: var(--cx-good-text);
      }
      .label {
        color: var(--cx-muted);
      }
    `,
  ];
  static override properties = {
    brief: { attribute: false },
    total: { type: Number },
    now: { attribute: false },
  };

  brief?: Brief;
  /** Surveys on the server for this caller (not only the loaded ones). */
  total = 0;
  /** "Now" for day counts (a property so tests and long sessions agree). */
  now = new Date();

  #ago(at: Date): string {
    return msg.t('brief.ago', { n: Math.max(0, daysSince(at, this.now)) });
  }

  override render() {
    const b = this.brief;
    if (!b) return nothing;
    return html`
      <h2>${msg.t('brief.heading')}</h2>
      <ul class="scores" part="scores">
        ${b.last.length
          ? b.last.map(
              (x) => html`<li class=${x.klass}>
                ${msg.t('brief.score', { metric: msg.t(`metric.${x.metric}`), value: formatNumber(x.value), max: x.scaleMax })}
                <span class="label">· ${this.#ago(x.at)}</span>
              </li>`,
            )
          : html`<li class="label">${msg.t('brief.noScores')}</li>`}
      </ul>
      <ul>
        <li>
          ${msg.t('brief.surveys', { n: this.total })}${b.lastSurveyAt
            ? html` · ${msg.t('brief.lastSurvey', { n: Math.max(0, daysSince(b.lastSurveyAt, this.now)) })}`
            : nothing}
        </li>
        <li>
          <span class="label">${msg.t('brief.trend', { metric: msg.t(`metric.${b.trend?.metric ?? 'nps'}`) })}:</span>
          ${b.trend
            ? html`<span class="trend-${b.trend.direction}">${msg.t(`trend.${b.trend.direction}`)}</span>`
            : msg.t('trend.none')}
        </li>
        <li class=${b.detractors90 > 0 ? 'bad' : ''}>
          ${msg.t(b.detractorsComplete ? 'brief.detractors' : 'brief.detractorsAtLeast', { n: b.detractors90 })}
        </li>
      </ul>
      ${b.lastComment
        ? html`<div part="comment">
            <span class="label">${msg.t('brief.lastComment')} · ${this.#ago(b.lastComment.at)}:</span>
            <cx-clamped-text .text=${capped(b.lastComment.text)} lines="2"></cx-clamped-text>
          </div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-brief': JourneyBrief;
  }
}
