/**
 * XLIFF for form translations: writes XLIFF 2.0 (one `<unit>` per translatable string, named by
 * its JSON Pointer) and reads XLIFF 2.0 or 1.2 back.
 */
import { FORBIDDEN_CHAR, childElements, escapeAttribute, escapeText, parseXml } from './xml.js';

export const XLIFF_2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF_1_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const METADATA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
/** `category` of the metadata group that carries intake-elements' own data. */
export const META_CATEGORY = 'intake-elements';

/**
 * @typedef {object} XliffUnit
 * @property {string} pointer JSON Pointer of the string in the definition (the translation key).
 * @property {string} source Source text.
 * @property {string} [target] Translation, if any.
 * @property {'initial' | 'translated' | 'reviewed' | 'final'} [state] Segment state.
 * @property {string} [sourceHash] Hash of the source text (see hash.js).
 * @property {string[]} [notes] Notes for translators (context).
 * @property {string[]} [warnings] Notes shown with a higher priority (e.g. "source changed").
 */

/**
 * @typedef {object} XliffDocument
 * @property {string} version `2.0` or `1.2`.
 * @property {string} sourceLang
 * @property {string} targetLang
 * @property {string} [original] The `original` attribute of the (first) file.
 * @property {XliffUnit[]} units
 */

// ---- unit ids --------------------------------------------------------------------------------

/**
 * Turns a JSON Pointer into an XLIFF 2.0 unit id (an XML NMTOKEN): `/` becomes `.`; ASCII letters,
 * digits, `-` and `:` stay; every other character (including `.`, `_`, `~`, `$`) becomes `_` +
 * its code point in hex + `_`. Reversible: `/schema/$defs/a.b/title` →
 * `.schema._24_defs.a_2e_b.title`. The pointer itself is also written as the unit's `name`.
 * @param {string} pointer
 * @returns {string}
 */
export function pointerToUnitId(pointer) {
  let id = '';
  for (const char of pointer) {
    if (char === '/') id += '.';
    else if (/[A-Za-z0-9:-]/.test(char)) id += char;
    else id += `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return id;
}

/**
 * The inverse of `pointerToUnitId`.
 * @param {string} id
 * @returns {string}
 */
export function unitIdToPointer(id) {
  return id
    .replace(/\./g, '/')
    .replace(/_([0-9a-fA-F]{1,6})_/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
}

// ---- writing ---------------------------------------------------------------------------------

/**
 * Escapes text for `<source>` / `<target>`, writing characters that XML cannot hold as XLIFF 2.0
 * `<cp hex="…"/>` elements.
 * @param {string} text
 */
function inlineText(text) {
  let out = '';
  let rest = text;
  const forbidden = new RegExp(FORBIDDEN_CHAR.source, 'u');
  for (let match = forbidden.exec(rest); match; match = forbidden.exec(rest)) {
    out += escapeText(rest.slice(0, match.index));
    const code = match[0].length === 1 ? match[0].charCodeAt(0) : (match[0].codePointAt(0) ?? 0);
    out += `<cp hex="${code.toString(16).toUpperCase().padStart(4, '0')}"/>`;
    rest = rest.slice(match.index + match[0].length);
  }
  return out + escapeText(rest);
}

/**
 * Writes an XLIFF 2.0 document with one file.
 * @param {object} options
 * @param {string} options.sourceLang BCP 47 tag of the source texts.
 * @param {string} options.targetLang BCP 47 tag of the translations.
 * @param {string} options.fileId Id of the `<file>` (made NMTOKEN-safe here).
 * @param {string} [options.original] The definition's file name.
 * @param {string[]} [options.fileNotes] Notes about the whole file.
 * @param {XliffUnit[]} options.units
 * @returns {string}
 */
export function writeXliff({ sourceLang, targetLang, fileId, original, fileNotes = [], units }) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_2_NS}" xmlns:mda="${METADATA_NS}" version="2.0" srcLang="${escapeAttribute(sourceLang)}" trgLang="${escapeAttribute(targetLang)}">`,
    `  <file id="${escapeAttribute(pointerToUnitId(fileId) || 'f')}"${original ? ` original="${escapeAttribute(original)}"` : ''} xml:space="preserve">`,
  ];
  if (fileNotes.length) {
    lines.push('    <notes>');
    for (const note of fileNotes)
      lines.push(`      <note category="instructions">${inlineTextForNote(note)}</note>`);
    lines.push('    </notes>');
  }
  for (const unit of units) {
    lines.push(
      `    <unit id="${escapeAttribute(pointerToUnitId(unit.pointer))}" name="${escapeAttribute(unit.pointer)}">`,
    );
    if (unit.sourceHash) {
      lines.push(
        '      <mda:metadata>',
        `        <mda:metaGroup category="${META_CATEGORY}">`,
        `          <mda:meta type="sourceHash">${escapeText(unit.sourceHash)}</mda:meta>`,
        '        </mda:metaGroup>',
        '      </mda:metadata>',
      );
    }
    const warnings = unit.warnings ?? [];
    const notes = unit.notes ?? [];
    if (warnings.length || notes.length) {
      lines.push('      <notes>');
      for (const note of warnings)
        lines.push(
          `        <note category="status" priority="1">${inlineTextForNote(note)}</note>`,
        );
      for (const note of notes)
        lines.push(`        <note category="context">${inlineTextForNote(note)}</note>`);
      lines.push('      </notes>');
    }
    const state = unit.state ?? (unit.target === undefined ? 'initial' : 'translated');
    lines.push(`      <segment state="${state}">`);
    lines.push(`        <source>${inlineText(unit.source)}</source>`);
    if (unit.target !== undefined)
      lines.push(`        <target>${inlineText(unit.target)}</target>`);
    lines.push('      </segment>', '    </unit>');
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

/**
 * Notes cannot hold `<cp>`: characters XML cannot carry are dropped from them.
 * @param {string} text
 */
function inlineTextForNote(text) {
  return escapeText(text.replace(new RegExp(FORBIDDEN_CHAR.source, 'gu'), ''));
}

// ---- reading ---------------------------------------------------------------------------------

/**
 * The text of `<source>` / `<target>` content: text, `<cp>` as its character, the content of
 * markers (`<mrk>`, `<pc>`, 1.2 `<g>`, `<mrk>`); placeholders for original codes are dropped.
 * @param {import('./xml.js').XmlElement} element
 * @returns {string}
 */
function contentText(element) {
  let text = '';
  for (const child of element.children) {
    if (child.type === 'text') text += child.text;
    else if (child.local === 'cp') {
      const code = parseInt(child.attributes.hex ?? '', 16);
      if (!Number.isNaN(code) && code <= 0x10ffff) text += String.fromCodePoint(code);
    } else if (['mrk', 'pc', 'g'].includes(child.local)) text += contentText(child);
  }
  return text;
}

const STATE_ORDER = ['initial', 'translated', 'reviewed', 'final'];

/**
 * Maps an XLIFF 1.2 `<target state>` (and `approved`) to an XLIFF 2.0 state.
 * @param {string | undefined} state
 * @param {string | undefined} approved
 * @returns {XliffUnit['state']}
 */
function stateFrom12(state, approved) {
  if (state === 'final' || state === 'signed-off') return 'final';
  if (approved === 'yes') return 'reviewed';
  if (state === 'translated') return 'translated';
  if (state === undefined) return undefined;
  return 'initial';
}

/**
 * The pointer a unit stands for: its `name` (2.0) / `resname` (1.2) when that is a JSON Pointer,
 * else its id (decoded when written by `pointerToUnitId`).
 * @param {Record<string, string>} attributes
 * @param {string} nameAttribute
 */
function unitPointer(attributes, nameAttribute) {
  const name = attributes[nameAttribute];
  if (name !== undefined && name.startsWith('/')) return name;
  const id = attributes.id ?? '';
  return id.startsWith('/') ? id : unitIdToPointer(id);
}

/**
 * Reads an XLIFF 2.0 or 1.2 document. Throws (with a short message) when it is not XLIFF.
 * @param {string} text
 * @returns {XliffDocument}
 */
export function readXliff(text) {
  const root = parseXml(text);
  if (root.local !== 'xliff') throw new Error(`not XLIFF (root element <${root.name}>)`);
  const version = root.attributes.version ?? '';
  if (root.namespace === XLIFF_2_NS || version.startsWith('2.')) return read2(root);
  if (root.namespace === XLIFF_1_NS || version.startsWith('1.')) return read12(root);
  throw new Error(`unsupported XLIFF version "${version}"`);
}

/**
 * @param {import('./xml.js').XmlElement} root
 * @returns {XliffDocument}
 */
function read2(root) {
  /** @type {XliffUnit[]} */
  const units = [];
  const files = childElements(root, 'file');
  /** @param {import('./xml.js').XmlElement} container */
  const collect = (container) => {
    for (const child of childElements(container)) {
      if (child.local === 'group') collect(child);
      if (child.local !== 'unit' || child.attributes.translate === 'no') continue;
      let source = '';
      let target = '';
      let complete = true;
      /** @type {XliffUnit['state']} */
      let state;
      for (const part of childElements(child)) {
        if (part.local !== 'segment' && part.local !== 'ignorable') continue;
        const sourceElement = childElements(part, 'source')[0];
        const targetElement = childElements(part, 'target')[0];
        const sourcePart = sourceElement ? contentText(sourceElement) : '';
        source += sourcePart;
        if (targetElement) target += contentText(targetElement);
        else if (part.local === 'ignorable') target += sourcePart;
        else complete = false;
        if (part.local === 'segment') {
          const segmentState = /** @type {NonNullable<XliffUnit['state']>} */ (
            part.attributes.state ?? 'initial'
          );
          if (!state || STATE_ORDER.indexOf(segmentState) < STATE_ORDER.indexOf(state))
            state = segmentState;
        }
      }
      let sourceHash;
      for (const metadata of childElements(child, 'metadata'))
        for (const group of childElements(metadata, 'metaGroup'))
          for (const meta of childElements(group, 'meta'))
            if (meta.attributes.type === 'sourceHash') sourceHash = contentText(meta);
      units.push({
        pointer: unitPointer(child.attributes, 'name'),
        source,
        target: complete ? target : undefined,
        state,
        sourceHash,
      });
    }
  };
  files.forEach(collect);
  return {
    version: '2.0',
    sourceLang: root.attributes.srcLang ?? '',
    targetLang: root.attributes.trgLang ?? '',
    original: files[0]?.attributes.original,
    units,
  };
}

/**
 * @param {import('./xml.js').XmlElement} root
 * @returns {XliffDocument}
 */
function read12(root) {
  /** @type {XliffUnit[]} */
  const units = [];
  const files = childElements(root, 'file');
  const targetLangs = new Set(files.map((file) => file.attributes['target-language'] ?? ''));
  if (targetLangs.size > 1)
    throw new Error(`files for several target languages (${[...targetLangs].join(', ')})`);
  /** @param {import('./xml.js').XmlElement} container */
  const collect = (container) => {
    for (const child of childElements(container)) {
      if (child.local === 'body' || child.local === 'group') collect(child);
      if (child.local !== 'trans-unit' || child.attributes.translate === 'no') continue;
      const sourceElement = childElements(child, 'source')[0];
      const targetElement = childElements(child, 'target')[0];
      units.push({
        pointer: unitPointer(child.attributes, 'resname'),
        source: sourceElement ? contentText(sourceElement) : '',
        target: targetElement ? contentText(targetElement) : undefined,
        state: stateFrom12(targetElement?.attributes.state, child.attributes.approved),
      });
    }
  };
  files.forEach(collect);
  return {
    version: '1.2',
    sourceLang: files[0]?.attributes['source-language'] ?? '',
    targetLang: [...targetLangs][0] ?? '',
    original: files[0]?.attributes.original,
    units,
  };
}
