/**
 * Lit's decorators for our compile mode only. tsconfig uses `experimentalDecorators` (TypeScript's legacy
 * decorators), and each of Lit's decorators (lit/decorators.js) also carries the standard-decorator branch,
 * which this build never runs (about 0.35 kB gzip per gadget). These do what Lit's legacy branch does:
 * `property` and `state` register a reactive property with `createProperty`, `customElement` defines the
 * tag, `query` is a getter for the first match in the render root. Decorate fields only (no accessors).
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

type Proto = ReactiveElement & { constructor: typeof ReactiveElement };

export const customElement =
  (tag: string) =>
  (cls: CustomElementConstructor): void =>
    customElements.define(tag, cls);

export const property =
  (options?: PropertyDeclaration) =>
  (proto: object, name: PropertyKey): void =>
    (proto as Proto).constructor.createProperty(name, options);

/** Internal reactive state: re-renders on change, no attribute. */
export const state = (options?: PropertyDeclaration) => property({ ...options, state: true, attribute: false });

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
