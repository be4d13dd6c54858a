/**
 * The stored form definitions as the inbox reads them: parsed once per hash (a hash never
 * changes its text), the translation table of a locale (inline in the definition, or the file it
 * names beside the definition in the receiver's forms folder), a re-validation with the stored
 * definition, and the title and routing questions of a form.
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { createFileCheck } from '../files.js';
import { compileSchema, isObject } from '../validation.js';

/**
 * @param {{ db: import('kysely').Kysely<any>, getDefinition: (hash: string) => Promise<string |
 *   undefined> }} storage
 * @param {{ formsDir?: string }} [options]
 */
export function createDefinitions(storage, { formsDir } = {}) {
  /** hash → Promise<definition | undefined> */
  const parsed = new Map();
  /** hash → validators */
  const checks = new Map();

  async function byHash(hash) {
    if (!hash) return undefined;
    if (!parsed.has(hash)) {
      parsed.set(
        hash,
        storage.getDefinition(hash).then((text) => {
          try {
            const definition = text === undefined ? undefined : JSON.parse(text);
            return isObject(definition) ? definition : undefined;
          } catch {
            return undefined;
          }
        }),
      );
    }
    return parsed.get(hash);
  }

  /** The newest stored definition of every form: form id → definition. */
  async function latest() {
    const rows = await storage.db
      .selectFrom('form_definitions')
      .select(['hash', 'form_id', 'first_seen_at'])
      .orderBy('first_seen_at')
      .execute();
    const newest = new Map();
    for (const row of rows) newest.set(row.form_id, row.hash);
    const result = new Map();
    for (const [formId, hash] of newest) result.set(formId, await byHash(hash));
    return result;
  }

  /**
   * The translation table for `locale` (or its language, "uk" for "uk-UA"), or undefined.
   * A file name is read only inside the forms folder.
   */
  async function translations(definition, locale) {
    const all = definition?.translations;
    if (!isObject(all) || typeof locale !== 'string') return undefined;
    const entry = all[locale] ?? all[locale.split('-')[0]];
    if (isObject(entry)) return entry;
    if (typeof entry !== 'string' || !formsDir) return undefined;
    try {
      const base = await realpath(formsDir);
      const file = await realpath(join(base, entry));
      if (!file.startsWith(base + sep) || dirname(file) === file) return undefined;
      const table = JSON.parse(await readFile(file, 'utf8'));
      return isObject(table) ? table : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Checks data again with the definition it was accepted with (a later change to the
   * definition does not turn an accepted submission red).
   *
   * @returns {Promise<{ valid: boolean, errors: Array<{ pointer: string, message: string }> }>}
   */
  async function validate(hash, data) {
    const definition = await byHash(hash);
    if (!definition) {
      return {
        valid: false,
        errors: [{ pointer: '', message: 'Die Formulardefinition liegt nicht vor.' }],
      };
    }
    if (!checks.has(hash)) {
      const schema = definition.schema;
      let schemaCheck;
      try {
        schemaCheck =
          schema === true ? () => [] : compileSchema(isObject(schema) ? schema : { not: {} });
      } catch (error) {
        schemaCheck = () => [
          { pointer: '', detail: `Die Definition ist fehlerhaft: ${error.message}` },
        ];
      }
      checks.set(hash, { schemaCheck, fileCheck: createFileCheck(definition) });
    }
    const { schemaCheck, fileCheck } = checks.get(hash);
    const errors = [...schemaCheck(data), ...(await fileCheck(data))];
    return {
      valid: errors.length === 0,
      errors: errors.map((error) => ({ pointer: error.pointer, message: error.detail })),
    };
  }

  return { byHash, latest, translations, validate };
}

/** A form's title from its definition (the schema's title), or its id. */
export function formTitle(definition, formId) {
  const title = definition?.schema?.title;
  return typeof title === 'string' && title.trim() ? title.trim() : formId;
}
