import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { baseStyles, buttonStyles } from '../../shared/ui/theme.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { dayHeading } from '../../shared/i18n/format.js';
import { AppError, isAbort, toAppError } from '../../shared/errors.js';
import { DEFAULT_BANDS } from '../../shared/metrics/index.js';
import type { NpsBands } from '../../shared/metrics/types.js';
import type { Answer } from '../../shared/wxm/types.js';
import type { ChangeEvent } from '../../shared/ui/events.js';
import '../../shared/ui/state-panel.js';
import '../../shared/ui/skeleton.js';
import '../../shared/ui/segmented.js';
import { bandsContext, registryContext } from './context.js';
import type { LookupRegistry, ViewTarget } from './registry.js';
import type { JourneyData, JourneyLookup } from './lookup.js';
import { buildBrief, entryModel, type EntryModel } from './model.js';
import { CHANNELS, PERIODS, type ChannelFilter, type Period } from './query.js';
import { msg } from './messages.js';
import type { JourneySearchEvent } from './search-form.js';
import './brief-view.js';
import './entry.js';
import './search-form.js';

/** Cloud Connect down: try again on our own (the shared message promises it), at this pace. */
const AUTO_RETRY_MS = 15_000;

interface Loaded {
  base: JourneyData;
  timeline: JourneyData;
  bands: NpsBands;
}

/**
 * The journey for whatever the registry says is on screen: the caller brief, filters, the day-grouped timeline,
 * and every non-data state (idle, incoming, monitor, no caller id, loading, empty, partial, error).
 *
 * @csspart brief - the caller brief
 * @csspart entry - each timeline entry
 * @csspart timeline - the timeline section
 * @csspart search - the manual search form
 */
@customElement('cx-journey-view')
export class JourneyView extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      main {
        display: flex;
        flex-direction: column;
        gap: 10px;
        padding: 8px;
      }
      header {
        display: flex;
        gap: 8px;
        align-items: baseline;
      }
      h2 {
        margin: 0;
        font-size: 1.15em;
      }
      h3 {
        margin: 0;
        font-size: 1em;
      }
      .tag {
        color: var(--cx-muted);
        border: 1px solid var(--cx-border);
        border-radius: 3px;
        padding: 0 4px;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 12px;
        margin: 6px 0;
      }
      h4 {
        margin: 10px 0 0;
        font-size: 0.95em;
        color: var(--cx-muted);
        border-bottom: 1px solid var(--cx-divider);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        border-top: 1px solid var(--cx-divider);
      }
      .notice {
        margin: 4px 0;
        padding: 4px 8px;
        background: var(--cx-neutral-bg);
        color: var(--cx-neutral-text);
        border-radius: 3px;
      }
      .muted {
        color: var(--cx-muted);
        margin: 0;
      }
      .more {
        display: flex;
        gap: 8px;
        align-items: center;
        margin-top: 8px;
      }
    `,
  ];

  @consume({ context: registryContext })
  @property({ attribute: false })
  registry?: LookupRegistry;

  @consume({ context: bandsContext })
  @property({ attribute: false })
  bands?: Promise<NpsBands>;

  /** What the registry says is on screen. */
  @state() private target: ViewTarget = { kind: 'idle' };
  private unsubscribe?: () => void;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly models = new WeakMap<Answer, EntryModel>();

  // Keyed on the lookups, not the target: a call ending (same lookups) must not re-create the timeline.
  private readonly journey = new Task(this, {
    args: (): [JourneyLookup | null, JourneyLookup | null] =>
      this.target.kind === 'journey' ? [this.target.base, this.target.timeline] : [null, null],
    task: async ([baseLookup, timelineLookup]): Promise<Loaded | null> => {
      if (!baseLookup || !timelineLookup) return null;
      const [base, timeline, bands] = await Promise.all([
        baseLookup.ready,
        timelineLookup.ready,
        this.bands?.catch(() => DEFAULT_BANDS) ?? DEFAULT_BANDS,
      ]);
      return { base, timeline, bands };
    },
  });

  private readonly more = new Task(this, {
    autoRun: false,
    args: () => [this.target] as const,
    task: async ([target]) => (target.kind === 'journey' ? target.timeline.loadMore() : null),
  });

  constructor() {
    super();
    new LocaleController(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.retryTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.registry) this.follow(this.registry);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('registry') && this.registry && this.isConnected) this.follow(this.registry);
  }

  protected override updated(): void {
    // Cloud Connect down: the shared message says we retry in the background, so we do.
    const error = this.journey.status === TaskStatus.ERROR ? this.journey.error : undefined;
    if (error instanceof AppError && error.code === 'cloudconnect-down' && this.retryTimer === undefined) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.registry?.retry();
      }, AUTO_RETRY_MS);
    }
  }

  private follow(registry: LookupRegistry): void {
    this.unsubscribe?.();
    this.target = registry.view;
    this.unsubscribe = registry.subscribe((view) => {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.target = view;
    });
  }

  override render() {
    const t = this.target;
    const status =
      t.kind !== 'idle' && t.kind !== 'incoming' && t.ended
        ? msg.t('state.ended')
        : t.kind === 'journey' && t.manual
          ? msg.t('state.manual')
          : '';
    return html`<main aria-labelledby="title">
      <header>
        <h2 id="title">${msg.t('title')}</h2>
        ${status ? html`<span class="tag">${status}</span>` : nothing}
      </header>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement()}</div>
      ${this.body()}
      <section aria-labelledby="search-h" part="search">
        <h3 id="search-h">${msg.t('search.heading')}</h3>
        <cx-journey-search @cx-journey-search=${this.onSearch}></cx-journey-search>
      </section>
    </main>`;
  }

  private announcement(): string {
    if (this.target.kind !== 'journey') return '';
    if (this.journey.status === TaskStatus.PENDING) return msg.t('live.loading');
    const value = this.journey.value;
    if (this.journey.status === TaskStatus.COMPLETE && value) return msg.t('live.loaded', { n: value.base.totalCount });
    return '';
  }

  private body() {
    const t = this.target;
    switch (t.kind) {
      case 'idle':
        return html`<p class="muted">${msg.t('state.idle')}</p>`;
      case 'incoming':
        return html`<p class="muted">${msg.t('state.incoming')}</p>`;
      case 'monitor':
        return html`<p class="muted">${msg.t('state.monitor')}</p>`;
      case 'no-caller':
        return html`<cx-state-panel
          kind="info"
          .heading=${msg.t(t.withheld ? 'state.withheld' : 'state.noCaller')}
          .message=${msg.t('state.searchHint')}
        ></cx-state-panel>`;
      case 'journey':
        return this.journey.render({
          initial: () => this.skeleton(),
          pending: () => this.skeleton(),
          error: (e) => this.failure(e),
          complete: (value) => (value ? this.journeyBody(value) : nothing),
        });
    }
  }

  private skeleton() {
    return html`<cx-skeleton lines="6" .label=${msg.t('live.loading')}></cx-skeleton>`;
  }

  private failure(e: unknown) {
    if (isAbort(e)) return this.skeleton(); // superseded: the next target is on its way
    const error = toAppError(e);
    if (error.code === 'no-caller-id') {
      return html`<cx-state-panel kind="info" .message=${msg.t('state.noIdentity')}></cx-state-panel>`;
    }
    return html`<cx-state-panel
        kind="error"
        .error=${error}
        .diagnostics=${{ gadget: 'journey', view: this.target.kind, filters: this.registry?.filters }}
        @cx-retry=${this.retry}
      ></cx-state-panel>
      ${error.code === 'cloudconnect-down' ? html`<p class="muted">${msg.t('state.autoRetry')}</p>` : nothing}`;
  }

  private journeyBody({ bands }: Loaded) {
    const t = this.target;
    if (t.kind !== 'journey') return nothing;
    // Read the live data: "load more" grows it after the task completed.
    const base = t.base.current as JourneyData;
    const timeline = t.timeline.current as JourneyData;
    const now = new Date();
    const filters = this.registry?.filters;
    const malformed = timeline.malformed + (t.base === t.timeline ? 0 : base.malformed);
    if (!base.answers.length && !base.hasMore) {
      return html`<cx-state-panel kind="empty" .message=${msg.t('state.empty')}></cx-state-panel>
        ${malformed ? html`<p class="notice">${msg.t('state.malformed', { n: malformed })}</p>` : nothing}`;
    }
    const brief = buildBrief(base.answers, base.tagMap, bands, now, !base.hasMore);
    return html`
      <cx-journey-brief part="brief" .brief=${brief} .total=${base.totalCount} .now=${now}></cx-journey-brief>
      ${malformed ? html`<p class="notice" part="malformed">${msg.t('state.malformed', { n: malformed })}</p>` : nothing}
      <section aria-labelledby="timeline-h" part="timeline">
        <h3 id="timeline-h">${msg.t('timeline.heading')}</h3>
        <div class="filters">
          <cx-segmented
            .label=${msg.t('filter.period')}
            .options=${PERIODS.map((p) => ({ value: p, label: msg.t(`period.${p}`) }))}
            .value=${filters?.period ?? 'all'}
            @cx-change=${this.onPeriod}
          ></cx-segmented>
          <cx-segmented
            .label=${msg.t('filter.channel')}
            .options=${CHANNELS.map((c) => ({ value: c, label: msg.t(`channel.${c}`) }))}
            .value=${filters?.channel ?? 'all'}
            @cx-change=${this.onChannel}
          ></cx-segmented>
        </div>
        ${timeline.answers.length ? this.days(timeline.answers, timeline, bands, now) : html`<p class="muted">${msg.t('state.empty')}</p>`}
        ${this.pager(timeline)}
      </section>
    `;
  }

  private days(answers: Answer[], data: JourneyData, bands: NpsBands, now: Date) {
    const groups = new Map<string, EntryModel[]>();
    for (const a of answers) {
      let m = this.models.get(a);
      if (!m) this.models.set(a, (m = entryModel(a, data.tagMap, bands)));
      const key = m.when.toDateString();
      const list = groups.get(key);
      if (list) list.push(m);
      else groups.set(key, [m]);
    }
    return [...groups.values()].map(
      (entries) => html`<h4>${dayHeading(entries[0]!.when, now)}</h4>
        <ol>
          ${entries.map((e) => html`<li><cx-journey-entry part="entry" .entry=${e}></cx-journey-entry></li>`)}
        </ol>`,
    );
  }

  private pager(data: JourneyData) {
    const loading = this.more.status === TaskStatus.PENDING;
    return html`
      ${data.pageError ? html`<p class="notice" role="alert">${msg.t('state.partial')}</p>` : nothing}
      ${data.hasMore
        ? html`<div class="more">
            <button class="btn" type="button" ?disabled=${loading} @click=${this.loadMore}>
              ${loading ? msg.t('timeline.loadingMore') : msg.t('timeline.loadMore')}
            </button>
            <span class="muted">${msg.t('timeline.shown', { shown: data.answers.length, total: data.totalCount })}</span>
          </div>`
        : nothing}
    `;
  }

  private loadMore(): void {
    void this.more.run();
  }

  private retry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.registry?.retry();
  }

  private onPeriod(e: ChangeEvent): void {
    if (this.registry) this.registry.setFilters({ ...this.registry.filters, period: e.value as Period });
  }

  private onChannel(e: ChangeEvent): void {
    if (this.registry) this.registry.setFilters({ ...this.registry.filters, channel: e.value as ChannelFilter });
  }

  private onSearch(e: JourneySearchEvent): void {
    this.registry?.search(e.callerId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-view': JourneyView;
  }
}
