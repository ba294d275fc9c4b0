import { LitElement, css, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { formatDateTime, formatTime } from '../../shared/i18n/format.js';
import '../../shared/ui/score-chip.js';
import '../../shared/ui/clamped-text.js';
import { capped, TEXT_CAP, TEXT_STEP, type EntryModel } from './model.js';
import type { NoteWriter } from '../../shared/wxm/notes.js';
import type { KnownNames } from '../../shared/finesse/team-roster.js';
import './note-form.js';
import { msg } from './messages.js';

let serial = 0;

/**
 * One survey in the timeline: time, channel, questionnaire, scores, comment, handling agent/team, ticket status;
 * a disclosure button reveals every visible answer.
 *
 * @csspart header - the summary line
 * @csspart details - the expanded answers
 * @csspart ticket - the loop-closure ticket status
 */
@customElement('cx-journey-entry')
export class JourneyEntry extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 8px 0;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 8px;
        align-items: baseline;
      }
      time {
        font-weight: 600;
      }
      .meta {
        color: var(--cx-muted);
      }
      .scores {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 4px 0;
      }
      .ticket {
        border: 1px solid var(--cx-border);
        border-radius: 3px;
        padding: 0 4px;
        color: var(--cx-muted);
      }
      .ticket.open {
        border-color: var(--cx-bad);
        background: var(--cx-bad-bg);
        color: var(--cx-bad-text);
        font-weight: 600;
      }
      button {
        font: inherit;
        color: var(--cx-accent);
        background: none;
        border: none;
        padding: 2px 0;
        cursor: pointer;
      }
      button::before {
        content: '▸ ';
      }
      button[aria-expanded='true']::before {
        content: '▾ ';
      }
      .line {
        display: flex;
        gap: 6px;
        align-items: center;
        white-space: nowrap;
      }
      .gist {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      :host([compact]) {
        padding: 3px 0;
      }
      dl {
        margin: 4px 0 0;
        display: grid;
        grid-template-columns: minmax(8em, 40%) 1fr;
        gap: 2px 8px;
      }
      dt {
        color: var(--cx-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];
  static override properties = {
    entry: { attribute: false },
    compact: { type: Boolean, reflect: true },
    writer: { attribute: false },
    names: { attribute: false },
    open: { state: true },
    chars: { state: true },
  };

  /** The survey to show (computed by model.ts). */
  entry?: EntryModel;
  /** One line per survey (the agent's choice, for small gadget space). */
  compact = false;
  /** Writes notes on the response; absent = notes are shown but none can be added. */
  writer?: NoteWriter;
  /** Names for the agent and team ids, where Finesse tells them (ids otherwise). */
  names?: KnownNames;
  private open = false;
  /** How much of long texts is rendered (the agent asks for more). */
  private chars = TEXT_CAP;
  private readonly detailsId = `cx-entry-details-${++serial}`;

  override render() {
    const e = this.entry;
    if (!e) return nothing;
    const channel = msg.t(`channel.${e.channel}`);
    const ticket = e.ticket
      ? html`<span class="ticket ${e.ticketOpen ? 'open' : ''}" part="ticket">${msg.t('entry.ticket', { status: e.ticket })}</span>`
      : nothing;
    if (this.compact) {
      // One line: time, channel, scores, the start of the comment; the rest behind "All answers".
      return html`<div class="line" part="header">
          <time datetime=${e.when.toISOString()}>${formatTime(e.when)}</time>
          <span class="meta">${channel}</span>
          ${this.chips(e)} ${ticket}
          <span class="gist">${e.comment ? capped(e.comment, 200) : ''}</span>
          ${this.detailsButton(e)}
        </div>
        ${this.details(e)}`;
    }
    return html`
      <div class="head" part="header">
        <time datetime=${e.when.toISOString()}>${formatTime(e.when)}</time>
        <span class="meta">${channel} · ${e.questionnaire}</span>
        ${ticket}
      </div>
      ${e.scores.length ? html`<div class="scores">${this.chips(e)}</div>` : nothing}
      ${e.comment ? html`<cx-clamped-text .text=${capped(e.comment, this.chars)} lines="3"></cx-clamped-text>` : nothing}
      ${[e.comment ?? '', ...e.details.map((d) => d.value)].some((t) => t.length > this.chars)
        ? html`<button type="button" part="more-text" @click=${this.moreText}>${msg.t('entry.moreText')}</button>`
        : nothing}
      ${e.agentId || e.teamId
        ? html`<div class="meta">
            ${[
              e.agentId ? msg.t('entry.agent', { id: this.names?.agents.get(e.agentId) ?? e.agentId }) : '',
              e.teamId ? msg.t('entry.team', { id: this.names?.teams.get(e.teamId) ?? e.teamId }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>`
        : nothing}
      ${this.detailsButton(e)} ${this.details(e)}
      <cx-note-form .writer=${this.writer} .answerId=${e.id} .notes=${e.notes}></cx-note-form>
    `;
  }

  private chips(e: EntryModel) {
    return e.scores.map((s) => html`<cx-score-chip metric=${s.metric} .value=${s.value} .scaleMax=${s.scaleMax} .klass=${s.klass}></cx-score-chip>`);
  }

  private detailsButton(e: EntryModel) {
    return html`<button
      type="button"
      aria-label=${msg.t('entry.detailsOf', { when: formatDateTime(e.when) })}
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls=${this.detailsId}
      @click=${this.toggle}
    >
      ${msg.t('entry.showDetails')}
    </button>`;
  }

  private details(e: EntryModel) {
    return html`<div id=${this.detailsId} part="details" ?hidden=${!this.open}>
      ${this.open
        ? e.details.length
          ? html`<dl>${e.details.map((d) => html`<dt>${d.text}</dt><dd>${capped(d.value, this.chars)}</dd>`)}</dl>`
          : html`<p class="meta">${msg.t('entry.noDetails')}</p>`
        : nothing}
    </div>`;
  }

  /** Brings this survey into view with its answers open and focus on it (the caller header's risk link). */
  async reveal(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.scrollIntoView({ block: 'nearest' });
    this.renderRoot.querySelector<HTMLButtonElement>('button[aria-controls]')?.focus();
  }

  private moreText(): void {
    this.chars += TEXT_STEP;
  }

  private toggle(): void {
    this.open = !this.open;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-entry': JourneyEntry;
  }
}
