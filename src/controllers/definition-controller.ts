/**
 * Loading a definition: from `src` (JSON or a compiled module), from `definition`, or from
 * `schema` / `ui` / `translations` set apart. Checks it, resolves its references, gets its
 * validator and the parts of the library it needs, hands all of it to the form state, and says
 * so (`intake-ready`) or shows why it cannot be used (`intake-error`, the definition error panel).
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { FormState } from '../form/form-state.js';
import { hasAlternatives, likelyWidgets, neededParts } from '../form/needed-parts.js';
import { preloadLocale, useLocale } from '../i18n/localization.js';
import { emit } from '../internal/emit.js';
import { lazyParts } from '../internal/lazy-parts.js';
import type { ChangedProperties } from '../internal/base-element.js';
import { DefinitionError } from '../model/definition-error.js';
import {
  checkDefinition,
  fetchDefinition,
  isModuleUrl,
  prefetchTranslations,
} from '../model/load-definition.js';
import { isPlainObject } from '../model/own.js';
import { SchemaResolver } from '../model/schema-resolver.js';
import type { FormDefinition, SchemaObject, UiSchema } from '../model/types.js';
import {
  isCompiledDefinition,
  precompiledValidator,
  type CompiledDefinition,
} from '../validation/precompiled.js';
import { compileValidator, preloadCompiler, type FormValidator } from '../validation/validator.js';
import { loadWidgets } from '../widgets/registry.js';
import type { LocaleController } from './locale-controller.js';

/** Resolves in a task of its own, after the browser had a chance to paint and handle input. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Where the form is in loading its definition. */
export type LoadStatus = 'empty' | 'loading' | 'ready' | 'error';

/**
 * A raw definition's checks and ajv's compiler, asked for at once: the compiler asked for only
 * once the checks had run came one chunk's loading later (about 50 ms at 1 000 questions).
 */
function askForRawParts(): void {
  lazyParts.rawChecks.load().catch(() => undefined);
  preloadCompiler();
}

/** The element the controller serves. */
export type DefinitionElement = ReactiveControllerHost &
  HTMLElement & {
    readonly src: string | undefined;
    readonly definition: FormDefinition | undefined;
    readonly schema: SchemaObject | undefined;
    readonly ui: UiSchema | undefined;
    readonly translations: FormDefinition['translations'] | undefined;
    readonly draft: string | undefined;
  };

/** What happens around loading, done by the element's other controllers. */
export interface LoadSteps {
  /** Before the form counts as ready, the first time: a saved draft returns. */
  beforeFirstReady(): Promise<void>;
  /** After the form is shown with a definition (`first`: the first one). */
  shown(first: boolean): void;
  /** Once the step on show is drawn whole (a long one is drawn a part at a time). */
  drawn(): Promise<void>;
}

/**
 * Needs none of the element's lifecycle callbacks, so it is not added with `addController`: it
 * keeps its host and asks it to render (`requestUpdate`), as Lit's controllers do.
 */
export class DefinitionController {
  status: LoadStatus = 'empty';
  /** Why the definition cannot be used. */
  error?: DefinitionError;
  /** Where the definition came from: relative URLs in it are resolved against it. */
  sourceUrl = '';
  #token = 0;
  #readyBefore = false;

  constructor(
    private readonly host: DefinitionElement,
    private readonly state: FormState,
    private readonly locale: LocaleController,
    private readonly steps: LoadSteps,
  ) {}

  /** Before an update: loads what the changed properties name. */
  propertiesChanged(changed: ChangedProperties): void {
    const { host } = this;
    if (changed.has('src') && host.src) void this.#loadFromSrc(host.src);
    else if (changed.has('definition') && host.definition)
      void this.#use(host.definition, document.baseURI);
    else if (
      (changed.has('schema') || changed.has('ui') || changed.has('translations')) &&
      host.schema
    ) {
      const base = this.state.definition;
      void this.#use(
        {
          ...(base ?? { id: 'form' }),
          schema: host.schema,
          ui: host.ui ?? base?.ui,
          translations: host.translations ?? base?.translations,
        },
        this.sourceUrl || document.baseURI,
      );
    }
  }

  #setStatus(status: LoadStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  async #loadFromSrc(src: string): Promise<void> {
    const token = ++this.#token;
    this.#setStatus('loading');
    try {
      // A JSON definition needs the raw-definition checks and ajv's compiler: asked for now,
      // while the definition itself is on its way, not one round trip after it.
      if (!isModuleUrl(new URL(src, document.baseURI).href)) askForRawParts();
      const { definition, url } = await fetchDefinition(src, document.baseURI);
      if (token !== this.#token) return;
      await this.#use(definition, url, token);
    } catch (error) {
      if (token === this.#token) await this.#fail(error);
    }
  }

  async #use(candidate: FormDefinition, url: string, token = ++this.#token): Promise<void> {
    const { host, state } = this;
    this.#setStatus('loading');
    try {
      // A raw definition is checked for size and references here; a compiled one was checked
      // when it was compiled.
      const compiled = isCompiledDefinition(candidate);
      // Set as a property, a raw definition asks for its parts only now (from `src`, they were
      // asked for while it was fetched; asking again changes nothing).
      if (!compiled) askForRawParts();
      const definition = checkDefinition(candidate);
      // A compiled module also says where each `$ref` leads (`refs`); a module from before that
      // has the raw-definition part work it out.
      const refs = compiled ? (candidate as CompiledDefinition).refs : undefined;
      const checks = compiled && isPlainObject(refs) ? undefined : await lazyParts.rawChecks.load();
      if (!compiled) checks?.checkDefinitionLimits(definition);
      const resolver = new SchemaResolver(
        definition.schema,
        checks ? checks.referenceTable(definition.schema) : refs,
      );
      const problem = compiled ? undefined : checks?.checkReferences(resolver);
      if (problem) throw problem;
      // A form of more controls than a page can hold is refused before its schema is compiled (a
      // compiled module, whose compiling is done, meets the field tree's budget of the same limit).
      checks?.checkControlCount(resolver);
      // A compiled definition brings its own validators (CSP-safe); only a raw schema needs the
      // ajv compiler, loaded lazily as its own chunk. The parts of the library this form needs
      // load at the same time; failing to load one (the connection dropped) fails loading the form.
      const parts = neededParts(definition, resolver, {
        locale: this.locale.locale,
        drafts: host.draft === 'local',
      });
      this.#preloadFor(definition, resolver, url);
      // The raw-definition checks of a large schema and its compiling are separate tasks too.
      if (!compiled) await nextTask();
      if (token !== this.#token) return;
      const [validator] = await Promise.all([
        compiled
          ? this.#precompiled(candidate as CompiledDefinition, resolver)
          : compileValidator(definition.schema),
        // A needed part is named as its lazy part.
        ...[...parts].map((part) => lazyParts[part].load()),
      ]);
      // Compiling a large schema is one long task; building the form and drawing it are the next
      // ones, not the same (issue 19: no task over 200 ms while a definition loads).
      await nextTask();
      if (token !== this.#token) return;
      this.sourceUrl = url;
      this.error = undefined;
      this.locale.forget();
      state.load({
        definition,
        resolver,
        validator,
        conditions: parts.has('conditions') ? lazyParts.conditions.module : undefined,
        lists: parts.has('lists') ? lazyParts.lists.module?.listModel : undefined,
        maps: parts.has('maps') ? lazyParts.maps.module?.mapModel : undefined,
      });
      await this.locale.apply();
      if (token !== this.#token) return;
      // Widgets with code of their own (files) that the form shows, before it is shown.
      const fields = [...state.fields.values()];
      await Promise.all([
        loadWidgets(fields.map((field) => field.widget)),
        // "Add …" / "Remove …" of optional objects, where the form shows them.
        fields.some((field) => field.kind === 'object' && (field.collapsed || field.removable))
          ? lazyParts.optionalObjects.load()
          : undefined,
      ]);
      if (token !== this.#token) return;
      state.revalidate();
      this.#setStatus('ready');
      const first = !this.#readyBefore;
      // A saved draft returns before the form counts as ready, so the host sees the final state.
      if (first && host.draft === 'local') await this.steps.beforeFirstReady();
      await host.updateComplete;
      if (token !== this.#token) return;
      // A raw schema is compiled after the form's first paint (nothing on the first screen
      // validates, see ajv-compiler.ts), and after the rest of a long step is drawn, whose parts
      // would otherwise wait for it; what ajv refuses only when compiling shows as the
      // definition error instead, and the form never counts as ready.
      if (validator.prepare) {
        await this.steps.drawn();
        if (token !== this.#token) return;
        await validator.prepare();
      }
      if (token !== this.#token) return;
      this.#readyBefore = true;
      this.steps.shown(first);
      // Also after a later definition (a host that swaps forms, an author's preview).
      // `validator`: how the form validates (a compiled module's code; a raw schema compiled now,
      // or its code kept from an earlier visit).
      emit(host, 'intake-ready', {
        id: definition.id,
        version: definition.version,
        validator: validator.origin ?? 'precompiled',
      });
    } catch (error) {
      if (token === this.#token) await this.#fail(error);
    }
  }

  /**
   * Asks, all at once, for what the form will load after its parts (one round trip each, one
   * after another, otherwise): the library's strings and its translations for the language
   * shown and the widgets it probably shows. A failure here is met again, and handled, where the
   * thing is used. The outbox is not among them: the first screen does not need it, and it is
   * loaded in an idle moment once the form is shown (src/intake-form.ts).
   */
  #preloadFor(definition: FormDefinition, resolver: SchemaResolver, url: string): void {
    const locale = this.locale.localeFor(definition);
    // Known when the element connected if the page set `locale`; else only now, from `lang`.
    preloadLocale(locale);
    const translations = definition.translations?.[locale];
    if (typeof translations === 'string') prefetchTranslations(translations, url);
    loadWidgets(likelyWidgets(definition, resolver)).catch(() => undefined);
  }

  /**
   * The validator of a compiled module. A schema with alternatives needs the filter for their
   * noise, which comes with the conditions part (loaded for such a schema anyway).
   */
  async #precompiled(
    definition: CompiledDefinition,
    resolver: SchemaResolver,
  ): Promise<FormValidator> {
    const logic = hasAlternatives(resolver) ? await lazyParts.conditions.load() : undefined;
    return precompiledValidator(definition, logic?.alternativeNoise);
  }

  /**
   * Runs something the person or the host page asked of the form; an exception it raises (ajv
   * giving up on a schema it compiled, a value the model cannot read) takes the form's place as a
   * definition error with an `intake-error`, instead of reaching the host page.
   */
  contain<T>(action: () => T): T | undefined {
    try {
      return action();
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /** Shows `error` as the definition error in the form's place, with an `intake-error`. */
  fail(error: unknown): void {
    this.#token += 1;
    void this.#fail(error);
  }

  async #fail(error: unknown): Promise<void> {
    const problem =
      error instanceof DefinitionError
        ? error
        : new DefinitionError('invalid-schema', (error as Error)?.message ?? String(error), {
            detail: String(error),
          });
    // The message is worded in the language asked for, even though the definition never loaded.
    const [panel] = await Promise.all([
      lazyParts.definitionError.load().catch(() => undefined),
      useLocale(this.locale.locale),
    ]);
    this.error = problem;
    this.#setStatus('error');
    emit(this.host, 'intake-error', {
      type: 'definition',
      message: panel?.definitionMessage(problem) ?? msg('This form cannot be shown'),
      errors: [{ pointer: problem.pointer ?? '', message: problem.message }],
    });
  }
}
