import { LitElement, css, html, nothing } from 'lit';
import { customElement } from '../../shared/ui/decorators.js';
import { baseStyles } from '../../shared/ui/theme.js';
import { DEFAULT_BANDS, npsBands } from '../../shared/metrics/index.js';
import type { GadgetServices } from '../../shared/boot.js';
import type { WxmReads } from '../../shared/wxm/api.js';
import { CallRegistry } from './call-registry.js';
import { canWriteNotes } from '../../shared/wxm/notes.js';
import { knownNames, type KnownNames } from '../../shared/finesse/team-roster.js';
import { msg } from './messages.js';
import './view.js';

/** The UserPref that remembers the compact timeline (main.ts tells the adapter to read it). */
export const COMPACT_PREF = 'journeyCompact';

/**
 * The Customer Experience Journey app, inside the shared root (shared/gadget-root.ts): turns the services into
 * the call registry (fed by Finesse call events) and hands it to the view. The tree is two elements deep, so
 * services travel as properties (README "Services, context and props").
 *
 * @csspart caller - the caller header (name, identifiers, callback risk)
 * @csspart brief - the caller brief
 * @csspart entry - each timeline entry
 * @csspart timeline - the timeline section
 * @csspart search - the manual search form
 */
@customElement('cx-journey-app')
export class JourneyApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];
  static override properties = {
    services: { attribute: false },
    registry: { state: true },
    compact: { state: true },
    names: { state: true },
  };

  /** Set once, by the root (or a test). */
  services?: GadgetServices<WxmReads>;

  /** The calls and their lookups (read by the bench; set by the app). */
  registry?: CallRegistry;
  /** One line per survey, remembered per user (UserPref COMPACT_PREF). */
  private compact = false;
  /** Agent and team names from Finesse: some at once, a supervisor's rosters later (never waited for). */
  private names?: KnownNames;
  #cleanups: Array<() => void> = [];

  #started?: GadgetServices<WxmReads>;

  protected override willUpdate(): void {
    if (this.services && this.services !== this.#started && this.isConnected) this.#start(this.services);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.services && this.services !== this.#started) this.#start(this.services);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  #start(s: GadgetServices<WxmReads>): void {
    this.#stop();
    this.#started = s;
    // Session-wide reads start now, so a call's lookup only has to fetch its answers.
    // The NPS passive band from the account settings (defaults when they cannot be read).
    const bands = s.wxm.settings().then(npsBands, () => DEFAULT_BANDS);
    s.wxm.tagMap().catch(() => undefined); // failures resurface, with their message, in the first lookup
    const registry = new CallRegistry({ wxm: s.wxm, questionnaires: s.config.questionnaires, bands });
    this.registry = registry;
    this.#cleanups = [s.adapter.onCall((e) => registry.handle(e)), () => registry.dispose()];
    s.adapter.setTitle(msg.t('title'));
    this.compact = s.adapter.userPrefs()[COMPACT_PREF] === 'true';
    this.names = knownNames(s.session, (names) => {
      if (this.#started === s) this.names = names;
    });
  }

  #stop(): void {
    for (const fn of this.#cleanups) fn();
    this.#cleanups = [];
    this.registry = undefined;
    this.#started = undefined;
  }

  #onCompact(e: CustomEvent<boolean>): void {
    this.compact = e.detail;
    this.services?.adapter.setPref(COMPACT_PREF, String(e.detail));
  }

  override render() {
    if (!this.registry) return nothing;
    return html`<cx-journey-view exportparts="caller, brief, entry, timeline, search" .registry=${this.registry}
      ?maskPii=${!!this.services?.config.maskPii} ?compact=${this.compact} .countryCode=${this.services?.config.defaultCountryCode} .names=${this.names}
      .writer=${canWriteNotes(this.#started?.wxm) ? this.#started.wxm : undefined} @cx-journey-compact=${this.#onCompact}></cx-journey-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-app': JourneyApp;
  }
}
