import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { configContext, finesseContext, localeContext, sessionContext, wxmContext } from '../../shared/context.js';
import type { WxmApi } from '../../shared/wxm/api.js';
import type { FinesseAdapter, FinesseSession, Team } from '../../shared/finesse/types.js';
import type { ConfigProblem, FilterTag, GadgetConfig } from '../../shared/config/types.js';
import type { MetricsSummary } from '../../shared/metrics/types.js';
import type { MetricName } from '../../shared/metrics/index.js';
import { themeStyles, buttonStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { formatDate, formatNumber, formatTime } from '../../shared/i18n/format.js';
import { toAppError } from '../../shared/errors.js';
import '../../shared/ui/state-panel.js';
import '../../shared/ui/skeleton.js';
import { msg } from './messages.js';
import { loadView, type FirstLook, type ViewData, type ViewRequest } from './plan.js';
import type { ViewTarget } from './filter.js';
import { accountDay, type PeriodChoice } from './period.js';
import { formatValue } from './display.js';
import type { PeriodChangeEvent } from './period-picker.js';
import './period-picker.js';
import './kpi-card.js';
import './trend.js';
import './nps-breakdown.js';
import './agent-table.js';
import './verbatim-list.js';

/** UserPref under which a supervisor's chosen team is remembered. */
export const TEAM_PREF = 'analyticsTeam';

const EMPTY_REST: Omit<MetricsSummary, 'nps'> = {
  csat: { n: 0, top2: 0, share: null, mean: null, interval: null, lowSample: false },
  ces: { n: 0, mean: null, sd: null, easyShare: null, scaleMax: 5, interval: null, lowSample: false },
  answers: 0,
};

interface Loaded {
  key: string;
  data: ViewData;
}

/**
 * Customer Experience Analytics: the agent's own feedback (filterTags=cc_AgentId) or a supervised team's
 * (cc_TeamId). Services arrive through @lit/context; one Task loads the view and is aborted by any change
 * of team or period. Refreshes keep the last view on screen with its "as of" time.
 */
@customElement('cx-analytics-app')
export class AnalyticsApp extends LitElement {
  static override styles = [
    themeStyles,
    buttonStyles,
    css`
      :host {
        display: block;
        padding: 8px;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        margin-bottom: 8px;
      }
      h2 {
        margin: 0;
        font-size: 1.15em;
      }
      select {
        font: inherit;
        color: inherit;
        background: var(--cx-surface);
        border: 1px solid var(--cx-border);
        border-radius: 3px;
      }
      .status {
        margin-left: auto;
        color: var(--cx-muted);
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .notes p {
        margin: 2px 0 6px;
        color: var(--cx-muted);
      }
      .problems {
        color: var(--cx-bad-text);
      }
      .kpis {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(190px, 1fr));
        gap: 8px;
        margin-bottom: 10px;
      }
      .panels > * {
        margin-bottom: 12px;
      }
      .spinner {
        display: inline-block;
        width: 10px;
        height: 10px;
        border: 2px solid var(--cx-divider);
        border-top-color: var(--cx-accent);
        border-radius: 50%;
        animation: spin 1s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
    `,
  ];

  @consume({ context: wxmContext }) wxm?: WxmApi;
  @consume({ context: sessionContext }) session?: FinesseSession;
  @consume({ context: configContext }) config?: GadgetConfig;
  @consume({ context: finesseContext }) adapter?: FinesseAdapter;
  @consume({ context: localeContext }) locale = 'en';

  /** Configuration problems to show (set by main.ts from bootGadget). */
  @state() problems: ConfigProblem[] = [];
  /** The period shown; the user changes it with the picker. */
  @property({ attribute: false }) period: PeriodChoice = { key: '30d' };
  @state() private teamId?: string;
  @state() private tick = 0;
  @state() private first?: { key: string; look: FirstLook };
  private last?: Loaded;
  private timer?: ReturnType<typeof setInterval>;
  private offTab?: () => void;
  private heightFrame = 0;

  constructor() {
    super();
    new LocaleController(this);
  }

  private readonly view = new Task(this, {
    // Args are compared by identity: the request travels as its key, so equal views do not re-run.
    args: () => [this.wxm, this.config, this.currentKey(), this.tick] as const,
    task: async ([wxm, config, key], { signal }) => {
      const req = this.request();
      if (!wxm || !config || !req || !key) return initialState;
      const data = await loadView(
        wxm,
        config,
        req,
        signal,
        (look) => {
          if (!signal.aborted) this.first = { key, look };
        },
      );
      this.last = { key, data };
      return this.last;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.offTab = this.adapter?.onTabActivated(() => {
      this.adjustHeight();
      this.refresh();
    });
    const seconds = this.config?.refreshSeconds ?? 300;
    if (seconds > 0) this.timer = setInterval(() => this.refresh(), seconds * 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.offTab?.();
    cancelAnimationFrame(this.heightFrame);
  }

  /** Re-load the current view; the shown data stays until the new data is in. */
  refresh(): void {
    if (this.view.status === 1 /* PENDING */) return;
    this.tick++;
  }

  // ---- view selection ----

  private get mode(): { tag: FilterTag; derived: boolean } {
    const configured = this.config?.filterTag;
    if (configured) return { tag: configured, derived: false };
    return { tag: this.session?.role === 'supervisor' ? 'cc_TeamId' : 'cc_AgentId', derived: true };
  }

  private get teams(): Team[] {
    const s = this.session;
    if (!s) return [];
    if (s.supervisedTeams.length > 0) return s.supervisedTeams;
    return s.team ? [s.team] : [];
  }

  private get team(): Team | undefined {
    const teams = this.teams;
    const remembered = this.teamId ?? this.adapter?.userPrefs()[TEAM_PREF];
    return teams.find((t) => t.id === remembered) ?? teams[0];
  }

  private currentKey(): string {
    const req = this.request();
    return req ? viewKey(req) : '';
  }

  private request(): ViewRequest | undefined {
    const s = this.session;
    if (!s || !this.config) return undefined;
    const metrics = this.config.metrics;
    if (this.mode.tag === 'cc_AgentId') {
      const target: ViewTarget = { tag: 'cc_AgentId', value: s.wxmAgentId };
      const req: ViewRequest = { target, period: this.period, perAgent: false };
      if (s.team && metrics.includes('nps')) req.benchmark = { kind: 'team', target: { tag: 'cc_TeamId', value: s.team.id } };
      return req;
    }
    const team = this.team;
    if (!team) return undefined;
    return {
      target: { tag: 'cc_TeamId', value: team.id },
      period: this.period,
      perAgent: true,
      benchmark: { kind: 'all' },
    };
  }

  // ---- rendering ----

  protected override willUpdate(): void {
    // Finesse's light look unless the admin chose dark or auto (`theme` parameter).
    this.setAttribute('theme', this.config?.theme ?? 'light');
  }

  protected override updated(): void {
    this.adjustHeight();
  }

  private adjustHeight() {
    cancelAnimationFrame(this.heightFrame);
    this.heightFrame = requestAnimationFrame(() => this.adapter?.adjustHeight());
  }

  override render() {
    const req = this.request();
    const key = req ? viewKey(req) : '';
    const teamMode = this.mode.tag === 'cc_TeamId';
    const done = this.view.value;
    const shown = done?.key === key ? done : this.last?.key === key ? this.last : undefined;
    const pending = this.view.status === 1;
    return html`
      <header>
        <h2>${msg.t(teamMode ? 'mode.team' : 'mode.agent')}</h2>
        ${teamMode && this.teams.length > 0 ? this.renderTeamSelect() : nothing}
        <cx-period-picker .value=${this.period} max=${this.todayMax()} @cx-period-change=${this.onPeriod}></cx-period-picker>
        <div class="status" part="status" aria-live="polite">
          ${shown && pending
            ? html`<span class="spinner" aria-hidden="true"></span><span part="refreshing">${msg.t('state.refreshing')}</span>`
            : nothing}
          ${shown ? html`<span part="as-of" data-at=${shown.data.asOf.getTime()}>${msg.t('state.asOf', { time: formatTime(shown.data.asOf, this.locale) })}</span>` : nothing}
          ${req
            ? html`<button class="btn" part="refresh" ?disabled=${pending} @click=${() => this.refresh()}>
                ${msg.t('state.refresh')}
              </button>`
            : nothing}
        </div>
      </header>
      ${this.renderNotes(shown, req)} ${this.renderBody(req, key, shown, pending)}
    `;
  }

  private renderTeamSelect() {
    const team = this.team;
    return html`<label
      >${msg.t('team.label')}
      <select part="team" @change=${this.onTeam}>
        ${this.teams.map((t) => html`<option value=${t.id} ?selected=${t.id === team?.id}>${t.name}</option>`)}
      </select></label
    >`;
  }

  private renderNotes(shown: Loaded | undefined, req: ViewRequest | undefined) {
    const notes = [];
    if (this.problems.length > 0) {
      notes.push(
        html`<div class="problems" role="alert" part="problems">
          ${this.problems.map((p) => html`<p>${msg.t('config.problem', { param: p.param, message: p.message })}</p>`)}
        </div>`,
      );
    }
    if (this.mode.derived) {
      notes.push(html`<p part="derived">${msg.t(this.mode.tag === 'cc_TeamId' ? 'mode.derived.team' : 'mode.derived.agent')}</p>`);
    }
    if (shown?.data.capped) {
      notes.push(html`<p part="capped">${msg.t('state.capped', { n: formatNumber(shown.data.streamed, { locale: this.locale }) })}</p>`);
    }
    if (shown?.data.settingsRefused) notes.push(html`<p part="settings-default">${msg.t('state.settingsDefault')}</p>`);
    if (shown && shown.data.malformed > 0) {
      notes.push(html`<p part="malformed">${msg.t('state.malformed', { n: shown.data.malformed })}</p>`);
    }
    if (shown && req) {
      const p = shown.data.period.current;
      const to = new Date(Math.max(p.start.getTime(), p.end.getTime() - 1));
      notes.push(
        html`<p part="period" data-target=${req.target.value} data-after=${p.start.toISOString()} data-before=${p.end.toISOString()}>
          ${msg.t('period.range', { from: formatDate(p.start, this.locale), to: formatDate(to, this.locale) })}
        </p>`,
      );
    }
    return notes.length ? html`<div class="notes">${notes}</div>` : nothing;
  }

  private renderBody(req: ViewRequest | undefined, key: string, shown: Loaded | undefined, pending: boolean) {
    if (!this.session || !this.config || !this.wxm) return html`<cx-state-panel kind="loading" message=${msg.t('state.loading')}></cx-state-panel>`;
    if (!req) return html`<cx-state-panel kind="info" message=${msg.t('team.none')}></cx-state-panel>`;
    const error = this.view.status === 3 ? toAppError(this.view.error) : undefined;
    const errorPanel = error
      ? html`<cx-state-panel
          kind="error"
          .error=${error}
          .diagnostics=${{ gadget: 'analytics', view: req.target.tag, period: req.period.key }}
          @cx-retry=${() => this.tick++}
        ></cx-state-panel>`
      : nothing;
    if (shown) return html`${errorPanel}${this.renderView(shown.data, req)}`;
    if (error) return errorPanel;
    const look = pending && this.first?.key === key ? this.first.look : undefined;
    return html`${this.renderKpis(look ? { nps: look.nps, ...EMPTY_REST } : undefined, undefined, true)}
      <cx-state-panel kind="loading" message=${msg.t('state.loading')}></cx-state-panel>`;
  }

  private renderView(data: ViewData, req: ViewRequest) {
    const cfg = this.config!;
    const empty = data.current.nps.n === 0 && data.current.answers === 0;
    const agentMode = req.target.tag === 'cc_AgentId';
    return html`
      ${this.renderKpis(data.current, data.previous, false, data)}
      ${empty
        ? html`<cx-state-panel
            kind="empty"
            part="empty"
            message=${msg.t(agentMode ? 'state.agentNoResponses' : 'state.noResponses')}
          ></cx-state-panel>`
        : html`<div class="panels">
            ${cfg.metrics.includes('nps')
              ? html`<cx-nps-breakdown .nps=${data.current.nps} .locale=${this.locale}></cx-nps-breakdown>`
              : nothing}
            <cx-trend
              .buckets=${data.buckets}
              size=${data.period.bucket}
              .metrics=${cfg.metrics}
              .formulas=${cfg}
              .targets=${cfg.targets}
              .locale=${this.locale}
            ></cx-trend>
            ${req.perAgent
              ? html`<cx-agent-table .rows=${data.agents} .metrics=${cfg.metrics} .formulas=${cfg} .locale=${this.locale}></cx-agent-table>`
              : nothing}
            <cx-verbatim-list .items=${data.verbatims} .locale=${this.locale}></cx-verbatim-list>
          </div>`}
    `;
  }

  private renderKpis(
    current: MetricsSummary | undefined,
    previous: MetricsSummary | undefined,
    partial: boolean,
    data?: ViewData,
  ) {
    const cfg = this.config!;
    const bench = data?.benchmark;
    const benchText = (m: MetricName) => {
      if (m !== 'nps' || !bench) return '';
      const v = bench.nps.score;
      const value = v === null ? msg.t('benchmark.none') : formatValue('points', v, this.locale);
      return msg.t(bench.kind === 'team' ? 'benchmark.team' : 'benchmark.all', { value });
    };
    return html`<div class="kpis">
      ${cfg.metrics.map(
        (m) => html`<cx-kpi-card
          part="kpi"
          exportparts="kpi-value,kpi-change,kpi-n,kpi-target,kpi-benchmark,kpi-formula,low-sample"
          data-metric=${m}
          .metric=${m}
          .current=${partial && m !== 'nps' ? undefined : current}
          .previous=${previous}
          .formulas=${cfg}
          .bands=${data?.bands ?? { passiveMin: 7, passiveMax: 8 }}
          .minSample=${cfg.minSample}
          .target=${cfg.targets[m]}
          .benchmark=${benchText(m)}
          .aggregate=${m === 'nps'}
          .locale=${this.locale}
        ></cx-kpi-card>`,
      )}
    </div>`;
  }

  private todayMax(): string {
    return accountDay(Date.now(), 0);
  }

  private onPeriod(e: PeriodChangeEvent) {
    this.first = undefined;
    this.period = e.period;
  }

  private onTeam(e: Event) {
    const id = (e.target as HTMLSelectElement).value;
    this.first = undefined;
    this.teamId = id;
    this.adapter?.setPref(TEAM_PREF, id);
  }
}

function viewKey(req: ViewRequest): string {
  return JSON.stringify([req.target, req.period]);
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-analytics-app': AnalyticsApp;
  }
}
