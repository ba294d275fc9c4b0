import { LitElement, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { GadgetServices } from '../../shared/boot.js';
import type { WxmApi } from '../../shared/wxm/api.js';
import type { MetricsSummary } from '../../shared/metrics/types.js';
import { DEFAULT_BANDS, type MetricName } from '../../shared/metrics/index.js';
import { baseStyles, buttonStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { formatDate, formatNumber } from '../../shared/i18n/format.js';
import { AppError, toAppError } from '../../shared/errors.js';
import { backoffDelay } from '../../shared/async.js';
import '../../shared/ui/state-panel.js';
import '../../shared/ui/skeleton.js';
import { msg } from './messages.js';
import { closedSummariesKey } from './closed-summaries.js';
import { incrementalText } from './incremental-text.js';
import { FallbackUnavailable, loadView, type DataSource, type PlanConfig, type FirstLook, type ViewData } from './plan.js';
import { chooseView, sameView, viewKey, type ViewChoice, type ViewRequest } from './view-request.js';
import { accountDay, type PeriodChoice } from './period.js';
import { formatValue, kpiModel } from './display.js';
import type { PeriodChangeEvent } from './period-picker.js';
import type { TeamChangeEvent } from './analytics-header.js';
import { analyticsAppStyles } from './analytics-app.styles.js';
import { teamNames } from '../../shared/finesse/team-roster.js';
import './analytics-header.js';
import './kpi-card.js';
import './trend-panel.js';
import './nps-breakdown.js';
import './agent-table.js';
import './follow-up-list.js';
import './verbatim-list.js';

/** UserPref under which a supervisor's chosen team is remembered. */
export const TEAM_PREF = 'analyticsTeam';

/** First automatic retry after a Cloud Connect outage, ms (then doubling, jittered, up to AUTO_RETRY_CAP_MS). */
export const AUTO_RETRY_BASE_MS = 5_000;
const AUTO_RETRY_CAP_MS = 120_000;
const planConfigs = new WeakMap<object, PlanConfig>();

const EMPTY_REST: Omit<MetricsSummary, 'nps'> = {
  csat: { n: 0, top2: 0, share: null, mean: null, interval: null, lowSample: false },
  ces: { n: 0, mean: null, sd: null, easyShare: null, scaleMax: 5, interval: null, lowSample: false },
  answers: 0,
};

/** How the last load read its data, for diagnostics ("incremental: 3 new answers"). */
const refreshText = (s: DataSource | undefined) =>
  s?.path === 'answers' && s.incremental !== undefined ? incrementalText(s.incremental) : 'full';

/** A loaded view and the request it answers. */
interface ShownView {
  key: string;
  data: ViewData;
}

/**
 * Customer Experience Analytics: the agent's own feedback (filterTags=cc_AgentId) or a supervised team's
 * (cc_TeamId), inside the shared root (shared/gadget-root.ts: theme, configuration problems, iframe height).
 * The root sets `services`; the app is the only element that needs them, and hands its presentational children
 * props. One Task loads the view the request names and re-runs when the request changes (by value). Refreshes
 * keep the last view on screen with its "as of" time.
 */
@customElement('cx-analytics-app')
export class AnalyticsApp extends LitElement {
  static override styles = [baseStyles, buttonStyles, analyticsAppStyles];
  static override properties = {
    services: { attribute: false },
    period: { attribute: false },
    autoRetryBaseMs: { attribute: false },
    chosenTeamId: { state: true },
    first: { state: true },
    last: { state: true },
  };

  /** Set once, by the root (or a test), before the app is connected. */
  services?: GadgetServices<WxmApi>;
  /** The period shown; the user changes it with the picker. */
  period: PeriodChoice = { key: '30d' };
  /** First automatic retry after a Cloud Connect outage, ms. */
  autoRetryBaseMs = AUTO_RETRY_BASE_MS;
  private chosenTeamId?: string;
  private first?: { key: string; look: FirstLook };
  private last?: ShownView;
  #timer?: ReturnType<typeof setInterval>;
  #offTab?: () => void;
  #offStale?: () => void;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #retryAttempt = 0;

  constructor() {
    super();
    new LocaleController(this);
  }

  readonly #view = new Task(this, {
    args: () => [this.services?.wxm, this.services?.config, this.#choice().request] as const,
    // Same services and the same view by value: no reload (a re-render builds a new but equal request).
    argsEqual: ([w1, c1, r1], [w2, c2, r2]) => w1 === w2 && c1 === c2 && sameView(r1, r2),
    task: async ([wxm, config, req], { signal }) => {
      if (!wxm || !config || !req) return initialState;
      const key = viewKey(req);
      const { finesseOrigin, loginId } = this.services!.session;
      // One plan config per gadget config: a refresh is the same view (stream-plan.ts compares it).
      let plan = planConfigs.get(config);
      if (!plan) planConfigs.set(config, (plan = { ...config, storageKey: closedSummariesKey(finesseOrigin, loginId, config.wxmBaseUrl) }));
      const data = await loadView(wxm, plan, req, signal, (look) => {
        if (!signal.aborted) this.first = { key, look };
      });
      return { key, data };
    },
    onComplete: (shown) => {
      this.last = shown;
      this.#retryAttempt = 0;
    },
  });

  /** Names for the team table (Finesse roster); ids stay where none matches. Its own Task: names never hold up numbers. */
  readonly #roster = new Task(this, {
    args: () => [this.#choice().request?.perAgent ? this.#choice().team?.id : undefined] as const,
    task: async ([teamId]) => (teamId ? teamNames(teamId) : new Map<string, string>()),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Showing the tab asks for fresh numbers: a load still running may have started before the newest answers.
    this.#offTab = this.services?.adapter.onTabActivated(() => void this.#view.run());
    // The account's questions or settings turned out stale (a copy from an earlier session): the view is redone.
    this.#offStale = this.services?.wxm.onStale?.(() => void this.#view.run());
    const seconds = this.services?.config.refreshSeconds ?? 300;
    if (seconds > 0) this.#timer = setInterval(() => this.refresh(), seconds * 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#offTab?.();
    this.#offStale?.();
  }

  /** Re-load the current view; the shown data stays until the new data is in. */
  refresh(): void {
    if (this.#view.status === TaskStatus.PENDING) return;
    void this.#view.run();
  }

  #choice(): ViewChoice {
    const s = this.services;
    return chooseView({
      config: s?.config,
      session: s?.session,
      chosenTeamId: this.chosenTeamId,
      rememberedTeamId: s?.adapter.userPrefs()[TEAM_PREF],
      period: this.period,
    });
  }

  // ---- rendering ----

  get #locale(): string {
    return this.services?.locale ?? 'en';
  }

  protected override updated(): void {
    this.#scheduleAutoRetry();
  }

  /** The Cloud Connect message promises a retry in the background: retry soon, backing off while it stays down. */
  #scheduleAutoRetry() {
    const error = this.#view.status === TaskStatus.ERROR ? this.#view.error : undefined;
    if (!(error instanceof AppError && error.code === 'cloudconnect-down') || this.#retryTimer !== undefined) return;
    this.#retryAttempt++;
    const delay = backoffDelay(this.#retryAttempt, this.autoRetryBaseMs, AUTO_RETRY_CAP_MS, Math.random);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.refresh();
    }, delay);
  }

  override render() {
    const { mode, teams, team, request: req } = this.#choice();
    const key = viewKey(req);
    const done = this.#view.value;
    const shown = done?.key === key ? done : this.last?.key === key ? this.last : undefined;
    const pending = this.#view.status === TaskStatus.PENDING;
    // One h1 per gadget document; the container already shows the gadget's title, so it is for screen readers.
    return html`
      <h1 class="sr-only">${msg.t('title')}</h1>
      <cx-analytics-header
        ?teamMode=${mode.tag === 'cc_TeamId'}
        .teams=${teams}
        .teamId=${team?.id}
        .period=${this.period}
        max=${accountDay(Date.now(), this.last?.data.timeZoneOffset ?? 0)}
        .asOf=${shown?.data.asOf}
        ?pending=${pending}
        ?refreshable=${req !== undefined}
        .locale=${this.#locale}
        @cx-team-change=${this.#onTeam}
        @cx-period-change=${this.#onPeriod}
        @cx-refresh=${() => this.refresh()}
      ></cx-analytics-header>
      ${this.#renderNotes(shown, req, mode.derived ? mode.tag : undefined)} ${this.#renderBody(req, key, shown, pending)}
    `;
  }

  #renderNotes(shown: ShownView | undefined, req: ViewRequest | undefined, derivedTag: string | undefined) {
    const notes = [];
    if (derivedTag) {
      notes.push(html`<p part="derived">${msg.t(derivedTag === 'cc_TeamId' ? 'mode.derived.team' : 'mode.derived.agent')}</p>`);
    }
    if (shown?.data.capped) {
      notes.push(html`<p part="capped">${msg.t('state.capped', { n: formatNumber(shown.data.streamed, { locale: this.#locale }) })}</p>`);
    }
    if (shown?.data.settingsRefused) notes.push(html`<p part="settings-default">${msg.t('state.settingsDefault')}</p>`);
    if (shown && shown.data.malformed > 0) {
      notes.push(html`<p part="malformed">${msg.t('state.malformed', { n: shown.data.malformed })}</p>`);
    }
    if (shown && req) {
      const p = shown.data.period.current;
      // The account's calendar days (noon UTC of that day formats as that day in any browser zone).
      const day = (t: number) => new Date(`${accountDay(t, shown.data.timeZoneOffset)}T12:00:00Z`);
      const from = day(p.start.getTime());
      const to = day(Math.max(p.start.getTime(), p.end.getTime() - 1));
      notes.push(
        html`<p part="period" data-target=${req.scope.value} data-source=${shown.data.source.path} data-refresh=${refreshText(shown.data.source)} data-after=${p.start.toISOString()} data-before=${p.end.toISOString()}>
          ${msg.t('period.range', { from: formatDate(from, this.#locale), to: formatDate(to, this.#locale) })}
        </p>`,
      );
    }
    return notes.length ? html`<div class="notes">${notes}</div>` : nothing;
  }

  #renderBody(req: ViewRequest | undefined, key: string, shown: ShownView | undefined, pending: boolean) {
    if (!this.services) return html`<cx-state-panel kind="loading" message=${msg.t('state.loading')}></cx-state-panel>`;
    if (!req) return html`<cx-state-panel kind="info" message=${msg.t('team.none')}></cx-state-panel>`;
    const error = this.#view.status === TaskStatus.ERROR ? toAppError(this.#view.error) : undefined;
    const errorPanel = error
      ? html`<cx-state-panel
          kind="error"
          .error=${error}
          message=${error instanceof FallbackUnavailable ? msg.t('state.fallbackFailed') : ''}
          .diagnostics=${{ gadget: 'analytics', view: req.scope.tag, period: req.period.key, data: this.last?.data.source.path ?? 'none', refresh: refreshText(this.last?.data.source) }}
          @cx-retry=${() => this.refresh()}
        ></cx-state-panel>`
      : nothing;
    if (shown) return html`${errorPanel}${this.#renderView(shown.data, req)}`;
    if (error) return errorPanel;
    const look = pending && this.first?.key === key ? this.first.look : undefined;
    const firstKpis = look ? (look.summary ?? { nps: look.nps, ...EMPTY_REST }) : undefined;
    return html`${this.#renderKpis(firstKpis, undefined, !look?.summary)}
      <cx-state-panel kind="loading" message=${msg.t('state.loading')}></cx-state-panel>`;
  }

  #renderView(data: ViewData, req: ViewRequest) {
    const cfg = this.services!.config;
    const empty = data.current.nps.n === 0 && data.current.answers === 0;
    const agentMode = req.scope.tag === 'cc_AgentId';
    const names = this.#agentNames(); // one map for the table and the follow-up list
    return html`
      ${this.#renderKpis(data.current, data.previous, false, data)}
      ${empty
        ? html`<cx-state-panel
            kind="empty"
            part="empty"
            message=${msg.t(agentMode ? 'state.agentNoResponses' : 'state.noResponses')}
          ></cx-state-panel>`
        : html`<div class="panels">
            ${cfg.metrics.includes('nps')
              ? html`<cx-nps-breakdown .nps=${data.current.nps} .locale=${this.#locale}></cx-nps-breakdown>`
              : nothing}
            <cx-trend-panel
              .buckets=${data.buckets}
              size=${data.bucket}
              .metrics=${cfg.metrics}
              .formulas=${cfg}
              .minSample=${cfg.minSample}
              .targets=${cfg.targets}
              .locale=${this.#locale}
            ></cx-trend-panel>
            ${req.perAgent
              ? html`<cx-agent-table
                  .rows=${data.agents}
                  .names=${names}
                  .supervisors=${this.services?.session.role === 'supervisor' ? new Set([this.services.session.wxmAgentId]) : new Set()}
                  .team=${data.current}
                  .metrics=${cfg.metrics}
                  .formulas=${cfg}
                  .locale=${this.#locale}
                ></cx-agent-table>`
              : nothing}
            <cx-verbatim-list .items=${data.verbatims} .locale=${this.#locale}></cx-verbatim-list>
            ${cfg.metrics.includes('nps')
              ? html`<cx-follow-up-list .wxm=${this.services!.wxm} .scope=${req.scope} .range=${data.period.current} .questionnaires=${cfg.questionnaires} .agentNames=${names}></cx-follow-up-list>`
              : nothing}
          </div>`}
    `;
  }

  #renderKpis(
    current: MetricsSummary | undefined,
    previous: MetricsSummary | undefined,
    partial: boolean,
    data?: ViewData,
  ) {
    const cfg = this.services!.config;
    const bench = data?.benchmark;
    // The aggregate path benchmarks every metric; the fallback has FlashNPS for the benchmark's NPS only.
    const benchText = (m: MetricName) => {
      const summary = bench?.summary ?? (bench && m === 'nps' ? { nps: bench.nps, ...EMPTY_REST } : undefined);
      if (!bench || !summary) return '';
      const k = kpiModel(m, summary, cfg);
      const value = k.value === null ? msg.t('benchmark.none') : formatValue(k.unit, k.value, this.#locale);
      return msg.t(bench.kind === 'team' ? 'benchmark.team' : 'benchmark.all', { metric: msg.t(`kpi.${m}`), value });
    };
    return html`<div class="kpis">
      ${cfg.metrics.map(
        (m) => html`<cx-kpi-card
          part="kpi"
          exportparts="kpi-value,kpi-change,kpi-previous,kpi-n,kpi-target,kpi-benchmark,kpi-formula,low-sample"
          data-metric=${m}
          .metric=${m}
          .current=${partial && m !== 'nps' ? undefined : current}
          .previous=${previous}
          .formulas=${cfg}
          .bands=${data?.bands ?? DEFAULT_BANDS}
          .minSample=${cfg.minSample}
          .target=${cfg.targets[m]}
          .benchmark=${benchText(m)}
          .aggregate=${m === 'nps' || data?.source.path === 'aggregates'}
          .locale=${this.#locale}
        ></cx-kpi-card>`,
      )}
    </div>`;
  }

  /** The roster's names, and the signed-in supervisor's own (a supervisor who took calls appears in the table). */
  #agentNames(): Map<string, string> {
    const names = new Map(this.#roster.value ?? []);
    const s = this.services?.session;
    const own = s ? `${s.firstName} ${s.lastName}`.trim() : '';
    if (s && own && !names.has(s.wxmAgentId)) names.set(s.wxmAgentId, own);
    return names;
  }

  #onPeriod(e: PeriodChangeEvent) {
    this.first = undefined;
    this.period = e.period;
  }

  #onTeam(e: TeamChangeEvent) {
    const id = e.teamId;
    this.first = undefined;
    this.chosenTeamId = id;
    this.services?.adapter.setPref(TEAM_PREF, id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-analytics-app': AnalyticsApp;
  }
}
