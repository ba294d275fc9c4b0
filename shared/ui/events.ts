/** Typed custom events of the shared UI kit. All bubble and cross shadow roots (composed). */

/** The user asked to retry what failed (`<cx-state-panel>`). */
export class RetryEvent extends Event {
  static readonly eventName = 'cx-retry';
  constructor() {
    super(RetryEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A single-select control changed value (`<cx-segmented>`). */
export class ChangeEvent<V extends string = string> extends Event {
  static readonly eventName = 'cx-change';
  constructor(readonly value: V) {
    super(ChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cx-retry': RetryEvent;
    'cx-change': ChangeEvent;
  }
}
