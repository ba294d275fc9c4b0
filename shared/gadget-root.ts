/**
 * The root both gadgets are built on. `startGadget()` boots the shared engine (boot.ts), sets the UI locale once
 * (the i18n catalogue is its only home: components format with it and re-render through LocaleController), and
 * mounts the gadget's app element inside <cx-gadget-root>, which owns what every gadget needs around its app:
 * the theme (`theme` attribute + themeStyles), the configuration problems, the boot-error panel (Retry reloads),
 * the iframe height (one ResizeObserver; also on ACTIVE_TAB) and lifting Finesse's loading indicator.
 *
 * Services reach components one way: the root sets `services` on the app element before it is connected, and the
 * app passes its children what they need as properties (README "The gadget root, services and props").
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement } from './ui/decorators.js';
import { bootWith, type BootOptions, type GadgetKit, type GadgetServices } from './boot.js';
import type { WxmReads } from './wxm/api.js';
import { toAppError, type AppError } from './errors.js';
import { createFinesseAdapter } from './finesse/adapter.js';
import type { FinesseAdapter } from './finesse/types.js';
import { setLocale } from './i18n/catalogue.js';
import { loadTranslations } from './i18n/translations.js';
import { rootMsg } from './root-messages.js';
import { themeStyles } from './ui/theme.js';
import './ui/state-panel.js';

/** What the root needs of a gadget's app element. */
export interface GadgetApp<W extends WxmReads = WxmReads> extends HTMLElement {
  services?: GadgetServices<W>;
  readonly updateComplete?: Promise<unknown>;
}

/**
 * The frame around a gadget's app (slotted): theme, configuration problems, boot error, iframe height.
 *
 * @slot - the gadget's app element
 * @csspart problems - the configuration problems
 * @attr theme - "light", "dark" or "auto" (OS preference); from the `theme` parameter, light by default
 */
@customElement('cx-gadget-root')
export class GadgetRoot extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      .problems {
        margin: 8px;
      }
      .problems h2 {
        margin: 0;
        font-size: 1em;
      }
      .problems ul {
        margin: 4px 0 0;
        padding-left: 1.2em;
      }
    `,
  ];
  static override properties = {
    gadget: {},
    adapter: { attribute: false },
    services: { attribute: false },
    bootError: { attribute: false },
  };

  /** Names the gadget in diagnostics. */
  gadget = '';
  /** The adapter whose iframe this root sizes (known before the boot, so a failed boot is sized too). */
  adapter?: FinesseAdapter;
  services?: GadgetServices<WxmReads>;
  /** The boot failed before services existed. */
  bootError?: AppError;

  readonly #sizeObserver = new ResizeObserver(() => this.#queueHeight());
  #offTab?: () => void;
  #heightFrame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Every change of size (renders of inner components included) resizes the iframe.
    this.#sizeObserver.observe(this);
    this.#listenTab();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#sizeObserver.disconnect();
    this.#offTab?.();
    this.#offTab = undefined;
    cancelAnimationFrame(this.#heightFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services')) this.setAttribute('theme', this.services?.config.theme ?? 'light');
    if (changed.has('adapter') && this.isConnected) this.#listenTab();
  }

  #listenTab(): void {
    this.#offTab?.();
    // A hidden tab's iframe measures 0: resize when the tab shows again.
    this.#offTab = this.adapter?.onTabActivated(() => this.#queueHeight());
  }

  #queueHeight(): void {
    cancelAnimationFrame(this.#heightFrame);
    this.#heightFrame = requestAnimationFrame(() => this.adapter?.adjustHeight());
  }

  override render() {
    if (this.bootError) {
      return html`<main>
        <cx-state-panel kind="error" .heading=${rootMsg.t('boot.failed')} .error=${this.bootError}
          .diagnostics=${{ gadget: this.gadget, stage: 'boot' }} @cx-retry=${() => location.reload()}></cx-state-panel>
      </main>`;
    }
    const problems = this.services?.problems ?? [];
    return html`${problems.length
        ? html`<section class="problems" part="problems" role="alert" aria-labelledby="problems-h">
            <h2 id="problems-h">${rootMsg.t('config.heading')}</h2>
            <ul>
              ${problems.map((p) => html`<li>${p.param}: ${p.message}</li>`)}
            </ul>
          </section>`
        : nothing}
      <slot></slot>`;
  }
}

export interface StartOptions<W extends WxmReads> extends BootOptions, GadgetKit<W> {
  /** Names the gadget in diagnostics ("journey", "analytics"). */
  gadget: string;
  /** The app element, not yet connected; the root sets `services` on it before it is. */
  app: GadgetApp<W>;
  /** Where the root goes (default document.body). */
  host?: HTMLElement;
}

/** Boots and mounts a gadget; resolves with its root once the app (or the boot error) is on screen. */
export async function startGadget<W extends WxmReads>(o: StartOptions<W>): Promise<GadgetRoot> {
  const root = document.createElement('cx-gadget-root');
  root.gadget = o.gadget;
  // Created here (not inside bootGadget) so that a failed boot can still lift the loading indicator.
  const adapter = o.adapter ?? createFinesseAdapter();
  root.adapter = adapter;
  (o.host ?? document.body).append(root);
  try {
    const services = await bootWith(o, { ...o, adapter });
    await loadTranslations(services.locale); // before the first render: no English flash for a German agent
    setLocale(services.locale);
    root.services = services;
    o.app.services = services;
    root.append(o.app);
    await o.app.updateComplete;
  } catch (e) {
    o.app.remove();
    root.bootError = toAppError(e);
  }
  await root.updateComplete;
  // Finesse shows its own spinner until the gadget says it has something on screen.
  adapter.dismissLoading();
  adapter.adjustHeight();
  return root;
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-gadget-root': GadgetRoot;
  }
}
