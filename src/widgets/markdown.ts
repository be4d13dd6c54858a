/**
 * A small Markdown subset for descriptions and help texts, turned into Lit templates. Every piece
 * of text is interpolated as text: nothing is ever handed to `innerHTML`, so a definition's text
 * can hold `<script>` or `<img onerror>` and shows it literally.
 *
 * The subset:
 * - paragraphs, separated by a blank line (a single line break stays a soft break);
 * - `*emphasis*` / `_emphasis_` and `**strong**` (an `_` inside a word, as in `snake_case`,
 *   is a plain underscore; runs of two or more `_` are plain text);
 * - lists: lines starting with `- ` or `* ` (bulleted), or `1. ` / `1) ` (numbered, starting
 *   at the first item's number); a following line that is not an item continues the item;
 * - links `[text](url)` to `http:`, `https:` and `mailto:` URLs (absolute, without spaces; the
 *   URL ends at the first `)`). Any other link (`javascript:`, `data:`, relative) is shown as the
 *   plain source text `[text](url)`, so the reader sees what was written;
 * - `\` before one of `` \ * _ [ ] ( ) ` `` and `-` `.` `#` makes it literal.
 * Anything else (headings, code, HTML, images) is plain text.
 *
 * Links open in the same tab, without `target`. A form is usually embedded in someone else's
 * page; opening tabs on the reader's behalf is a change of context they did not ask for (WCAG
 * G200/F22), and the reader keeps the choice to open a new tab. The back button normally returns
 * to the filled-in form (back/forward cache), and `draft="local"` keeps answers across pages. An
 * embedder who prefers new tabs passes `newTabNotice` (a translated "(opens in a new tab)"), which
 * adds `target="_blank"` and the notice, visually hidden, to http(s) links. Every link gets
 * `rel="noopener noreferrer"`: the linked page learns neither the form's address nor its window.
 *
 * Limits, so that hostile text cannot freeze the page: the parser runs in linear time (delimiter
 * searches remember their last answer); emphasis and links nest at most {@link MAX_DEPTH} levels;
 * after {@link MAX_BLOCKS} paragraphs and list items the rest is one plain paragraph; and a text
 * longer than {@link MAX_MARKDOWN_LENGTH} characters is plain text altogether.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';

/** Inline content: text, emphasis, strong emphasis or a link. */
export type Inline =
  | string
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

/** Block content: a paragraph, or a list of items (each item inline content). */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** How deep emphasis and links may nest; deeper delimiters are plain text. */
export const MAX_DEPTH = 4;

/**
 * Texts longer than this are shown as plain text, without Markdown: no description needs more,
 * and a hostile 100 000-character text then costs one text node.
 */
export const MAX_MARKDOWN_LENGTH = 20_000;

/** Paragraphs and list items beyond this many are shown as one plain-text paragraph. */
export const MAX_BLOCKS = 500;

/** Longer "URLs" are not taken for links (and keep the parser linear). */
const MAX_URL_LENGTH = 2048;

const SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '`', '-', '.', '#']);
const BULLET = /^ {0,3}[-*][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** The URL a link may point to, normalized; `undefined` for a scheme that is not allowed. */
export function safeHref(url: string): string | undefined {
  // Whitespace and control characters (which URL parsing would strip): not a URL we link to.
  // eslint-disable-next-line no-control-regex
  if (url === '' || /[\s\u0000-\u001f\u007f]/.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return SCHEMES.has(parsed.protocol) ? parsed.href : undefined;
}

/** The position of the next `needle` at or after `from`, remembering answers (see the module doc). */
class Finder {
  private readonly cache = new Map<string, { from: number; at: number }>();

  constructor(
    private readonly text: string,
    private readonly valid: (needle: string, at: number) => boolean,
  ) {}

  next(needle: string, from: number): number {
    const known = this.cache.get(needle);
    // The last search started at or before `from` and found nothing before `known.at`: the answer
    // for `from` is the same one, as long as `from` has not passed it.
    if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    let at = this.text.indexOf(needle, from);
    while (at !== -1 && !this.valid(needle, at)) at = this.text.indexOf(needle, at + 1);
    this.cache.set(needle, { from, at });
    return at;
  }
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || SPACE.test(char);
}

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/** Parses inline Markdown. */
export function parseInline(text: string, depth = 0, inLink = false): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push(buffer);
    buffer = '';
  };
  const closes = (needle: string, at: number): boolean => {
    if (text[at - 1] === '\\') return false;
    if (needle === '**') return !isSpace(text[at - 1]) && text[at + 2] !== '*';
    if (needle === '*')
      return !isSpace(text[at - 1]) && text[at - 1] !== '*' && text[at + 1] !== '*';
    if (needle === '_')
      return (
        !isSpace(text[at - 1]) &&
        text[at - 1] !== '_' &&
        text[at + 1] !== '_' &&
        !isWord(text[at + 1])
      );
    return true;
  };
  const finder = new Finder(text, closes);
  const nested = depth < MAX_DEPTH;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      buffer += next;
      i += 2;
      continue;
    }
    if (nested && char === '*' && next === '*' && text[i + 2] !== '*' && !isSpace(text[i + 2])) {
      const end = finder.next('**', i + 3);
      if (end !== -1) {
        flush();
        out.push({
          type: 'strong',
          children: parseInline(text.slice(i + 2, end), depth + 1, inLink),
        });
        i = end + 2;
        continue;
      }
    }
    if (
      nested &&
      (char === '*' || char === '_') &&
      next !== char &&
      text[i - 1] !== char &&
      !isSpace(next) &&
      (char === '*' || !isWord(text[i - 1]))
    ) {
      const end = finder.next(char, i + 2);
      if (end !== -1) {
        flush();
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end), depth + 1, inLink) });
        i = end + 1;
        continue;
      }
    }
    if (nested && !inLink && char === '[') {
      const link = parseLink(text, i, finder, depth);
      if (link) {
        flush();
        out.push(link.node);
        i = link.end;
        continue;
      }
    }
    buffer += char;
    i += 1;
  }
  flush();
  return out;
}

/**
 * A link `[label](url)` starting at `start`; `undefined` when the text there is not link syntax.
 * Link syntax with a URL that is not allowed becomes its own source text.
 */
function parseLink(
  text: string,
  start: number,
  finder: Finder,
  depth: number,
): { node: Inline; end: number } | undefined {
  const close = finder.next(']', start + 1);
  if (close === -1 || close === start + 1 || text[close + 1] !== '(') return undefined;
  // The label holds no `[`: in `[a [b](url)` only `[b](url)` is the link.
  const inner = finder.next('[', start + 1);
  if (inner !== -1 && inner < close) return undefined;
  const paren = finder.next(')', close + 2);
  if (paren === -1 || paren - close > MAX_URL_LENGTH) return undefined;
  const url = text.slice(close + 2, paren).trim();
  const label = text.slice(start + 1, close);
  const end = paren + 1;
  const href = safeHref(url);
  if (!href) return { node: text.slice(start, end), end };
  return { node: { type: 'link', href, children: parseInline(label, depth + 1, true) }, end };
}

/** Parses a text into paragraphs and lists. */
export function parseMarkdown(source: string): Block[] {
  if (source.length > MAX_MARKDOWN_LENGTH) return [{ type: 'paragraph', children: [source] }];
  const blocks: Block[] = [];
  let count = 0;
  let paragraph: string[] | undefined;
  let list: { ordered: boolean; start: number; items: string[][] } | undefined;
  const endParagraph = () => {
    if (paragraph) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = undefined;
  };
  const endList = () => {
    if (list) {
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((lines) => parseInline(lines.join('\n'))),
      });
    }
    list = undefined;
  };
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, line] of lines.entries()) {
    if (count >= MAX_BLOCKS) {
      // Enough structure: the rest is one paragraph of plain text.
      endParagraph();
      endList();
      blocks.push({ type: 'paragraph', children: [lines.slice(index).join('\n')] });
      break;
    }
    if (line.trim() === '') {
      endParagraph();
      endList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      endParagraph();
      if (list && list.ordered !== ordered) endList();
      if (!list) list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      count += 1;
      list.items.push([(bullet ?? numbered)![bullet ? 1 : 2]]);
      continue;
    }
    if (list) {
      // A line that is not an item continues the last one (a "lazy" continuation line).
      list.items[list.items.length - 1].push(line.trim());
      continue;
    }
    if (!paragraph) count += 1;
    (paragraph ??= []).push(line);
  }
  endParagraph();
  endList();
  return blocks;
}

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /**
   * When given (a translated "(opens in a new tab)"), http(s) links open in a new tab and say so
   * in visually hidden text. By default links open in the same tab.
   */
  newTabNotice?: string;
}

function renderInline(nodes: readonly Inline[], options: MarkdownOptions): unknown[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    const children = renderInline(node.children, options);
    if (node.type !== 'link')
      return node.type === 'em' ? html`<em>${children}</em>` : html`<strong>${children}</strong>`;
    const newTab = options.newTabNotice !== undefined && !node.href.startsWith('mailto:');
    return html`<a href=${node.href} rel="noopener noreferrer" target=${newTab ? '_blank' : nothing}
      >${children}${
        newTab ? html`<span class="visually-hidden"> ${options.newTabNotice}</span>` : nothing
      }</a
    >`;
  });
}

/**
 * Renders Markdown text. A text that is one paragraph renders as inline content (to sit inside a
 * `<p>`, `<span>` or `<label>`); more paragraphs or lists render as `<p>`, `<ul>` and `<ol>`.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): TemplateResult {
  const blocks = parseMarkdown(source);
  if (blocks.length === 1 && blocks[0].type === 'paragraph')
    return html`${renderInline(blocks[0].children, options)}`;
  return html`${blocks.map((block) => {
    if (block.type === 'paragraph') return html`<p>${renderInline(block.children, options)}</p>`;
    const items = block.items.map((item) => html`<li>${renderInline(item, options)}</li>`);
    return block.ordered
      ? html`<ol start=${block.start === 1 ? nothing : block.start}>
          ${items}
        </ol>`
      : html`<ul>
          ${items}
        </ul>`;
  })}`;
}
