/**
 * Lit's decorators for our compile mode only. tsconfig uses `experimentalDecorators` (TypeScript's legacy
 * decorators), and each of Lit's decorators (lit/decorators.js) also carries the standard-decorator branch,
 * which this build never runs (about 0.35 kB gzip per gadget). These do what Lit's legacy branch does:
 * `customElement` defines the tag, `query` is a getter for the first match in the render root.
 * Reactive properties are declared in each component's `static properties` (one object per class instead of a
 * decorator call per field: about 0.3 kB gzip less in analytics).
 */
import type { ReactiveElement } from 'lit';

export const customElement =
  (tag: string) =>
  (cls: CustomElementConstructor): void =>
    customElements.define(tag, cls);

export const query =
  (selector: string) =>
  (proto: object, name: PropertyKey): void => {
    Object.defineProperty(proto, name, {
      get(this: ReactiveElement) {
        return this.renderRoot?.querySelector(selector) ?? null;
      },
      configurable: true,
    });
  };
