import { LitElement, css, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { WxmApi } from '../../shared/wxm/api.js';
import type { Answer } from '../../shared/wxm/types.js';
import { npsBands } from '../../shared/metrics/index.js';
import { canWriteNotes, writesRefused, type NoteWriter } from '../../shared/wxm/notes.js';
import { errorMessage } from '../../shared/i18n/messages.js';
import { notesMsg } from '../../shared/i18n/note-messages.js';
import { followUpMsg } from './follow-up-messages.js';
import { formatDateTime } from '../../shared/i18n/format.js';
import { toAppError } from '../../shared/errors.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { baseStyles, headingStyles } from '../../shared/ui/theme.js';
import '../../shared/ui/score-chip.js';
import '../../shared/ui/clamped-text.js';
import '../../shared/ui/state-panel.js';
import '../journey/note-form.js';
import { NoteAddedEvent, WritesRefusedController } from '../journey/note-form.js';
import { followUpFilters, followUpItems, type FollowUpItem } from './follow-up.js';
import { viewFilter, type AnswerScope } from './filter.js';
import type { Range } from './period.js';

const DAY = 86_400_000;
const listKey = (scope?: AnswerScope, range?: Range, questionnaires: string[] = []) =>
  JSON.stringify([scope?.tag, scope?.value, range?.start.getTime(), range && Math.ceil(range.end.getTime() / DAY), questionnaires]);

/** How many detractors are checked for notes at most (newest first); the count says "at least" beyond. */
export const FOLLOW_UP_MAX = 200;

interface Loaded {
  items: FollowUpItem[];
  /** More detractors matched than were checked. */
  capped: boolean;
}

/**
 * "Follow up": the detractor responses of the view (its period, agent or team) that have no note yet, newest
 * first, each with its comment, agent, score and "Add note"; a count above ("7 detractors without follow-up")
 * that drops as notes are added. After a refused write the list stays readable and says why in one line.
 *
 * @csspart count - the "N detractors without follow-up" line
 * @csspart refused - the one-line explanation after a refused note
 * @csspart item - one response to follow up
 */
@customElement('cx-follow-up-list')
export class FollowUpList extends LitElement {
  static override styles = [
    baseStyles,
    headingStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: var(--cx-space-3) 0;
        border-top: 1px solid var(--cx-divider);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cx-space-2) var(--cx-space-3);
        align-items: center;
      }
      .meta,
      .hint {
        color: var(--cx-muted);
      }
      p {
        margin: 0 0 var(--cx-space-2);
      }
    `,
  ];
  static override properties = {
    scope: { attribute: false },
    range: { attribute: false },
    questionnaires: { attribute: false },
    agentNames: { attribute: false },
    wxm: { attribute: false },
    done: { state: true },
  };

  /** Whose answers: the view's agent or team (cc_AgentId / cc_TeamId and its value). */
  scope?: AnswerScope;
  /** The view's period. */
  range?: Range;
  /** The questionnaires the view is limited to (configuration; empty = all). */
  questionnaires: string[] = [];
  /** Agent id → display name, where known; otherwise the id is shown. */
  agentNames: ReadonlyMap<string, string> = new Map();

  /** The WxM client (the app passes it; reads the list, and writes notes when it can). */
  wxm?: WxmApi;

  /** Answers followed up while this list is shown (they leave the list without a reload). */
  private done = new Set<string>();

  constructor() {
    super();
    new LocaleController(this);
    new WritesRefusedController(this);
    this.addEventListener(NoteAddedEvent.eventName, (e) => {
      this.done = new Set(this.done).add(e.answerId);
    });
  }

  readonly #load = new Task(this, {
    args: () => [this.wxm, this.scope, this.range, this.questionnaires] as const,
    // By value, and the period by its days: a view refresh moves a rolling period's end to "now", which must not
    // re-read the list each time (WxM's rate limit is shared with the view); a new period or scope does.
    argsEqual: (a, b) => a[0] === b[0] && listKey(a[1], a[2], a[3]) === listKey(b[1], b[2], b[3]),
    task: async ([wxm, scope, range, questionnaires], { signal }): Promise<Loaded | undefined> => {
      if (!wxm || !scope || !range) return undefined;
      const [tagMap, settings] = await Promise.all([wxm.tagMap(signal), wxm.settings(signal).catch(() => undefined)]);
      const bands = npsBands(settings);
      const filter = viewFilter(scope, range, tagMap, questionnaires);
      const answers: Answer[] = [];
      let matched = 0;
      for (const f of followUpFilters(filter, tagMap, bands)) {
        for await (const batch of wxm.streamAnswers(f, { pageSize: 100, maxAnswers: FOLLOW_UP_MAX, signal })) {
          answers.push(...batch.answers);
          matched = Math.max(matched, batch.totalCount);
        }
      }
      this.done = new Set();
      return { items: followUpItems(answers, tagMap, bands), capped: matched > FOLLOW_UP_MAX };
    },
  });

  /** Re-reads the list (e.g. when the analytics view refreshes). */
  refresh(): void {
    void this.#load.run();
  }

  /** The client that writes notes, when it can (a blocked or read-only client cannot). */
  get #writer(): NoteWriter | undefined {
    return canWriteNotes(this.wxm) ? this.wxm : undefined;
  }

  override render() {
    return html`<h3 id="fu-h">${followUpMsg.t('followUp.title')}</h3>
      ${this.#renderBody()}`;
  }

  #renderBody() {
    if (this.#load.status === TaskStatus.ERROR) {
      return html`<cx-state-panel kind="error" .error=${toAppError(this.#load.error)} @cx-retry=${this.refresh}></cx-state-panel>`;
    }
    const loaded = this.#load.value;
    if (!loaded) {
      return this.#load.status === TaskStatus.PENDING ? html`<cx-state-panel kind="loading" message=${followUpMsg.t('followUp.loading')}></cx-state-panel>` : nothing;
    }
    const items = loaded.items.filter((i) => !this.done.has(i.answerId));
    const count = loaded.capped
      ? followUpMsg.t('followUp.countCapped', { n: items.length, max: FOLLOW_UP_MAX })
      : followUpMsg.t('followUp.count', { n: items.length });
    const refused = !!this.#writer && writesRefused(this.#writer);
    return html`<p part="count" role="status">${count}</p>
      ${refused ? html`<p part="refused" class="hint">${errorMessage({ code: 'write-refused' })}</p>` : nothing}
      ${items.length
        ? html`<ul aria-labelledby="fu-h">
            ${items.map((i) => this.#renderItem(i))}
          </ul>`
        : nothing}`;
  }

  #renderItem(i: FollowUpItem) {
    const when = new Date(i.time);
    const time = formatDateTime(when);
    const agent = i.agentId ? this.agentNames.get(i.agentId) ?? i.agentId : undefined;
    return html`<li part="item" data-answer=${i.answerId}>
      <div class="head">
        <time datetime=${when.toISOString()}>${time}</time>
        <cx-score-chip metric="nps" .value=${i.score} .scaleMax=${10} klass="bad"></cx-score-chip>
        ${agent ? html`<span class="meta">${followUpMsg.t('followUp.agent', { name: agent })}</span>` : nothing}
      </div>
      ${i.comment ? html`<cx-clamped-text .text=${i.comment} lines="3"></cx-clamped-text>` : html`<p class="meta">${followUpMsg.t('followUp.noComment')}</p>`}
      <cx-note-form .writer=${this.#writer} .answerId=${i.answerId} label=${`${notesMsg.t('note.add')}, ${time}`}></cx-note-form>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-follow-up-list': FollowUpList;
  }
}
