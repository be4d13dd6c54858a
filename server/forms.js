/**
 * Form definitions, read from `<formsDir>/<id>.json` (JSON only) and compiled with ajv once per
 * version of the file. A definition is used only when its own `id` is the file's name.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { compileSchema, isObject } from './validation.js';
import { defaultPrefix } from './references.js';
import { createFileCheck } from './files.js';
import { bodyLimitFor } from '../src/core/limits.js';

/** Form ids as they may appear in a URL and a file name: no dots first, no slashes. */
export const FORM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** A definition file exists but cannot be used (not JSON, no schema, ajv rejects the schema). */
export class DefinitionError extends Error {}

/**
 * @param {{ formsDir: string, prefixes?: Record<string, string>, prefix?: string }} options
 *   `prefixes`: reference prefix per form id; `prefix`: one for every other form (default: from
 *   the form id)
 */
export function createFormRegistry({ formsDir, prefixes = {}, prefix }) {
  /** id → { mtimeMs, size, form } */
  const cache = new Map();
  /** The forms folder's real path, once it was found. */
  let realBase;

  /**
   * The form, or undefined when there is no such definition. Throws a DefinitionError when the
   * file is there but broken.
   *
   * @returns {Promise<undefined | { id: string, version: string | undefined, definition: object,
   *   text: string, hash: string, prefix: string, validate: (data: unknown) => Array<{ pointer:
   *   string, keyword: string, detail: string }>, bodyLimit: number, checkFiles: (data: unknown)
   *   => Promise<Array<{ pointer: string, keyword: string, detail: string }>> }>}
   */
  async function get(id) {
    if (typeof id !== 'string' || !FORM_ID.test(id)) return undefined;
    let file;
    let info;
    try {
      // The folder's real path once (it does not move under a running receiver); the file's on
      // every request, with its size and time beside it, so that an edited definition is used
      // at once. Both looked up together: they are the path's target either way.
      realBase ??= await realpath(formsDir);
      const path = join(formsDir, `${id}.json`);
      const [realFile, found] = await Promise.all([realpath(path), stat(path)]);
      // A symlink in the folder could point anywhere.
      if (!realFile.startsWith(realBase + sep)) return undefined;
      file = realFile;
      info = found;
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;

    const cached = cache.get(id);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.form;
    // Kept while it compiles, so that the requests that arrive meanwhile (40 at once when a
    // receiver starts under load) wait for this one compilation instead of each starting its
    // own. A file that turns out unusable is not kept: it is read again next time.
    const form = compile(id, file);
    const entry = { mtimeMs: info.mtimeMs, size: info.size, form };
    cache.set(id, entry);
    const forget = () => cache.get(id) === entry && cache.delete(id);
    form.then((compiled) => compiled ?? forget(), forget);
    return form;
  }

  /** Reads and compiles one definition file (see get()). */
  async function compile(id, file) {
    const text = await readFile(file, 'utf8');
    let definition;
    try {
      definition = JSON.parse(text);
    } catch (error) {
      throw new DefinitionError(`${id}.json is not JSON: ${error.message}`);
    }
    if (!isObject(definition) || definition.id !== id) return undefined;
    const schema = definition.schema;
    if (!isObject(schema) && typeof schema !== 'boolean') {
      throw new DefinitionError(`${id}.json has no schema`);
    }
    let validate;
    try {
      validate = compileSchema(isObject(schema) ? schema : { not: {} });
      if (schema === true) validate = () => [];
    } catch (error) {
      throw new DefinitionError(`${id}.json: ${error.message}`);
    }
    const form = {
      id,
      version: typeof definition.version === 'string' ? definition.version : undefined,
      definition,
      text,
      hash: createHash('sha256').update(text).digest('hex'),
      prefix: prefixes[id] ?? prefix ?? defaultPrefix(id),
      validate,
      // Every file the form accepts, as base64, plus room for the rest (src/core/limits.js).
      bodyLimit: bodyLimitFor(definition),
      checkFiles: createFileCheck(definition),
    };
    return form;
  }

  return { get };
}
