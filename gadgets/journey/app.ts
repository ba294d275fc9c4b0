import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { themeStyles } from '../../shared/ui/theme.js';
import { configContext, finesseContext, localeContext, sessionContext, wxmContext } from '../../shared/context.js';
import { setLocale } from '../../shared/i18n/catalogue.js';
import { DEFAULT_BANDS, npsBands } from '../../shared/metrics/index.js';
import type { NpsBands } from '../../shared/metrics/types.js';
import type { FinesseAdapter, FinesseSession } from '../../shared/finesse/types.js';
import type { ConfigProblem, GadgetConfig } from '../../shared/config/types.js';
import type { WxmApi } from '../../shared/wxm/api.js';
import type { AppError } from '../../shared/errors.js';
import '../../shared/ui/state-panel.js';
import { bandsContext, registryContext } from './context.js';
import { LookupRegistry } from './registry.js';
import { msg } from './messages.js';
import './view.js';

/** What the app needs from bootGadget() (tests pass fakes). */
export interface JourneyServices {
  adapter: FinesseAdapter;
  session: FinesseSession;
  config: GadgetConfig;
  problems: ConfigProblem[];
  wxm: WxmApi;
  locale: string;
}

/**
 * Root of the Customer Experience Journey gadget: provides the services to its views, turns Finesse call events
 * into the lookup registry, shows configuration problems, and keeps the iframe height right.
 *
 * @csspart brief - the caller brief
 * @csspart entry - each timeline entry
 * @csspart timeline - the timeline section
 * @csspart search - the manual search form
 * @cssproperty --cx-surface - background (all --cx-* colour tokens of shared/ui/theme.ts apply)
 * @attr theme - "light", "dark" or "auto" (OS preference); set from the `theme` parameter, light by default
 */
@customElement('cx-journey-app')
export class JourneyApp extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      .problems {
        margin: 8px;
      }
      .problems ul {
        margin: 4px 0 0;
        padding-left: 1.2em;
      }
    `,
  ];

  /** Set once, by main.ts (or a test). */
  @property({ attribute: false }) services?: JourneyServices;
  /** Boot failed before services existed. */
  @property({ attribute: false }) bootError?: AppError;

  @provide({ context: wxmContext }) wxm!: WxmApi;
  @provide({ context: sessionContext }) session!: FinesseSession;
  @provide({ context: configContext }) config!: GadgetConfig;
  @provide({ context: finesseContext }) adapter!: FinesseAdapter;
  @provide({ context: localeContext }) locale = 'en';
  @provide({ context: registryContext }) registry!: LookupRegistry;
  @provide({ context: bandsContext }) bands: Promise<NpsBands> = Promise.resolve(DEFAULT_BANDS);

  private cleanups: Array<() => void> = [];
  private resize?: ResizeObserver;
  private heightQueued = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services') && this.services) this.start(this.services);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Every change of size (renders of inner components included) resizes the iframe.
    this.resize = new ResizeObserver(() => this.queueHeight());
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.stop();
  }

  protected override updated(): void {
    this.queueHeight();
  }

  private start(s: JourneyServices): void {
    this.stop();
    setLocale(s.locale);
    this.locale = s.locale;
    this.wxm = s.wxm;
    this.session = s.session;
    this.config = s.config;
    this.setAttribute('theme', s.config.theme);
    this.adapter = s.adapter;
    // Session-wide reads start now, so a call's lookup only has to fetch its answers.
    this.bands = s.wxm.settings().then(npsBands, () => DEFAULT_BANDS);
    s.wxm.tagMap().catch(() => undefined); // failures resurface, with their message, in the first lookup
    const registry = new LookupRegistry({ wxm: s.wxm, questionnaires: s.config.questionnaires });
    this.registry = registry;
    this.cleanups = [
      s.adapter.onCall((e) => registry.handle(e)),
      s.adapter.onTabActivated(() => s.adapter.adjustHeight()),
      () => registry.dispose(),
    ];
    s.adapter.setTitle(msg.t('title'));
  }

  private stop(): void {
    for (const fn of this.cleanups) fn();
    this.cleanups = [];
  }

  private queueHeight(): void {
    if (this.heightQueued) return;
    this.heightQueued = true;
    requestAnimationFrame(() => {
      this.heightQueued = false;
      this.services?.adapter.adjustHeight();
    });
  }

  override render() {
    if (this.bootError) {
      return html`<main aria-label=${msg.t('landmark')}>
        <cx-state-panel kind="error" .heading=${msg.t('boot.failed')} .error=${this.bootError} .diagnostics=${{ gadget: 'journey' }}
          @cx-retry=${() => location.reload()}></cx-state-panel>
      </main>`;
    }
    if (!this.services) return nothing;
    const problems = this.services.problems;
    return html`
      ${problems.length
        ? html`<section class="problems" role="alert" aria-labelledby="problems-h">
            <h2 id="problems-h">${msg.t('config.heading')}</h2>
            <ul>
              ${problems.map((p) => html`<li>${msg.t('config.item', { param: p.param, message: p.message })}</li>`)}
            </ul>
          </section>`
        : nothing}
      <cx-journey-view exportparts="brief, entry, timeline, search"></cx-journey-view>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-app': JourneyApp;
  }
}
