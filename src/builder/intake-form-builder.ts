/**
 * `<intake-form-builder>`: makes and changes a form definition without writing JSON Schema.
 *
 * The editing itself happens in the DOM-free core (./core/); this element shows it: the
 * questions, an editing panel, conditions in words, steps, translations, a JSON view and a live
 * preview with the real `<intake-form>`. Work is kept in this browser (localStorage) until it is
 * exported.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import '../index.js';
import { checkDefinitionProblems, type CheckProblem } from './check/definition-check.js';
import { builderProblems } from './check/builder-problems.js';
import { problemMessage } from './check/messages.js';
import { clone, isObject, own, type Json } from './core/json.js';
import { History } from './core/history.js';
import { hashesFromMeta, loadDefinition } from './load.js';
import { stringsFor, type BuilderLocale, type Strings_ } from './i18n.js';
import { exportCompiled, type CompileModule } from './ui/compiled-export.js';
import { renderFormPanel } from './ui/form-panel.js';
import type { ShownProblem } from './ui/host.js';
import { renderJsonPanel } from './ui/json-panel.js';
import { renderPreview, type PreviewState } from './ui/preview.js';
import { renderQuestionPanel } from './ui/question-panel.js';
import { renderQuestionList } from './ui/question-list.js';
import { renderTranslations, type TranslationHost } from './ui/translations-panel.js';
import { builderStyles } from './styles.js';

/** Where unexported work is kept. */
export const STORAGE_KEY = 'intake-form-builder:work';

/** How long the author must pause editing before the checks run again (ms). */
const CHECK_DELAY = 400;

const TABS = ['questions', 'form', 'translations', 'json'] as const;
type Tab = (typeof TABS)[number];

/** The definition a new form starts with. */
export function emptyDefinition(): Json {
  return {
    $schema: 'urn:intake-elements:intake-definition',
    id: 'neues-formular',
    version: '1',
    lang: 'de',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Neues Formular',
      type: 'object',
      properties: {},
    },
  };
}

/**
 * The form builder. Set `definition` to open a form definition; read it to get the current state.
 *
 * @tagname intake-form-builder
 * @fires intake-builder-ready - A definition is open and shown.
 * @fires intake-builder-change - `{ definition }` after every edit, undo and redo.
 */
export class IntakeFormBuilder extends LitElement implements TranslationHost {
  static override styles = builderStyles;

  static override properties = {
    locale: { type: String, reflect: true },
    // Setting the same URL again reopens it (a fresh copy of the file).
    src: { type: String, hasChanged: () => true },
    tab: { state: true },
    compileModule: { attribute: false },
  };

  /** The builder's interface language: `de` (default) or `en`. */
  declare locale: string | null;
  /**
   * URL of a definition to open (its JSON), resolved against the page, as `<intake-form src>`.
   * Translation files it names are read for the translation table, and the command line's
   * `.meta.json` sidecars for their missing/outdated marks.
   */
  declare src: string | null;
  /**
   * Optional: turns a definition (translations inline) into its compiled module's source, e.g.
   * by asking the receiver. When set, an "Export compiled module" button appears.
   */
  declare compileModule: CompileModule | undefined;
  declare private tab: Tab;

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  hashes: Record<string, Record<string, string>> = {};
  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  external: Record<string, Record<string, string>> = {};
  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  translationLocale: string | undefined;
  private suppliedMeta: Record<string, Record<string, string>> = {};
  private loads = 0;
  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  selected: string[] | undefined;

  private history: History;
  private preview: PreviewState = { dir: 'auto', width: 'desktop' };
  /** The live region's text (a function where it is set before the interface language is known). */
  private status: string | ((strings: Strings_) => string) = '';
  private pendingFocus: string | undefined;
  private readyPending = true;
  /** The last check's result, for the definition and translation files it checked. */
  private checked: { doc: Json; files: object; problems: CheckProblem[] } | undefined;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** @internal How often the checks ran (the test that a burst of edits checks once reads it). */
  checkRuns = 0;

  constructor() {
    super();
    this.tab = 'questions';
    this.history = new History(emptyDefinition());
    const saved = readWork();
    if (saved) {
      this.history = new History(saved.definition);
      this.hashes = saved.hashes;
      this.external = saved.external;
      this.status = (strings) => strings.restored;
    }
  }

  /** The definition being edited, as a plain JSON copy. Setting it opens that definition. */
  get definition(): Json {
    return clone(this.history.current);
  }

  set definition(value: Json) {
    // A definition set while one loads from `src` wins over it.
    this.loads++;
    this.open(value, {}, {});
  }

  /**
   * The source hashes of inline translations, for their missing/outdated marks: per locale the
   * content of the command line's `.meta.json` sidecar (or just its `sources`, pointer → hash).
   * Kept for definitions opened later; with `src` the builder reads the sidecars itself.
   */
  get translationMeta(): Record<string, Record<string, string>> {
    return clone(this.suppliedMeta);
  }

  set translationMeta(value: Record<string, unknown> | null | undefined) {
    const supplied: Record<string, Record<string, string>> = {};
    for (const [locale, meta] of Object.entries(value ?? {})) {
      const hashes = hashesFromMeta(meta);
      if (hashes) supplied[locale] = hashes;
    }
    this.suppliedMeta = supplied;
    this.hashes = { ...this.hashes, ...clone(supplied) };
    this.requestUpdate();
  }

  /**
   * The translations of locales the definition names by file, as read when it was opened by
   * `src` and as edited since: locale → `{ file, translations }` (a copy). The person downloads
   * them from the translation table; a host page may save them itself.
   */
  get translationFiles(): Record<string, { file: string; translations: Record<string, string> }> {
    const translations = own(this.doc, 'translations');
    const files: Record<string, { file: string; translations: Record<string, string> }> = {};
    for (const [locale, table] of Object.entries(this.external)) {
      const file = isObject(translations) ? translations[locale] : undefined;
      if (typeof file === 'string') files[locale] = { file, translations: { ...table } };
    }
    return files;
  }

  private open(
    value: Json,
    hashes: Record<string, Record<string, string>>,
    external: Record<string, Record<string, string>>,
  ): void {
    this.history = new History(clone(value));
    this.hashes = { ...clone(this.suppliedMeta), ...hashes };
    this.external = external;
    this.selected = undefined;
    this.status = '';
    this.readyPending = true;
    // A newly opened definition is checked at once: old problems must not show beside it.
    this.checked = undefined;
    this.requestUpdate();
  }

  /** @internal The current definition, for the panels (not a copy: do not change it). */
  get doc(): Json {
    return this.history.current;
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  get uiLocale(): BuilderLocale {
    return this.locale === 'en' ? 'en' : 'de';
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  get s(): Strings_ {
    return stringsFor(this.uiLocale);
  }

  /** One editing step back. `true` when something changed. */
  undo(): boolean {
    const done = this.history.undo();
    this.afterChange(done ? this.s.undone : this.s.nothingToUndo, done);
    return done;
  }

  /** One editing step forward. `true` when something changed. */
  redo(): boolean {
    const done = this.history.redo();
    this.afterChange(done ? this.s.redone : this.s.nothingToRedo, done);
    return done;
  }

  /** The problems `intake-elements check` reports for the current definition, in the UI language. */
  check(): { pointer: string; message: string }[] {
    return this.problems().map((p) => ({ pointer: p.pointer, message: p.message }));
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  edit(change: (definition: Json) => Json, announcement?: string): void {
    const changed = this.history.apply(change(this.history.current));
    this.afterChange(announcement ?? '', changed);
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  select(path: string[] | undefined, focus?: string): void {
    this.selected = path;
    if (focus) this.pendingFocus = focus;
    this.requestUpdate();
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  focusAfterRender(selector: string): void {
    this.pendingFocus = selector;
    this.requestUpdate();
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  announce(message: string): void {
    this.status = message;
    this.requestUpdate();
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  problemsUnder(pointers: string[]): ShownProblem[] {
    return this.shownProblems().filter((p) =>
      pointers.some(
        (prefix) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`) || prefix === '',
      ),
    );
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  saveWork(): void {
    try {
      localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({ definition: this.doc, hashes: this.hashes, external: this.external }),
      );
    } catch {
      // Storage full or blocked (private mode): the work stays in the page until exported.
    }
  }

  /** @internal For the panels (ui/host.ts), not part of the element's API. */
  download(name: string, type: string, text: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The current problems, checked now if not yet (for `check()`; shown, as a scheduled run would). */
  private problems(): ShownProblem[] {
    if (!this.checkIsCurrent()) {
      this.runCheck();
      this.requestUpdate();
    }
    return this.localized();
  }

  /**
   * The problems to show while editing. The checks (ajv over the meta-schema, references,
   * translations) take tens of milliseconds on a large definition, too long to run on every
   * keystroke-sized edit: after an edit the last result stays shown and the check runs once the
   * author pauses ({@link CHECK_DELAY} ms without an edit).
   */
  private shownProblems(): ShownProblem[] {
    if (!this.checked) this.runCheck();
    else if (!this.checkIsCurrent()) this.scheduleCheck();
    return this.localized();
  }

  /** Runs the checks {@link CHECK_DELAY} ms from now; `restart` postpones a pending run. */
  private scheduleCheck(restart = false): void {
    if (this.checkTimer !== undefined && !restart) return;
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      this.checkTimer = undefined;
      if (this.checkIsCurrent()) return;
      this.runCheck();
      this.requestUpdate();
    }, CHECK_DELAY);
  }

  private runCheck(): void {
    clearTimeout(this.checkTimer);
    this.checkTimer = undefined;
    this.checkRuns++;
    let problems: CheckProblem[];
    try {
      problems = [
        ...checkDefinitionProblems(this.doc, this.filesToCheck()),
        ...builderProblems(this.doc),
      ];
    } catch (error) {
      problems = [{ pointer: '', message: String(error), code: 'check-failed', severity: 'error' }];
    }
    this.checked = { doc: this.doc, files: this.external, problems };
  }

  /** Whether the last check saw this definition and these translation files (edits replace both). */
  private checkIsCurrent(): boolean {
    return this.checked?.doc === this.doc && this.checked.files === this.external;
  }

  /** The file locales' translations the definition still names by file. */
  private filesToCheck(): Record<string, Record<string, string>> {
    const translations = own(this.doc, 'translations');
    return Object.fromEntries(
      Object.entries(this.external).filter(
        ([locale]) => isObject(translations) && typeof translations[locale] === 'string',
      ),
    );
  }

  /** @internal For the panels (ui/host.ts): a file locale's translations were edited. */
  fileEdited(locale: string): void {
    this.translationLocale = locale;
    this.afterChange('', true);
  }

  private localized(): ShownProblem[] {
    const locale = this.uiLocale;
    return (this.checked?.problems ?? []).map((p) => ({
      pointer: p.pointer,
      message: problemMessage(p, locale),
      severity: p.severity,
    }));
  }

  private afterChange(announcement: string, changed: boolean): void {
    if (announcement) this.status = announcement;
    if (changed) {
      if (this.checked) this.scheduleCheck(true);
      this.saveWork();
      this.dispatchEvent(
        new CustomEvent('intake-builder-change', {
          detail: { definition: this.definition, translationFiles: this.translationFiles },
          bubbles: true,
          composed: true,
        }),
      );
    }
    this.requestUpdate();
  }

  private exportJson(): void {
    const id = own(this.doc, 'id');
    this.download(
      `${typeof id === 'string' && id ? id : 'formular'}.json`,
      'application/json',
      `${JSON.stringify(this.doc, null, 2)}\n`,
    );
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing was stored.
    }
    this.announce(this.s.exported);
  }

  private async openFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const value = JSON.parse(await file.text()) as Json;
      if (!isObject(value)) throw new Error('not a JSON object');
      this.selected = undefined;
      this.edit(() => value, file.name);
    } catch (error) {
      this.announce(this.s.openFailed((error as Error).message));
    }
    input.value = '';
  }

  private onKey(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.composedPath()[0] as HTMLElement;
    // In text fields the browser's own undo applies.
    if (target.matches?.('input[type="text"], textarea, input:not([type])')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      this.undo();
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      this.redo();
    }
  }

  private onTabKey(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.tab);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.tab = TABS[next];
    this.pendingFocus = `#tab-${this.tab}`;
  }

  private renderTabs(): TemplateResult {
    const labels: Record<Tab, string> = {
      questions: this.s.tabQuestions,
      form: this.s.tabForm,
      translations: this.s.tabTranslations,
      json: this.s.tabJson,
    };
    return html`<div role="tablist" aria-label=${this.s.builderLabel} @keydown=${this.onTabKey}>
      ${TABS.map(
        (t) =>
          html`<button
            role="tab"
            id="tab-${t}"
            aria-selected=${this.tab === t ? 'true' : 'false'}
            aria-controls="panel-${t}"
            tabindex=${this.tab === t ? '0' : '-1'}
            @click=${() => (this.tab = t)}
          >
            ${labels[t]}
          </button>`,
      )}
    </div>`;
  }

  private renderTab(): TemplateResult {
    switch (this.tab) {
      case 'questions':
        return html`<div class="questions">
          ${renderQuestionList(this)} ${renderQuestionPanel(this)}
        </div>`;
      case 'form':
        return renderFormPanel(this);
      case 'translations':
        return renderTranslations(this);
      case 'json':
        return renderJsonPanel(this);
    }
  }

  override render(): TemplateResult {
    const count = this.shownProblems().filter((p) => p.severity === 'error').length;
    return html`<div @keydown=${this.onKey} lang=${this.uiLocale}>
      <header>
        <h1>${this.s.builderLabel}</h1>
        <button type="button" @click=${() => this.undo()} ?disabled=${!this.history.canUndo}>
          ${this.s.undo}
        </button>
        <button type="button" @click=${() => this.redo()} ?disabled=${!this.history.canRedo}>
          ${this.s.redo}
        </button>
        <button type="button" @click=${() => this.edit(() => emptyDefinition(), this.s.newForm)}>
          ${this.s.newForm}
        </button>
        <label class="file-button"
          >${this.s.openFile}
          <input type="file" accept=".json,application/json" @change=${this.openFile} />
        </label>
        <button type="button" @click=${this.exportJson}>${this.s.exportJson}</button>
        ${
          this.compileModule
            ? html`<button type="button" @click=${() => exportCompiled(this, this.compileModule!)}>
                ${this.s.exportCompiled}
              </button>`
            : nothing
        }
        <span class="count"
          >${count ? this.s.problemsCount(String(count)) : this.s.noProblems}</span
        >
      </header>
      <p role="status">${typeof this.status === 'function' ? this.status(this.s) : this.status}</p>
      <div class="layout">
        <main>
          ${this.renderTabs()}
          <div role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}">
            ${this.renderTab()}
          </div>
        </main>
        ${renderPreview(this, this.preview)}
      </div>
    </div>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.checkTimer);
    this.checkTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('src') && this.src) void this.load(this.src);
  }

  private async load(src: string): Promise<void> {
    const load = ++this.loads;
    // Ready is announced once the definition is read, not for what shows meanwhile.
    this.readyPending = false;
    try {
      const loaded = await loadDefinition(src, document.baseURI);
      if (load !== this.loads) return;
      this.open(loaded.definition, loaded.hashes, loaded.external);
      const failures = loaded.failures;
      if (failures.length)
        this.status = (s) => failures.map(([l, why]) => s.translationFileFailed(l, why)).join(' ');
    } catch (error) {
      if (load !== this.loads) return;
      const url = new URL(src, document.baseURI).href;
      this.status = (s) => s.loadFailed(url, (error as Error).message);
      this.readyPending = true;
      this.requestUpdate();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.pendingFocus) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
      this.pendingFocus = undefined;
      target?.focus();
    }
    if (this.readyPending) {
      this.readyPending = false;
      this.dispatchEvent(
        new CustomEvent('intake-builder-ready', { bubbles: true, composed: true }),
      );
    }
  }
}

type Tables = Record<string, Record<string, string>>;

function readWork(): { definition: Json; hashes: Tables; external: Tables } | undefined {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const value = JSON.parse(text) as Json;
    const definition = own(value, 'definition');
    const hashes = own(value, 'hashes');
    const external = own(value, 'external');
    if (!isObject(definition)) return undefined;
    return {
      definition,
      hashes: isObject(hashes) ? (hashes as Tables) : {},
      external: isObject(external) ? (external as Tables) : {},
    };
  } catch {
    return undefined;
  }
}

if (!customElements.get('intake-form-builder'))
  customElements.define('intake-form-builder', IntakeFormBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'intake-form-builder': IntakeFormBuilder;
  }
}
