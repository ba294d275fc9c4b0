import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { daysSince } from '../../shared/i18n/format.js';
import '../../shared/ui/score-chip.js';
import '../../shared/ui/clamped-text.js';
import { capped, type Brief } from './model.js';
import { msg } from './messages.js';

/**
 * The caller brief, readable in three seconds: last scores, days since the last survey, trend, detractors in
 * 90 days, last comment.
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
      h3 {
        margin: 0 0 4px;
        font-size: 1em;
      }
      .scores {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
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

  @property({ attribute: false }) brief?: Brief;
  /** Surveys on the server for this caller (not only the loaded ones). */
  @property({ type: Number }) total = 0;
  /** "Now" for day counts (a property so tests and long sessions agree). */
  @property({ attribute: false }) now = new Date();

  override render() {
    const b = this.brief;
    if (!b) return nothing;
    return html`
      <h3>${msg.t('brief.heading')}</h3>
      <div class="scores" part="scores">
        ${b.last.length
          ? b.last.map(
              (s) => html`<cx-score-chip metric=${s.metric} .value=${s.value} .scaleMax=${s.scaleMax} .klass=${s.klass}></cx-score-chip>`,
            )
          : html`<span class="label">${msg.t('brief.noScores')}</span>`}
      </div>
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
            <span class="label">${msg.t('brief.lastComment')}:</span>
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
