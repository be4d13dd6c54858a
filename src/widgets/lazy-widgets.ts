/**
 * Built-in widgets whose code is a lazy part of its own (src/internal/lazy-parts.ts), loaded when
 * a form uses them: most forms ask for no files, and few for a slider, a local date and time or a
 * group of checkboxes.
 */
import { lazyParts } from '../internal/lazy-parts.js';
import { registerLazyWidget } from './registry.js';

registerLazyWidget('file', lazyParts.fileWidget);
registerLazyWidget('files', lazyParts.fileWidget);
registerLazyWidget('range', lazyParts.rareInputWidgets);
registerLazyWidget('datetime-local', lazyParts.rareInputWidgets);
registerLazyWidget('checkboxes', lazyParts.checkboxes);
