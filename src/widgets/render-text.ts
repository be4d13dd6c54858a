/**
 * Descriptions and help texts: plain text as it is, and the Markdown subset (markdown.ts) through
 * its renderer, which is a chunk of its own: most forms write plain text only, and the element
 * loads the renderer before the first render when a definition's texts use Markdown.
 */
import type { TemplateResult } from 'lit/html.js';
import { lazyParts } from '../internal/lazy-parts.js';
import { hasMarkdown } from '../model/has-markdown.js';

const markdown = lazyParts.markdown;

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
