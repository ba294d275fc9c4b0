import { LitElement, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles, buttonStyles, fieldStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { formatTime } from '../../shared/i18n/format.js';
import type { Team } from '../../shared/finesse/types.js';
import { msg } from './messages.js';
import type { PeriodChoice } from './period.js';
import { analyticsHeaderStyles } from './analytics-header.styles.js';
import './period-picker.js';

/** The supervisor picked another team. */
export class TeamChangeEvent extends Event {
  static readonly eventName = 'cx-team-change';
  constructor(readonly teamId: string) {
    super(TeamChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user asked for fresh numbers now. */
export class RefreshEvent extends Event {
  static readonly eventName = 'cx-refresh';
  constructor() {
    super(RefreshEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The analytics header: title, team select (team view), period picker, and the status (refreshing, "as of",
 * refresh button). Presentational: everything arrives as properties, every choice leaves as an event.
 *
 * @fires cx-team-change - {TeamChangeEvent}
 * @fires cx-period-change - {PeriodChangeEvent} (from the picker)
 * @fires cx-refresh - {RefreshEvent}
 * @csspart team - the team select
 * @csspart status - the status area
 * @csspart refreshing - "Refreshing…" while a refresh runs over shown data
 * @csspart as-of - when the shown numbers were read
 * @csspart refresh - the refresh button
 */
@customElement('cx-analytics-header')
export class AnalyticsHeader extends LitElement {
  static override styles = [baseStyles, buttonStyles, fieldStyles, analyticsHeaderStyles];
  static override properties = {
    teamMode: { type: Boolean },
    teams: { attribute: false },
    teamId: {},
    period: { attribute: false },
    max: {},
    asOf: { attribute: false },
    pending: { type: Boolean },
    refreshable: { type: Boolean },
    locale: {},
  };

  teamMode = false;
  teams: Team[] = [];
  teamId?: string;
  period: PeriodChoice = { key: '30d' };
  /** Latest day the picker allows, "yyyy-MM-dd". */
  max = '';
  /** When the shown numbers were read; undefined while nothing is shown. */
  asOf?: Date;
  pending = false;
  /** There is a view to refresh. */
  refreshable = false;
  locale = 'en';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const asOf = this.asOf;
    return html`
      <h2>${msg.t(this.teamMode ? 'mode.team' : 'mode.agent')}</h2>
      ${this.teamMode && this.teams.length > 0 ? this.#renderTeamSelect() : nothing}
      <cx-period-picker .value=${this.period} max=${this.max}></cx-period-picker>
      <div class="status" part="status" aria-live="polite">
        ${asOf && this.pending
          ? html`<span class="spinner" aria-hidden="true"></span><span part="refreshing">${msg.t('state.refreshing')}</span>`
          : nothing}
        ${asOf
          ? html`<span part="as-of" data-at=${asOf.getTime()}>${msg.t('state.asOf', { time: formatTime(asOf, this.locale) })}</span>`
          : nothing}
        ${this.refreshable
          ? html`<button class="btn" part="refresh" ?disabled=${this.pending} @click=${() => this.dispatchEvent(new RefreshEvent())}>
              ${msg.t('state.refresh')}
            </button>`
          : nothing}
      </div>
    `;
  }

  #renderTeamSelect() {
    return html`<label
      >${msg.t('team.label')}
      <select part="team" @change=${(e: Event) => this.dispatchEvent(new TeamChangeEvent((e.target as HTMLSelectElement).value))}>
        ${this.teams.map((t) => html`<option value=${t.id} ?selected=${t.id === this.teamId}>${t.name}</option>`)}
      </select></label
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-analytics-header': AnalyticsHeader;
  }
  interface HTMLElementEventMap {
    'cx-team-change': TeamChangeEvent;
    'cx-refresh': RefreshEvent;
  }
}
