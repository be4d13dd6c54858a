/**
 * Built-in widgets whose code is a chunk of its own, loaded when a form uses them: most forms
 * ask for no files.
 */
import { LazyModule } from '../lazy-module.js';
import { registerLazyWidget } from './registry.js';

/** File fields (file-widget.ts). */
export const fileWidget = new LazyModule(() => import('./file-widget.js'));
registerLazyWidget('file', fileWidget);
registerLazyWidget('files', fileWidget);
