/**
 * The bridge from the element to its widgets: what rendering a field may ask of the form (texts,
 * shown errors) and do to it (set a value, add a list entry), each change contained so that
 * whatever a definition makes a change throw shows as the definition error, not on the host page.
 */
import type { FocusController } from '../controllers/focus-controller.js';
import type { FormState } from '../form/form-state.js';
import type { FormText } from '../i18n/form-text.js';
import { getLocale } from '../i18n/localization.js';
import type { RenderContext } from './render-field.js';

/** What the element lends its widgets for one render. */
export interface RenderContextSource {
  state: FormState;
  focus: FocusController;
  text: FormText;
  locale: string;
  /** Where lists and optional objects look for their controls (the element's shadow root). */
  root: HTMLElement | DocumentFragment;
  /** Runs a change; a throw becomes the definition error (`undefined` then). */
  contain<T>(action: () => T): T | undefined;
}

/** The render context of one render of the form. */
export function renderContext(source: RenderContextSource): RenderContext {
  const { state, focus, contain, root } = source;
  const signatures = state.groupSignatures();
  return {
    text: source.text,
    locale: source.locale,
    // The library's own strings ("(optional)", error messages) follow the loaded locale.
    stringsLocale: getLocale(),
    groupSignature: (name) => signatures.get(name),
    shownError: (pointer) => state.shownError(pointer),
    setValue: (pointer, value) => contain(() => state.setValue(pointer, value)),
    touch: (pointer) => contain(() => state.touch(pointer)),
    setLocalError: (pointer, message) => state.setLocalError(pointer, message),
    reading: (work) => state.pendingInput.add(work),
    rawText: (pointer) => state.rawText(pointer),
    setRawText: (pointer, text) => contain(() => state.setRawText(pointer, text)),
    chooseAlternative: (pointer, index) => contain(() => state.chooseAlternative(pointer, index)),
    arrays: {
      root,
      // (The fallbacks only keep the types: a failed change shows the definition error.)
      addItem: (field) => contain(() => state.addItem(field)) ?? 0,
      removeItem: (field, index) => contain(() => state.removeItem(field, index)) ?? 0,
      moveItem: (field, from, to) => contain(() => state.moveItem(field, from, to)) ?? false,
      afterUpdate: (action) => focus.afterUpdate(action),
      announce: (text) => focus.announce(text),
    },
    objects: {
      root,
      setValue: (pointer, value) => contain(() => state.setValue(pointer, value)),
      newValue: (at) => contain(() => state.newValue(at)),
      afterUpdate: (action) => focus.afterUpdate(action),
      announce: (text) => focus.announce(text),
    },
  };
}
