/**
 * Whether a text of the definition uses the Markdown subset that descriptions and help texts may
 * use (the renderer is a lazy part: src/widgets/markdown.ts).
 */

/**
 * Whether `text` uses anything of the Markdown subset: emphasis, links, escapes, line breaks or a
 * list item. Anything else is one paragraph of plain text, which both renderings show alike.
 */
export function hasMarkdown(text: string): boolean {
  return /[*_[\\\n\r]/.test(text) || /^ {0,3}(?:-|\d{1,9}[.)])[ \t]/.test(text);
}
