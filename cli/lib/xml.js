/**
 * Just enough XML for XLIFF: escaping for writing, and a small non-validating parser for reading
 * back what translators return. No DTDs and no entities beyond the five predefined ones and
 * character references, so a hostile file cannot expand entities or reach the file system.
 */

/**
 * Characters that XML 1.0 does not allow at all, even as character references: C0 controls other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. XLIFF 2.0 carries
 * them as `<cp hex="…"/>`.
 */
export const FORBIDDEN_CHAR =
  // eslint-disable-next-line no-control-regex -- matching these control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * Invisible characters that reorder or hide text (bidirectional controls). They are legal XML,
 * but written as character references so that a reviewer sees them in the file and an editor
 * does not reorder the markup around them (CVE-2021-42574, "Trojan Source").
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * @param {string} char
 */
function charRef(char) {
  return `&#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;
}

/**
 * Escapes text content: `&`, `<`, `>` (also in `]]>`), carriage returns (which parsers would turn
 * into line feeds) and bidi controls. Does not handle forbidden characters: see `FORBIDDEN_CHAR`.
 * @param {string} text
 * @returns {string}
 */
export function escapeText(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;')
    .replace(BIDI_CONTROL, charRef);
}

/**
 * Escapes an attribute value for double quotes; tabs and line breaks become character references
 * because parsers normalise them to spaces in attributes. Forbidden characters are dropped
 * (attributes cannot carry them in any form).
 * @param {string} text
 * @returns {string}
 */
export function escapeAttribute(text) {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(new RegExp(FORBIDDEN_CHAR.source, 'gu'), '');
}

/**
 * @typedef {object} XmlElement
 * @property {'element'} type
 * @property {string} name Qualified name as written (`xliff`, `mda:meta`).
 * @property {string} local Local name (without prefix).
 * @property {string} namespace Namespace URI ('' when none).
 * @property {Record<string, string>} attributes By qualified name as written.
 * @property {XmlNode[]} children
 */
/** @typedef {{ type: 'text', text: string }} XmlText */
/** @typedef {XmlElement | XmlText} XmlNode */

const NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/;
const PREDEFINED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A syntax error with a line number. */
export class XmlError extends Error {}

/**
 * Parses an XML document into a tree of elements and text. Comments, processing instructions and
 * the XML declaration are skipped; CDATA sections become text; a DOCTYPE is refused.
 * @param {string} source
 * @returns {XmlElement} the root element
 */
export function parseXml(source) {
  // XML normalises line ends before parsing (a literal CR is never seen; `&#xD;` still is).
  const xml = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let pos = 0;
  /** @type {XmlElement | undefined} */
  let root;
  /** @type {{ element: XmlElement, scope: Record<string, string> }[]} */
  const stack = [];

  const fail = (/** @type {string} */ message) => {
    const line = xml.slice(0, pos).split('\n').length;
    throw new XmlError(`${message} (line ${line})`);
  };

  /** @param {string} raw */
  const decode = (raw) =>
    raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (match, ref) => {
      if (ref === undefined) fail('"&" must be written as "&amp;"');
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
          fail(`Invalid character reference ${match}`);
        const char = String.fromCodePoint(code);
        if (FORBIDDEN_CHAR.test(char)) fail(`Character reference ${match} is not allowed in XML`);
        return char;
      }
      if (!(ref in PREDEFINED)) fail(`Unknown entity ${match}`);
      return PREDEFINED[/** @type {keyof typeof PREDEFINED} */ (ref)];
    });

  /** @param {string} text */
  const addText = (text) => {
    const parent = stack.at(-1);
    if (!parent) {
      if (text.trim() !== '') fail('Text outside the root element');
      return;
    }
    const last = parent.element.children.at(-1);
    if (last?.type === 'text') last.text += text;
    else parent.element.children.push({ type: 'text', text });
  };

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt !== pos) {
      const end = lt === -1 ? xml.length : lt;
      const raw = xml.slice(pos, end);
      if (raw.includes(']]>')) fail('"]]>" must not appear in text');
      addText(decode(raw));
      pos = end;
      continue;
    }
    if (xml.startsWith('<!--', pos)) {
      const end = xml.indexOf('-->', pos + 4);
      if (end === -1) fail('Unclosed comment');
      pos = end + 3;
    } else if (xml.startsWith('<![CDATA[', pos)) {
      const end = xml.indexOf(']]>', pos + 9);
      if (end === -1) fail('Unclosed CDATA section');
      if (!stack.length) fail('CDATA outside the root element');
      addText(xml.slice(pos + 9, end));
      pos = end + 3;
    } else if (xml.startsWith('<?', pos)) {
      const end = xml.indexOf('?>', pos + 2);
      if (end === -1) fail('Unclosed processing instruction');
      pos = end + 2;
    } else if (xml.startsWith('<!', pos)) {
      fail('DOCTYPE and other declarations are not accepted');
    } else if (xml.startsWith('</', pos)) {
      pos += 2;
      const name = NAME.exec(xml.slice(pos))?.[0];
      if (!name) fail('Bad closing tag');
      pos += /** @type {string} */ (name).length;
      while (/\s/.test(xml[pos] ?? '')) pos++;
      if (xml[pos] !== '>') fail(`Bad closing tag </${name}`);
      pos++;
      const open = stack.pop();
      if (!open || open.element.name !== name)
        fail(`Closing tag </${name}> does not match <${open?.element.name ?? ''}>`);
    } else {
      pos++;
      const name = NAME.exec(xml.slice(pos))?.[0];
      if (!name) fail('Bad tag');
      pos += /** @type {string} */ (name).length;
      /** @type {Record<string, string>} */
      const attributes = {};
      let selfClosing = false;
      for (;;) {
        const space = /^\s*/.exec(xml.slice(pos))?.[0].length ?? 0;
        pos += space;
        if (xml.startsWith('/>', pos)) {
          selfClosing = true;
          pos += 2;
          break;
        }
        if (xml[pos] === '>') {
          pos++;
          break;
        }
        if (!space) fail(`Bad attribute in <${name}>`);
        const attribute = NAME.exec(xml.slice(pos))?.[0];
        if (!attribute) fail(`Bad attribute in <${name}>`);
        pos += /** @type {string} */ (attribute).length;
        const eq = /^\s*=\s*(["'])/.exec(xml.slice(pos));
        if (!eq) fail(`Attribute ${attribute} of <${name}> needs a quoted value`);
        pos += /** @type {RegExpExecArray} */ (eq)[0].length;
        const quote = /** @type {RegExpExecArray} */ (eq)[1];
        const end = xml.indexOf(quote, pos);
        if (end === -1) fail(`Unclosed attribute value in <${name}>`);
        const raw = xml.slice(pos, end);
        if (raw.includes('<')) fail(`"<" in attribute ${attribute} of <${name}>`);
        if (Object.prototype.hasOwnProperty.call(attributes, /** @type {string} */ (attribute)))
          fail(`Duplicate attribute ${attribute} in <${name}>`);
        // Literal white space in attribute values is normalised to spaces (references are kept).
        attributes[/** @type {string} */ (attribute)] = decode(raw.replace(/[\t\n]/g, ' '));
        pos = end + 1;
      }
      const parentScope = stack.at(-1)?.scope ?? {
        xml: 'http://www.w3.org/XML/1998/namespace',
      };
      const scope = { ...parentScope };
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute === 'xmlns') scope[''] = value;
        else if (attribute.startsWith('xmlns:')) scope[attribute.slice(6)] = value;
      }
      const colon = /** @type {string} */ (name).indexOf(':');
      const prefix = colon === -1 ? '' : /** @type {string} */ (name).slice(0, colon);
      /** @type {XmlElement} */
      const element = {
        type: 'element',
        name: /** @type {string} */ (name),
        local:
          colon === -1
            ? /** @type {string} */ (name)
            : /** @type {string} */ (name).slice(colon + 1),
        namespace: scope[prefix] ?? '',
        attributes,
        children: [],
      };
      if (prefix && scope[prefix] === undefined) fail(`Undeclared namespace prefix ${prefix}:`);
      const parent = stack.at(-1);
      if (parent) parent.element.children.push(element);
      else if (root) fail('More than one root element');
      else root = element;
      if (!selfClosing) stack.push({ element, scope });
    }
  }
  if (stack.length) fail(`Unclosed element <${stack.at(-1)?.element.name}>`);
  if (!root) fail('No root element');
  return /** @type {XmlElement} */ (root);
}

/**
 * The child elements of an element, optionally only those with a local name.
 * @param {XmlElement} element
 * @param {string} [local]
 * @returns {XmlElement[]}
 */
export function childElements(element, local) {
  return /** @type {XmlElement[]} */ (
    element.children.filter(
      (child) => child.type === 'element' && (local === undefined || child.local === local),
    )
  );
}
