import { LitElement, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { shared } from '../../shared/i18n/messages.js';
import { DEFAULT_FORMULAS, type Formulas, type MetricName } from '../../shared/metrics/index.js';
import type { MetricsSummary } from '../../shared/metrics/types.js';
import type { ChangeEvent } from '../../shared/ui/events.js';
import '../../shared/ui/segmented.js';
import { msg } from './messages.js';
import { formatValue, kpiModel, roundForDisplay } from './display.js';
import { csvText, downloadCsv, type Cell } from './csv.js';
import { sortAgents, type AgentRank, type AgentSortKey, type SortDirection } from './agent-sort.js';
import type { AgentRow } from './plan.js';
import './verbatim-list.js';
import { agentTableStyles } from './agent-table.styles.js';

/**
 * Per-agent table of the team view: the team's row first, then each agent (by name where the roster knows them,
 * else by id) with n and each configured metric as "−64 · n 14" (the 95% interval on hover and for screen
 * readers); sortable by any column (buttons in the headers, aria-sort on the sorted one), metric columns by value
 * or by the interval's lower bound; an agent's button opens their recent comments. Compact enough for 700 px.
 *
 * @csspart agent-table - the table
 * @csspart team-row - the team's row
 * @csspart rank - the "rank by" choice
 * @csspart sort - each column's sort button
 * @csspart agent - each agent's button
 * @csspart agent-comments - the opened agent's comments
 */
@customElement('cx-agent-table')
export class AgentTable extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    agentTableStyles,
  ];
  static override properties = {
    rows: { attribute: false },
    metrics: { attribute: false },
    formulas: { attribute: false },
    locale: {},
    team: { attribute: false },
    names: { attribute: false },
    supervisors: { attribute: false },
    rank: { state: true },
    sortKey: { state: true },
    sortDir: { state: true },
    openAgent: { state: true },
  };

  rows: AgentRow[] = [];
  metrics: MetricName[] = ['nps', 'csat', 'ces'];
  formulas: Formulas = DEFAULT_FORMULAS;
  locale = 'en';
  /** The team over the same period (its row heads the table). */
  team?: MetricsSummary;
  /** Agent id → display name (from the Finesse team roster); ids without one are shown as they are. */
  names: ReadonlyMap<string, string> = new Map();
  /** Agent ids of supervisors (who took calls too): marked as such. */
  supervisors: ReadonlySet<string> = new Set();

  private rank: AgentRank = 'lowerBound';
  private sortKey: AgentSortKey = 'n';
  private sortDir: SortDirection = 'descending';
  private openAgent?: string;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    if (this.rows.length === 0) return html`<h3>${msg.t('agents.title')}</h3><p class="empty">${msg.t('agents.empty')}</p>`;
    const rows = sortAgents(this.rows, this.sortKey, this.sortDir, this.formulas, this.rank, (id) => this.#nameOf(id));
    const open = this.rows.find((r) => r.agentId === this.openAgent);
    return html`
      <div class="bar">
        <h3 id="agents-h">${msg.t('agents.title')}</h3>
        <cx-segmented
          part="rank"
          label=${msg.t('agents.rankBy')}
          .options=${[
            { value: 'lowerBound', label: msg.t('agents.rank.lowerBound') },
            { value: 'value', label: msg.t('agents.rank.value') },
          ]}
          .value=${this.rank}
          @cx-change=${(e: ChangeEvent) => (this.rank = e.value as AgentRank)}
        ></cx-segmented>
        <button class="btn" part="csv" @click=${() => this.#download(rows)}>${msg.t('csv.download')}</button>
      </div>
      <div class="scroll">
        <table aria-labelledby="agents-h" part="agent-table">
          <thead>
            <tr>
              ${this.#header('agent', msg.t('agents.col.agent'))} ${this.#header('n', msg.t('agents.col.n'))}
              ${this.metrics.map((m) => this.#header(m, msg.t(`agents.col.${m}`)))}
            </tr>
          </thead>
          <tbody>
            ${this.team
              ? html`<tr class="team" part="team-row">
                  <th scope="row">${msg.t('agents.team')}</th>
                  <td>${this.team.answers}</td>
                  ${this.metrics.map((m) => this.#cell(this.team!, m))}
                </tr>`
              : nothing}
            ${rows.map((r) => this.#row(r))}
          </tbody>
        </table>
      </div>
      ${open ? this.#renderComments(open) : nothing}
    `;
  }

  /** The table as on screen (team first, then the current order), with n and the 95% interval per metric. */
  #download(rows: AgentRow[]) {
    const header = [msg.t('agents.col.agent'), msg.t('csv.id'), msg.t('agents.col.n')];
    for (const m of this.metrics) {
      const metric = msg.t(`agents.col.${m}`);
      header.push(metric, msg.t('csv.n', { metric }), msg.t('csv.low', { metric }), msg.t('csv.high', { metric }));
    }
    const line = (label: string, id: string, summary: MetricsSummary): Cell[] => [
      label,
      id,
      summary.answers,
      ...this.metrics.flatMap((m) => {
        const k = kpiModel(m, summary, this.formulas);
        const r = (v: number | undefined) => (v === undefined || k.value === null ? null : roundForDisplay(k.unit, v));
        return [r(k.value ?? undefined), k.n, r(k.interval?.low), r(k.interval?.high)];
      }),
    ];
    const body = rows.map((r) => line(this.#nameOf(r.agentId), r.agentId, r.summary));
    if (this.team) body.unshift(line(msg.t('agents.team'), '', this.team));
    downloadCsv(this, 'agents.csv', csvText(header, body, this.locale));
  }

  #nameOf(agentId: string): string {
    return this.names.get(agentId) ?? agentId;
  }

  #header(key: AgentSortKey, label: string) {
    const sorted = this.sortKey === key;
    return html`<th scope="col" aria-sort=${sorted ? this.sortDir : 'none'}>
      <button part="sort" data-key=${key} title=${msg.t('agents.sortBy', { column: label })} @click=${() => this.#sortBy(key)}>
        ${label}<span aria-hidden="true">${sorted ? (this.sortDir === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>`;
  }

  #row(r: AgentRow) {
    const isOpen = r.agentId === this.openAgent;
    return html`<tr class=${isOpen ? 'open' : ''} data-agent=${r.agentId}>
      <th scope="row">
        <button
          class="btn link"
          part="agent"
          aria-expanded=${isOpen ? 'true' : 'false'}
          aria-controls="agent-comments"
          aria-label=${msg.t('agents.open', { agent: this.#nameOf(r.agentId) })}
          title=${this.names.has(r.agentId) ? r.agentId : nothing}
          @click=${() => (this.openAgent = isOpen ? undefined : r.agentId)}
        >
          ${this.#nameOf(r.agentId)}
        </button>
        ${this.supervisors.has(r.agentId) ? html`<span class="role">· ${msg.t('agents.supervisor')}</span>` : nothing}
      </th>
      <td>${r.summary.answers}</td>
      ${this.metrics.map((m) => this.#cell(r.summary, m))}
    </tr>`;
  }

  /** "−64 · n 14"; the 95% interval on hover (title) and for screen readers. */
  #cell(summary: MetricsSummary, metric: MetricName) {
    const k = kpiModel(metric, summary, this.formulas);
    if (k.value === null) return html`<td class="ci">${msg.t('kpi.noResponses')}</td>`;
    const fmt = (v: number) => formatValue(k.unit, v, this.locale);
    const range = k.interval ? msg.t('agents.range', { low: fmt(k.interval.low), high: fmt(k.interval.high) }) : '';
    return html`<td data-metric=${metric} class=${k.lowSample ? 'low' : ''} title=${range || nothing}>
      ${fmt(k.value)} <span class="ci">· n ${k.n}</span>${range ? html`<span class="sr-only">, ${range}</span>` : nothing}${k.lowSample
        ? html` <span class="ci">· ${shared.t('lowSample')}</span>`
        : nothing}
    </td>`;
  }

  #renderComments(r: AgentRow) {
    return html`<section class="comments" id="agent-comments" part="agent-comments" aria-labelledby="agent-comments-h">
      <div class="comments-bar">
        <h4 id="agent-comments-h">${msg.t('agents.comments', { agent: this.#nameOf(r.agentId) })}</h4>
        <button class="btn" @click=${this.#close}>${msg.t('agents.close')}</button>
      </div>
      ${r.comments.length === 0
        ? html`<p class="empty">${msg.t('agents.noComments')}</p>`
        : html`<cx-verbatim-list compact .items=${r.comments} .locale=${this.locale}></cx-verbatim-list>`}
    </section>`;
  }

  #sortBy(key: AgentSortKey) {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDir = key === 'agent' ? 'ascending' : 'descending';
    }
  }

  #close() {
    const agent = this.openAgent;
    this.openAgent = undefined;
    // Give focus back to the row that opened the panel.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>(`tr[data-agent="${CSS.escape(agent ?? '')}"] button`)?.focus(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-agent-table': AgentTable;
  }
}
