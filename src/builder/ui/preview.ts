/**
 * The live preview: the real `<intake-form>` with the definition being edited, switchable between
 * its locales, text direction, and phone or desktop width. Sending is answered in the page
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

/** Answers the preview's submissions in the page. */
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
            state.locale = (e.target as HTMLSelectElement).value;
            host.requestUpdate();
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
    </div>
    <div
      class="frame ${state.width}"
      dir=${ifDefined(state.dir === 'auto' ? undefined : state.dir)}
    >
      <intake-form
        .definition=${copyOf(host.doc)}
        .transport=${previewTransport}
        locale=${locale}
      ></intake-form>
    </div>
  </aside>`;
}
