/**
 * The base of the library's elements: reactive properties (some mirrored by attributes), updates
 * batched into one render per microtask with lit-html, styles adopted into an open shadow root,
 * and a new render when the library's strings change language.
 *
 * This is the part of `LitElement` that the elements use, with the same names and timing
 * (`static properties`, `willUpdate`, `render`, `updated`, `requestUpdate`, `updateComplete`,
 * and Lit's `ReactiveController`s with `addController`), so that code written for Lit reads the
 * same. Lit's own `ReactiveElement` adds 2.6 KiB (gzip) of the main file for what the elements do
 * not use (decorators, property converters, polyfill support). Templates, directives and styles
 * are Lit's own.
 */
import { render, type nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Styles } from './css.js';
import { LOCALE_STATUS_EVENT, type LocaleStatusEventDetail } from '@lit/localize';

/** How one reactive property behaves. */
export interface PropertyOptions {
  /** `Number`: the attribute's text is read as a number. Default: kept as text. */
  type?: typeof String | typeof Number;
  /** The attribute that sets it (default: the name in lower case); `false` for none. */
  attribute?: string | false;
  /** Write the property back to its attribute after each change. */
  reflect?: boolean;
  /** Internal state: no attribute at all. */
  state?: boolean;
}

/** The properties changed since the last update, with their values before. */
export type ChangedProperties = Map<PropertyKey, unknown>;

type ElementClass = typeof BaseElement;

/** Attribute name → property name, per element class (filled when the class is first used). */
const attributesOf = new WeakMap<ElementClass, Map<string, string>>();

/** Defines an accessor per reactive property on the class's prototype, once. */
function finalize(elementClass: ElementClass): Map<string, string> {
  let attributes = attributesOf.get(elementClass);
  if (attributes) return attributes;
  attributes = new Map();
  for (const [name, options] of Object.entries(elementClass.properties)) {
    Object.defineProperty(elementClass.prototype, name, {
      get(this: BaseElement) {
        return this.values.get(name);
      },
      set(this: BaseElement, value: unknown) {
        const old = this.values.get(name);
        if (old === value) return;
        this.values.set(name, value);
        this.requestUpdate(name, old);
      },
      configurable: true,
      enumerable: true,
    });
    if (!options.state && options.attribute !== false)
      attributes.set(options.attribute || name.toLowerCase(), name);
  }
  attributesOf.set(elementClass, attributes);
  return attributes;
}

export abstract class BaseElement extends HTMLElement implements ReactiveControllerHost {
  /** The reactive properties: setting one renders the element again. */
  static properties: Record<string, PropertyOptions> = {};
  /** Styles adopted by the shadow root. */
  static styles?: Styles;

  static get observedAttributes(): string[] {
    return [...finalize(this).keys()];
  }

  /** The shadow root the element renders into (there from the first connection). */
  renderRoot!: ShadowRoot;

  /** @internal Values of the reactive properties. */
  readonly values = new Map<string, unknown>();
  #changed: ChangedProperties = new Map();
  #updatePending = false;
  #updatePromise: Promise<boolean>;
  #enableUpdating!: (value: boolean) => void;
  /** Properties set on the element before its class was defined (they hide the accessors). */
  #early?: Map<string, unknown>;
  readonly #controllers = new Set<ReactiveController>();

  constructor() {
    super();
    const elementClass = this.constructor as ElementClass;
    finalize(elementClass);
    for (const name of Object.keys(elementClass.properties)) {
      if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
      (this.#early ??= new Map()).set(name, (this as Record<string, unknown>)[name]);
      delete (this as Record<string, unknown>)[name];
    }
    // The first update waits for the first connection, as LitElement's does.
    this.#updatePromise = new Promise((resolve) => (this.#enableUpdating = resolve));
    this.requestUpdate();
  }

  /** Adds a controller that follows the element's life (connected, updates, disconnected). */
  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.renderRoot && this.isConnected) controller.hostConnected?.();
  }

  /** Lit's interface; the elements never take a controller away. */
  removeController(): void {}

  readonly #handleLocaleStatus = (event: Event) => {
    if ((event as CustomEvent<LocaleStatusEventDetail>).detail.status === 'ready')
      this.requestUpdate();
  };

  connectedCallback(): void {
    if (!this.renderRoot) {
      this.renderRoot = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const styles = (this.constructor as ElementClass).styles?.styleSheet;
      if (styles) this.renderRoot.adoptedStyleSheets = [styles];
    }
    window.addEventListener(LOCALE_STATUS_EVENT, this.#handleLocaleStatus);
    for (const controller of this.#controllers) controller.hostConnected?.();
    this.#enableUpdating(true);
  }

  disconnectedCallback(): void {
    window.removeEventListener(LOCALE_STATUS_EVENT, this.#handleLocaleStatus);
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const name = finalize(this.constructor as ElementClass).get(attribute);
    if (name === undefined) return;
    const { type } = (this.constructor as ElementClass).properties[name];
    (this as Record<string, unknown>)[name] =
      type === Number && value !== null ? Number(value) : value;
  }

  /**
   * Asks for an update; several requests in one task make one update. `name` and `oldValue`
   * record a changed property for `willUpdate` and `updated`.
   */
  requestUpdate(name?: string, oldValue?: unknown): void {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, oldValue);
    if (!this.#updatePending) this.#updatePromise = this.#enqueueUpdate();
  }

  /** Resolves after the pending update, with `true` when no other update is pending then. */
  get updateComplete(): Promise<boolean> {
    return this.#updatePromise;
  }

  async #enqueueUpdate(): Promise<boolean> {
    this.#updatePending = true;
    try {
      await this.#updatePromise;
    } catch (error) {
      // An earlier update failed; it has been reported. This one goes ahead.
      void Promise.reject(error);
    }
    this.#performUpdate();
    return !this.#updatePending;
  }

  #performUpdate(): void {
    if (this.#early) {
      const early = this.#early;
      this.#early = undefined;
      for (const [name, value] of early) (this as Record<string, unknown>)[name] = value;
    }
    const changed = this.#changed;
    try {
      try {
        this.willUpdate(changed);
        for (const controller of this.#controllers) controller.hostUpdate?.();
        this.reflect(changed);
        render(this.render(), this.renderRoot, { host: this });
      } finally {
        this.#changed = new Map();
        this.#updatePending = false;
      }
      for (const controller of this.#controllers) controller.hostUpdated?.();
      this.updated(changed);
    } catch (error) {
      if (!this.updateFailed(error)) throw error;
    }
  }

  /**
   * An update threw. Return `true` when the element has dealt with it (e.g. shows an error in its
   * place and asks for another update); otherwise it reaches the page as an uncaught error.
   */
  protected updateFailed(_error: unknown): boolean {
    return false;
  }

  /** Writes changed properties marked `reflect` to their attributes. */
  private reflect(changed: ChangedProperties): void {
    for (const [attribute, name] of finalize(this.constructor as ElementClass)) {
      if (!changed.has(name) || !(this.constructor as ElementClass).properties[name].reflect)
        continue;
      const value = (this as Record<string, unknown>)[name];
      if (value === undefined || value === null) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    }
  }

  /** Before rendering: work out state that depends on the changed properties. */
  protected willUpdate(_changed: ChangedProperties): void {}

  /** What the shadow root shows. */
  protected abstract render(): TemplateResult | typeof nothing;

  /** After rendering: focus and other work on the rendered DOM. */
  protected updated(_changed: ChangedProperties): void {}
}
