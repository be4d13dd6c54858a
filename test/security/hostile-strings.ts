/**
 * Hostile strings: text that would run script, inject elements, spoof the reading direction or
 * break encoders if a form handled it as anything but text. Every payload that could execute sets
 * `window.__pwned` (or calls `alert`), so a test can tell that nothing ran.
 *
 * Used in every text slot of a definition (test/security/hostile-text.test.ts) and as data.
 */

/** One hostile string and what it is. */
export interface Hostile {
  name: string;
  text: string;
}

export const HOSTILE: readonly Hostile[] = [
  { name: 'script tag', text: '<script>window.__pwned=1;alert(1)</script>' },
  { name: 'img onerror', text: '<img src=x onerror="window.__pwned=1">' },
  { name: 'attribute breakout', text: '"><img src=x onerror=window.__pwned=1>' },
  { name: 'single-quote breakout', text: "'><svg onload=window.__pwned=1>" },
  { name: 'svg onload', text: '<svg><script>window.__pwned=1</script></svg>' },
  { name: 'svg animate', text: '<svg><animate onbegin=window.__pwned=1 attributeName=x dur=1s>' },
  {
    name: 'mathml',
    text: '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mtext></math>',
  },
  { name: 'mathml href', text: '<math href="javascript:window.__pwned=1"><mi>x</mi></math>' },
  { name: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>' },
  { name: 'object data', text: '<object data="javascript:window.__pwned=1"></object>' },
  { name: 'javascript URL', text: 'javascript:window.__pwned=1//' },
  { name: 'markdown javascript link', text: '[click me](javascript:window.__pwned=1)' },
  { name: 'markdown data link', text: '[click me](data:text/html,<script>alert(1)</script>)' },
  { name: 'anchor javascript', text: '<a href="javascript:window.__pwned=1">click</a>' },
  { name: 'style import', text: '<style>@import "https://evil.example/x.css";</style>' },
  {
    name: 'template expression',
    text: '${window.__pwned=1}{{constructor.constructor("alert(1)")()}}',
  },
  { name: 'lit marker lookalike', text: '<!--?lit$123$-->lit$123$<?lit$123$>' },
  {
    name: 'html comment and cdata',
    text: '<!-- x --><![CDATA[<img src=x onerror=window.__pwned=1>]]>',
  },
  { name: 'entities', text: '&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &#60;b&#62;' },
  { name: 'meta refresh', text: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', text: '<base href="https://evil.example/">' },
  { name: 'form action', text: '<form action="https://evil.example"><button>Send</button></form>' },
  { name: 'right-to-left override', text: 'invoice\u202Efdp.exe\u202C and \u202Dltr\u202C' },
  {
    name: 'bidi isolates',
    text: '\u2067Arabic \u0639\u0631\u0628\u064A\u2069 \u2066LTR\u2069 \u2068x\u2069',
  },
  { name: 'bidi marks', text: '\u200F\u200E\u061C mixed \u05E2\u05D1\u05E8\u05D9\u05EA 123' },
  { name: 'zero-width', text: 'zero\u200Bwidth\u200Cjoin\u200Dnbsp\u2060word\uFEFFbom' },
  { name: 'lone high surrogate', text: 'before \uD800 after' },
  { name: 'lone low surrogate', text: 'before \uDFFF after' },
  { name: 'reversed pair', text: 'swap \uDC00\uD800 end' },
  {
    name: 'emoji sequences',
    text: '👩‍👩‍👧‍👦 🏳️‍🌈 🇩🇪 👍🏽 🧑🏿‍🦰 ❤️‍🔥 1️⃣',
  },
  {
    name: 'combining marks',
    text: 'Z\u0351\u0358\u0347a\u036B\u0301\u0308l\u0300\u0300g\u0301o\u0306',
  },
  { name: 'control characters', text: 'nul\u0000bell\u0007esc\u001B[31mred\u001B[0m del\u007F' },
  { name: 'line separators', text: 'line\u2028separator\u2029paragraph' },
  { name: 'prototype keys', text: '__proto__' },
  { name: 'constructor', text: 'constructor' },
  { name: 'json pointer specials', text: 'a/b~0c~1d/~' },
  { name: 'format string', text: '%s%s%n%x {0} ${0} %(name)s' },
  { name: 'sql', text: "Robert'); DROP TABLE students;--" },
  { name: 'empty-looking', text: '\u3164\u115F\u2800' },
];

/**
 * `text` with each lone surrogate written out as `\uXXXX` (six characters). ajv cannot compile a
 * schema whose property names hold lone surrogates (it percent-encodes them into schema paths,
 * which throws "URI malformed"), so property names use this form; the element's answer to such a
 * name is tested in test/security/bad-definitions.test.ts.
 */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A 100 000-character string: hostile payloads, emoji, bidi controls and text, repeated. */
export const LONG: string = (() => {
  const unit = `${HOSTILE.map((h) => h.text).join(' ')} Lorem ipsum dolor sit amet. `;
  return unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
})();

/** Tags that must never appear in the page because of a form's text. */
export const FORBIDDEN_TAGS = new Set([
  'script',
  'img',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'style',
  'link',
  'meta',
  'base',
  'template',
  'animate',
  'table',
  'mglyph',
]);

/** Whether an element is one that text could have smuggled in. */
export function isInjected(element: Element): string | undefined {
  const tag = element.localName;
  if (FORBIDDEN_TAGS.has(tag)) return `<${tag}>`;
  if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return `<${tag}> (foreign)`;
  for (const attribute of element.getAttributeNames()) {
    if (attribute.toLowerCase().startsWith('on')) return `<${tag} ${attribute}>`;
  }
  for (const attribute of ['href', 'src', 'action', 'formaction', 'data', 'srcdoc']) {
    const value = element.getAttribute(attribute);
    if (value === null) continue;
    if (attribute === 'srcdoc') return `<${tag} srcdoc>`;
    // Browsers ignore whitespace and control characters in a scheme (`java\tscript:`).
    // eslint-disable-next-line no-control-regex
    const scheme = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
    if (/^(javascript|data|vbscript|blob):/.test(scheme)) return `<${tag} ${attribute}=${value}>`;
  }
  return undefined;
}
