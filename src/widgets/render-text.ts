/**
 * Descriptions and help texts: plain text as it is, and the Markdown subset (markdown.ts) through
 * its renderer, which is a chunk of its own: most forms write plain text only, and the element
 * loads the renderer before the first render when a definition's texts use Markdown.
 */
import type { TemplateResult } from 'lit/html.js';
import { LazyModule } from '../internal/lazy-module.js';

/** The Markdown renderer, loaded on first use. */
export const markdown = new LazyModule(() => import('./markdown.js'));

/**
 * Whether `text` uses anything of the Markdown subset: emphasis, links, escapes, line breaks or a
 * list item. Anything else is one paragraph of plain text, which both renderings show alike.
 */
export function hasMarkdown(text: string): boolean {
  return /[*_[\\\n\r]/.test(text) || /^ {0,3}(?:-|\d{1,9}[.)])[ \t]/.test(text);
}

/**
 * A text of the definition as shown: Markdown rendered where it is used (and the renderer has
 * arrived: until then, and should it fail to load, the text is shown as written).
 */
export function renderText(text: string): TemplateResult | string {
  if (!hasMarkdown(text)) return text;
  if (markdown.module) return markdown.module.renderMarkdown(text);
  markdown.load().catch(() => undefined);
  return text;
}
