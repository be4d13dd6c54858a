/**
 * The one seam between the main file and the parts of the library that most forms never use:
 * each is a chunk of the build, loaded when a form needs it (src/form/needed-parts.ts says which
 * a definition needs). Every lazy part is declared here and nowhere else.
 */
import { loadLaterStrings } from '../i18n/localization.js';
import { LazyModule } from './lazy-module.js';

/** A part that shows strings of the later catalogue (src/i18n/localization.ts) arrives with them. */
function withLaterStrings<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadLaterStrings().catch(() => undefined)]).then(([part]) => part);
}

export const lazyParts = {
  /** Conditions, object alternatives, their defaults and the validator's noise filter. */
  conditions: new LazyModule(() => import('./chunks/conditions.js'), 'conditions'),
  /** The choice between object alternatives. */
  alternatives: new LazyModule(
    () => import('../widgets/render-alternatives.js'),
    'render-alternatives',
  ),
  /** Lists: their model and their rendering. */
  lists: new LazyModule(() => import('./chunks/lists.js'), 'lists'),
  /** Maps (objects with entries named by the person): their model and their editor. */
  maps: new LazyModule(() => import('./chunks/maps.js'), 'maps'),
  /** "Add …" and "Remove …" of optional objects. */
  optionalObjects: new LazyModule(
    () => import('../widgets/render-optional-object.js'),
    'render-optional-object',
  ),
  /** The Markdown subset of descriptions and help texts. */
  markdown: new LazyModule(() => import('../widgets/markdown.js'), 'markdown'),
  /** Size limits and `$ref` checks of a raw (not compiled) definition. */
  rawChecks: new LazyModule(
    () => import('./chunks/raw-definition-checks.js'),
    'raw-definition-checks',
  ),
  /** Drafts on this device (`draft="local"`). */
  drafts: new LazyModule(() => import('./chunks/drafts.js'), 'drafts'),
  /** The envelope, the transport and delivery with retries (loaded once the form is usable). */
  delivery: new LazyModule(() => import('./chunks/delivery.js'), 'delivery'),
  /** The offline outbox. */
  outbox: new LazyModule(
    () => withLaterStrings(import('../controllers/outbox-sender.js')),
    'outbox-sender',
  ),
  /** "Check your answers". */
  review: new LazyModule(() => withLaterStrings(import('../views/review.js')), 'review'),
  /** The confirmation after the backend accepted a submission. */
  confirmation: new LazyModule(
    () => withLaterStrings(import('../views/confirmation.js')),
    'confirmation',
  ),
  /** The panel shown when a definition cannot be used. */
  definitionError: new LazyModule(
    () => withLaterStrings(import('../views/definition-error.js')),
    'definition-error',
  ),
  /** File fields. */
  fileWidget: new LazyModule(() => import('../widgets/file-widget.js'), 'file-widget'),
  /** The slider and the local date and time. */
  rareInputWidgets: new LazyModule(
    () => import('../widgets/rare-input-widgets.js'),
    'rare-input-widgets',
  ),
  /** The checkbox group for lists of distinct choices. */
  checkboxes: new LazyModule(
    () => import('../widgets/checkbox-group-widget.js'),
    'checkbox-group-widget',
  ),
  /** Encryption of the envelope to the office's key (definitions with `encryption`). */
  encryption: new LazyModule(
    () => withLaterStrings(import('../crypto/seal-envelope.js')),
    'seal-envelope',
  ),
  /** The look of `<intake-language-picker>`. */
  languagePicker: new LazyModule(() => import('../views/language-picker.js'), 'language-picker'),
};
