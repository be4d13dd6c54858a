/**
 * The live preview: the real `<intake-form>` with the definition being edited, switchable between
 * its locales, text direction, phone or desktop width, and its steps (shown without checking the
 * steps before, so that the author can look at any of them). Sending is answered in the page
 * (nothing leaves the browser), so the confirmation text can be seen too.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { clone, own, type Json } from '../core/json.js';
import type { BuilderHost } from './host.js';
import { localesOf } from './translations-panel.js';

export interface PreviewState {
  locale?: string;
  dir: 'auto' | 'ltr' | 'rtl';
  width: 'phone' | 'desktop';
  /** The preview form's active step titles and visible step (`-1`: the review), as it reports them. */
  steps?: string[];
  step?: number;
}

/** The preview's `<intake-form>` (its step API; the builder's bundle has the element). */
type PreviewForm = HTMLElement & {
  updateComplete: Promise<unknown>;
  steps: string[];
  step: number;
  showStep(index: number): Promise<boolean>;
};

/** Keeps the step list in step with the form: steps come and go with conditions and locales. */
function readSteps(host: BuilderHost, state: PreviewState, form: PreviewForm): void {
  const steps = form.steps;
  if (steps.join('\n') === state.steps?.join('\n') && form.step === state.step) return;
  state.steps = steps;
  state.step = form.step;
  host.requestUpdate();
}

/**
 * The form applies a new locale in its own time (it may load texts first) and fires no event
 * then: its step titles are read again after its renders of the next two seconds.
 */
async function readStepsInNewLocale(
  host: BuilderHost,
  state: PreviewState,
  form: PreviewForm,
): Promise<void> {
  const before = form.steps.join('\n');
  for (let i = 0; i < 40 && form.steps.join('\n') === before; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await form.updateComplete;
  }
  readSteps(host, state, form);
}

function renderStepSwitch(host: BuilderHost, state: PreviewState): TemplateResult | string {
  const steps = state.steps ?? [];
  if (steps.length < 2) return '';
  return html`<div class="field">
    <label for="pv-step">${host.s.previewStep}</label>
    <select
      id="pv-step"
      @change=${(e: Event) => {
        const select = e.target as HTMLSelectElement;
        const form = select.closest('aside')?.querySelector<PreviewForm>('intake-form');
        // The form focuses the step's heading, as on "Continue"; the author stays in the switch.
        void form?.showStep(Number(select.value)).then(() => select.focus());
      }}
    >
      ${steps.map(
        (title, i) =>
          html`<option value=${i} ?selected=${state.step === i}>${i + 1}. ${title}</option>`,
      )}
      ${state.step === -1 ? html`<option value="-1" selected>${host.s.previewReview}</option>` : ''}
    </select>
  </div>`;
}

/** One copy per definition state, so that re-rendering the builder does not reset the preview. */
const copies = new WeakMap<object, Json>();

function copyOf(definition: Json): Json {
  if (typeof definition !== 'object' || definition === null) return definition;
  let copy = copies.get(definition);
  if (!copy) {
    copy = clone(definition);
    copies.set(definition, copy);
  }
  return copy;
}

/**
 * Answers the preview's submissions in the page. (The form sends only with an `action`: the
 * preview's, `about:blank`, is never fetched, the transport answers instead.)
 */
async function previewTransport(): Promise<{ status: number; body: unknown }> {
  return { status: 200, body: { reference: 'VORSCHAU-1' } };
}

/** The preview pane. */
export function renderPreview(host: BuilderHost, state: PreviewState): TemplateResult {
  const lang = String(own(host.doc, 'lang') ?? 'de');
  const locales = [lang, ...localesOf(host.doc).inline.filter((l) => l !== lang)];
  const locale = state.locale && locales.includes(state.locale) ? state.locale : lang;
  return html`<aside class="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${host.s.preview}</h2>
    <div class="toolbar">
      <div class="field">
        <label for="pv-locale">${host.s.previewLocale}</label>
        <select
          id="pv-locale"
          @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            state.locale = select.value;
            host.requestUpdate();
            const form = select.closest('aside')?.querySelector<PreviewForm>('intake-form');
            if (form) void readStepsInNewLocale(host, state, form);
          }}
        >
          ${locales.map((l) => html`<option value=${l} ?selected=${l === locale}>${l}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="pv-dir">${host.s.previewDir}</label>
        <select
          id="pv-dir"
          @change=${(e: Event) => {
            state.dir = (e.target as HTMLSelectElement).value as PreviewState['dir'];
            host.requestUpdate();
          }}
        >
          <option value="auto" ?selected=${state.dir === 'auto'}>${host.s.dirAuto}</option>
          <option value="ltr" ?selected=${state.dir === 'ltr'}>ltr</option>
          <option value="rtl" ?selected=${state.dir === 'rtl'}>rtl</option>
        </select>
      </div>
      <fieldset class="inline">
        <legend>${host.s.width}</legend>
        ${(['phone', 'desktop'] as const).map(
          (w) =>
            html`<label
              ><input
                type="radio"
                name="pv-width"
                value=${w}
                .checked=${state.width === w}
                @change=${() => {
                  state.width = w;
                  host.requestUpdate();
                }}
              />
              ${host.s[w]}</label
            >`,
        )}
      </fieldset>
      ${renderStepSwitch(host, state)}
    </div>
    <div
      class="frame ${state.width}"
      dir=${ifDefined(state.dir === 'auto' ? undefined : state.dir)}
    >
      <intake-form
        .definition=${copyOf(host.doc)}
        .transport=${previewTransport}
        action="about:blank"
        locale=${locale}
        @intake-ready=${(e: Event) => readSteps(host, state, e.currentTarget as PreviewForm)}
        @intake-step=${(e: Event) => readSteps(host, state, e.currentTarget as PreviewForm)}
        @intake-change=${(e: Event) => readSteps(host, state, e.currentTarget as PreviewForm)}
      ></intake-form>
    </div>
  </aside>`;
}
