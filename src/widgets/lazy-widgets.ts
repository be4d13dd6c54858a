/**
 * Built-in widgets whose code is a chunk of its own, loaded when a form uses them: most forms
 * ask for no files, and few for a slider, a local date and time or a group of checkboxes.
 */
import { LazyModule } from '../internal/lazy-module.js';
import { registerLazyWidget } from './registry.js';

/** File fields (file-widget.ts). */
export const fileWidget = new LazyModule(() => import('./file-widget.js'));
registerLazyWidget('file', fileWidget);
registerLazyWidget('files', fileWidget);

/** The slider and the local date and time (rare-input-widgets.ts). */
const rareInputWidgets = new LazyModule(() => import('./rare-input-widgets.js'));
registerLazyWidget('range', rareInputWidgets);
registerLazyWidget('datetime-local', rareInputWidgets);

/** The checkbox group for lists of distinct choices (checkbox-group-widget.ts). */
registerLazyWidget('checkboxes', new LazyModule(() => import('./checkbox-group-widget.js')));
