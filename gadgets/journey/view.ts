import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { LocaleController } from '../../shared/ui/locale-controller.js';
import { dayHeading } from '../../shared/i18n/format.js';
import type { Answer } from '../../shared/wxm/types.js';
import type { ChangeEvent } from '../../shared/ui/events.js';
import '../../shared/ui/state-panel.js';
import '../../shared/ui/skeleton.js';
import '../../shared/ui/segmented.js';
import type { CallRegistry, OnScreen } from './call-registry.js';
import type { JourneyData } from './lookup.js';
import type { NoteWriter } from '../../shared/wxm/notes.js';
import type { KnownNames } from '../../shared/finesse/team-roster.js';
import { buildBrief, callerHeader, entryModel, groupByDay, type EntryModel } from './model.js';
import { CHANNELS, DEFAULT_FILTERS, PERIODS, type ChannelFilter, type JourneyFilters, type Period } from './query.js';
import { msg } from './messages.js';
import type { JourneySearchEvent } from './search.js';
import { viewStyles } from './view.styles.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import './brief.js';
import './caller.js';
import './entry.js';
import './search.js';

/**
 * Not worth an automatic retry (the token client gives up on them), but the agent's Retry may work: Finesse
 * refusing the sign-in for the token (401: signed in again elsewhere) and a token service not found (404: being
 * deployed or restarted).
 */
const AGENT_CAN_RETRY = new Set<ErrorCode>(['finesse-auth', 'cloudconnect-down']);

/**
 * The journey for whatever the registry says is on screen: the caller brief, filters, the day-grouped timeline,
 * and every non-data state (idle, monitor, no caller id, loading, empty, partial, error); a ringing call is marked.
 *
 * @csspart caller - the caller header (name, identifiers, callback risk)
 * @csspart brief - the caller brief
 * @csspart entry - each timeline entry
 * @csspart timeline - the timeline section
 * @csspart search - the manual search form
 */
@customElement('cx-journey-view')
export class JourneyView extends LitElement {
  static override styles = viewStyles;
  static override properties = {
    registry: { attribute: false },
    maskPii: { type: Boolean },
    countryCode: { type: Number },
    compact: { type: Boolean },
    writer: { attribute: false },
    names: { attribute: false },
  };

  /** What is on screen, and the lookups behind it (set by the app). */
  registry?: CallRegistry;
  /** Mask phone numbers and emails (the `maskPii` parameter). */
  maskPii = false;
  /** The `defaultCountryCode` parameter, for national numbers typed in the search. */
  countryCode?: number;
  /** One line per survey; the toggle fires `cx-journey-compact` (the app remembers it per user). */
  compact = false;
  /** Writes notes on the entries (the WxM client, when it can write). */
  writer?: NoteWriter;
  /** Agent and team names for the entries (the app's, from Finesse). */
  names?: KnownNames;

  #target: OnScreen = { kind: 'idle' };
  #unsubscribe?: () => void;
  readonly #models = new WeakMap<Answer, EntryModel>();

  constructor() {
    super();
    new LocaleController(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.registry) this.#follow(this.registry);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('registry') && this.registry && this.isConnected) this.#follow(this.registry);
  }

  #follow(registry: CallRegistry): void {
    this.#unsubscribe?.();
    this.#target = registry.view;
    this.#unsubscribe = registry.subscribe((view) => {
      this.#target = view;
      this.requestUpdate();
    });
  }

  override render() {
    const t = this.#target;
    const status =
      t.kind === 'idle'
        ? ''
        : t.ended
          ? msg.t('state.ended')
          : t.ringing
            ? msg.t('state.ringing')
            : t.kind === 'journey' && t.manual
              ? msg.t('state.manual')
              : '';
    return html`<main aria-labelledby="title">
      <header>
        <h1 id="title" class="sr-only">${msg.t('title')}</h1>
        ${status ? html`<span class="tag">${status}</span>` : nothing}
      </header>
      <div class="sr-only" role="status" aria-live="polite">${this.#announcement()}</div>
      <section aria-labelledby="search-h" part="search">
        <h2 id="search-h" class="sr-only">${msg.t('search.heading')}</h2>
        <cx-journey-search .countryCode=${this.countryCode} @cx-journey-search=${this.#onSearch}></cx-journey-search>
        ${t.kind === 'journey' && t.callLive
          ? html`<button class="btn link" type="button" @click=${this.#backToCall}>${msg.t('search.back')}</button>`
          : nothing}
      </section>
      ${this.#body()}
    </main>`;
  }

  #announcement(): string {
    const loaded = this.#loaded();
    if (this.#target.kind !== 'journey' || loaded === 'error') return '';
    return loaded?.timeline ? msg.t('live.loaded', { n: loaded.base.totalCount }) : msg.t('live.loading');
  }

  /**
   * The journey on screen: the unfiltered lookup in (timeline null while a filter's loads: the filters stay on
   * screen, with focus), one failed ('error'), or still loading (null).
   */
  #loaded(): { base: JourneyData; timeline: JourneyData | null } | 'error' | null {
    const t = this.#target;
    if (t.kind !== 'journey') return null;
    if (t.base.error || t.timeline.error) return 'error';
    const base = t.base.current;
    const timeline = t.timeline.current;
    return base ? { base, timeline } : null;
  }

  #body() {
    const t = this.#target;
    switch (t.kind) {
      case 'idle':
        return html`<p class="muted">${msg.t('state.idle')}</p>`;
      case 'monitor':
        return html`<p class="muted">${msg.t('state.monitor')}</p>`;
      case 'no-caller':
        return html`<cx-state-panel
          kind="info"
          .heading=${msg.t(t.withheld ? 'state.withheld' : 'state.noCaller')}
          .message=${msg.t('state.searchHint')}
        ></cx-state-panel>`;
      case 'journey': {
        const loaded = this.#loaded();
        if (loaded === 'error') return this.#failure();
        return loaded ? this.#journeyBody(loaded.base, loaded.timeline) : this.#skeleton();
      }
    }
  }

  #skeleton() {
    return html`<cx-skeleton lines="6" .label=${msg.t('live.loading')}></cx-skeleton>`;
  }

  #failure() {
    const t = this.#target;
    const error = t.kind === 'journey' ? (t.base.error ?? t.timeline.error) : null;
    if (!error) return nothing;
    if (error.code === 'no-caller-id') {
      return html`<cx-state-panel kind="info" .message=${msg.t('state.noIdentity')}></cx-state-panel>`;
    }
    return html`<cx-state-panel
        kind="error"
        .error=${AGENT_CAN_RETRY.has(error.code) ? new AppError(error.code, error.hop, error.detail, { status: error.status, retryable: true }) : error}
        .diagnostics=${{ gadget: 'journey', view: t.kind, filters: this.registry?.filters }}
        @cx-retry=${this.#retry}
      ></cx-state-panel>
      ${error.code === 'cloudconnect-down' ? html`<p class="muted">${msg.t('state.autoRetry')}</p>` : nothing}`;
  }

  #journeyBody(base: JourneyData, timeline: JourneyData | null) {
    const t = this.#target;
    if (t.kind !== 'journey') return nothing;
    const now = new Date();
    const filters = t.filters;
    const filtered = t.base !== t.timeline;
    const malformed = (timeline?.malformed ?? 0) + (t.base === t.timeline ? 0 : base.malformed);
    const caller = html`<cx-journey-caller part="caller" .header=${callerHeader(t.callerIds, base, now, this.maskPii)}
      @cx-journey-show-entry=${this.#showEntry}></cx-journey-caller>`;
    if (!base.answers.length && !base.hasMore) {
      // Records came back but none could be read: that is no "no feedback yet".
      return base.malformed
        ? html`<cx-state-panel kind="error" part="unreadable" .heading=${msg.t('state.unreadable')}
            .message=${msg.t('state.unreadableHint', { n: base.malformed })}
            .error=${new AppError('wxm-bad-response', 'wxm', `${base.malformed} unreadable records on the first page`)}
            .diagnostics=${{ gadget: 'journey', view: t.kind }} @cx-retry=${this.#retry}></cx-state-panel>`
        : html`${caller}<cx-state-panel kind="empty"
            .message=${t.manual ? msg.t('search.none', { query: t.callerIds[0]?.value ?? '' }) : msg.t('state.empty')}></cx-state-panel>`;
    }
    const brief = buildBrief(base.answers, base.tagMap, base.bands, now, !base.hasMore);
    return html`
      ${caller}
      <cx-journey-brief part="brief" .brief=${brief} .total=${base.totalCount} .now=${now}></cx-journey-brief>
      ${malformed ? html`<p class="notice" part="malformed">${msg.t('state.malformed', { n: malformed })}</p>` : nothing}
      <section aria-labelledby="timeline-h" part="timeline">
        <div class="row">
          <h2 id="timeline-h">${msg.t('timeline.heading')}</h2>
          <button class="btn link" type="button" aria-pressed=${this.compact ? 'true' : 'false'} @click=${this.#toggleCompact}>
            ${msg.t('timeline.compact')}
          </button>
        </div>
        <div class="filters">
          <cx-segmented
            .label=${msg.t('filter.period')}
            .options=${PERIODS.map((p) => ({ value: p, label: msg.t(`period.${p}`) }))}
            .value=${filters.period}
            @cx-change=${this.#onPeriod}
          ></cx-segmented>
          <cx-segmented
            .label=${msg.t('filter.channel')}
            .options=${CHANNELS.map((c) => ({ value: c, label: msg.t(`channel.${c}`) }))}
            .value=${filters.channel}
            @cx-change=${this.#onChannel}
          ></cx-segmented>
        </div>
        ${!timeline
          ? this.#skeleton()
          : html`${filtered ? this.#filterLine(t.filters, timeline.totalCount, base.totalCount) : nothing}
            ${timeline.answers.length ? this.#days(timeline, now) : html`<p class="muted">${msg.t(filtered ? 'filter.none' : 'state.empty')}</p>`}
            ${this.#pager(timeline, t.timeline.loadingMore)}`}
      </section>
    `;
  }

  /** "Filtered: 30 days · Voice · 5 of 61", with a one-click way back to everything. */
  #filterLine(f: JourneyFilters, shown: number, total: number) {
    const parts = [f.period !== 'all' ? msg.t(`period.${f.period}`) : '', f.channel !== 'all' ? msg.t(`channel.${f.channel}`) : ''];
    return html`<p class="notice" part="filtered">
      ${msg.t('filter.active', { filters: parts.filter(Boolean).join(' · '), shown, total })}
      <button class="btn link" type="button" @click=${this.#clearFilters}>${msg.t('filter.clear')}</button>
    </p>`;
  }

  #backToCall(): void {
    this.registry?.backToCall();
  }

  #toggleCompact(): void {
    this.dispatchEvent(new CustomEvent<boolean>('cx-journey-compact', { detail: !this.compact, bubbles: true, composed: true }));
  }

  #clearFilters(): void {
    this.registry?.setFilters(DEFAULT_FILTERS);
  }

  /** The risk banner's link: the survey's entry opens and takes focus (filters are cleared if they hide it). */
  async #showEntry(e: CustomEvent<string>): Promise<void> {
    const find = () => [...this.renderRoot.querySelectorAll('cx-journey-entry')].find((el) => el.entry?.id === e.detail);
    let entry = find();
    if (!entry) {
      this.#clearFilters();
      await this.updateComplete;
      entry = find();
    }
    await entry?.reveal();
  }

  #days(data: JourneyData, now: Date) {
    const models = data.answers.map((a) => {
      let m = this.#models.get(a);
      if (!m) this.#models.set(a, (m = entryModel(a, data.tagMap, data.bands)));
      return m;
    });
    return groupByDay(models).map(
      ({ day, entries }) => html`<h3>${dayHeading(day, now)}</h3>
        <ol>
          ${entries.map((e) => html`<li><cx-journey-entry part="entry" .entry=${e} ?compact=${this.compact} .writer=${this.writer} .names=${this.names}></cx-journey-entry></li>`)}
        </ol>`,
    );
  }

  #pager(data: JourneyData, loading: boolean) {
    return html`
      ${data.pageError ? html`<p class="notice" role="alert">${msg.t('state.partial')}</p>` : nothing}
      ${data.hasMore
        ? html`<div class="more">
            <button class="btn" type="button" ?disabled=${loading} @click=${this.#loadMore}>
              ${loading ? msg.t('timeline.loadingMore') : msg.t('timeline.loadMore')}
            </button>
            <span class="muted">${msg.t('timeline.shown', { shown: data.answers.length, total: data.totalCount })}</span>
          </div>`
        : nothing}
    `;
  }

  #loadMore(): void {
    void this.registry?.loadMore();
  }

  #retry(): void {
    this.registry?.retry();
  }

  #onPeriod(e: ChangeEvent): void {
    if (this.registry) this.registry.setFilters({ ...this.registry.filters, period: e.value as Period });
  }

  #onChannel(e: ChangeEvent): void {
    if (this.registry) this.registry.setFilters({ ...this.registry.filters, channel: e.value as ChannelFilter });
  }

  #onSearch(e: JourneySearchEvent): void {
    this.registry?.search(e.callerId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-view': JourneyView;
  }
}
