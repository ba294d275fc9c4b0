/** Controllers that re-render their host when something outside it changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLocaleChange } from '../i18n/catalogue.js';

/** Re-renders its host whenever `subscribe` signals, while the host is connected. */
export class RerenderOn implements ReactiveController {
  #off?: () => void;
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly subscribe: (changed: () => void) => () => void,
  ) {
    host.addController(this);
  }
  hostConnected(): void {
    this.#off = this.subscribe(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.#off?.();
  }
}

/** Re-renders its host when the UI locale changes (setLocale), so text and formats follow at once. */
export class LocaleController extends RerenderOn {
  constructor(host: ReactiveControllerHost) {
    super(host, onLocaleChange);
  }
}
