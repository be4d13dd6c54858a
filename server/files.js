/**
 * The receiver's file checks: each file field's size (`ui:options.maxSize`, default 10 MB) and
 * type (`ui:options.accept`), from the definition, as the element checks them before reading a
 * file — but here on the bytes that arrived. The type is read from the content's magic bytes
 * (`file-type`), never from the file name or the type the data URL declares: both are whatever
 * the sender wrote.
 *
 * Text has no magic bytes: content `file-type` does not know counts as `text/plain` (`.txt`,
 * `.csv`) when it is UTF-8 without control characters, and as an unknown type otherwise, which
 * only a field without `accept` takes.
 */
import { fileTypeFromBuffer } from 'file-type';
import { fileFields } from '../src/core/limits.js';
import { appendPointer } from '../src/core/json-pointer.js';

/** Other spellings of the same type in an `accept` list. */
const EXTENSION_ALIASES = { jpeg: 'jpg', jpe: 'jpg', tiff: 'tif', htm: 'html', heif: 'heic' };
const MIME_ALIASES = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };
/** What a text file (no magic bytes, valid UTF-8) counts as. */
const TEXT = { mimes: ['text/plain', 'text/csv'], extensions: ['txt', 'csv', 'text'] };
/** Control characters other than tab, line feed, carriage return and form feed. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/**
 * @param {{ schema?: unknown, ui?: unknown }} definition
 * @returns {(data: unknown) => Promise<Array<{ pointer: string, keyword: string, detail: string }>>}
 */
export function createFileCheck(definition) {
  const fields = fileFields(definition);
  if (fields.length === 0) return async () => [];
  return async (data) => {
    const errors = [];
    for (const field of fields) {
      for (const [pointer, value] of valuesAt(data, field.path)) {
        // A list of files: each entry; anything but a string is ajv's to refuse.
        if (typeof value !== 'string') continue;
        const error = await checkFile(value, field);
        if (error) errors.push({ pointer, ...error });
      }
    }
    return errors;
  };
}

/**
 * @param {string} dataUrl
 * @param {{ maxSize: number, accept: string | undefined }} field
 * @returns {Promise<{ keyword: string, detail: string } | undefined>}
 */
export async function checkFile(dataUrl, { maxSize, accept }) {
  const bytes = decodeDataUrl(dataUrl);
  if (bytes === undefined) return { keyword: 'format', detail: 'Must be a valid data-url.' };
  if (bytes.length > maxSize) {
    return { keyword: 'maxSize', detail: `The file must not be larger than ${maxSize} bytes.` };
  }
  if (accept && !accepted(await detectType(bytes), accept)) {
    return {
      keyword: 'accept',
      detail: `The file's content is not of an accepted type (${accept}).`,
    };
  }
  return undefined;
}

/**
 * The type of the content: `{ ext, mime }` from its magic bytes, the text type, or undefined.
 *
 * @param {Buffer} bytes
 */
export async function detectType(bytes) {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return { ext: found.ext, mimes: [found.mime], extensions: [found.ext] };
  if (isPlainText(bytes)) return { ext: 'txt', ...TEXT };
  return undefined;
}

function isPlainText(bytes) {
  try {
    return !CONTROL.test(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

/** Whether a detected type matches an `accept` list (`.pdf`, `image/*`, `application/pdf`). */
function accepted(type, accept) {
  if (!type) return false;
  return accept
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry.startsWith('.')) {
        const ext = entry.slice(1);
        return type.extensions.includes(EXTENSION_ALIASES[ext] ?? ext);
      }
      if (entry.endsWith('/*')) return type.mimes.some((m) => m.startsWith(entry.slice(0, -1)));
      return type.mimes.includes(MIME_ALIASES[entry] ?? entry);
    });
}

/** The bytes of a data URL (`;base64` or percent-encoded), or undefined if it is none. */
export function decodeDataUrl(dataUrl) {
  if (!dataUrl.startsWith('data:')) return undefined;
  const comma = dataUrl.indexOf(',');
  if (comma === -1) return undefined;
  const params = dataUrl.slice(5, comma).split(';');
  const payload = dataUrl.slice(comma + 1);
  if (params.includes('base64')) return Buffer.from(payload, 'base64');
  // Percent-encoded bytes (the format allows only ASCII around them).
  const binary = payload.replace(/%([0-9a-f]{2})/gi, (_m, hex) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return Buffer.from(binary, 'latin1');
}

/** The values at a path (`*`: every index of a list) with their JSON Pointers. */
function* valuesAt(value, path, pointer = '', index = 0) {
  if (index === path.length) {
    yield [pointer, value];
    return;
  }
  const token = path[index];
  if (token === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      yield* valuesAt(value[i], path, appendPointer(pointer, i), index + 1);
    }
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  if (!Object.prototype.hasOwnProperty.call(value, token)) return;
  yield* valuesAt(value[token], path, appendPointer(pointer, token), index + 1);
}
