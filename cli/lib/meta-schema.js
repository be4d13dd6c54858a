/**
 * The JSON Schema of the definition format itself (schemas/intake-definition.schema.json) and a
 * validator for it that reports every problem with the JSON Pointer of the offending value.
 *
 * For editors, the meta-schema checks the form's own `schema` against the JSON Schema dialect's
 * meta-schema (`then`/`else` of `$defs/jsonSchema`). Here those references are left out: the
 * schema is checked separately, with ajv in the dialect the element uses (check-schema.js), which
 * gives one precise message per problem instead of the dialect meta-schema's cascades.
 */
import { readFileSync } from 'node:fs';
import { createMetaSchemaValidator, validateWith } from './meta-schema-core.js';

export { distance, suggest } from './meta-schema-core.js';

/** Where the meta-schema is, and its `$id`. */
export const META_SCHEMA_URL = new URL(
  '../../schemas/intake-definition.schema.json',
  import.meta.url,
);
export const META_SCHEMA_ID = 'urn:intake-elements:intake-definition';

/** @typedef {{ pointer: string, message: string, code: string }} Problem */

/** The meta-schema as published. */
export function readMetaSchema() {
  return JSON.parse(readFileSync(META_SCHEMA_URL, 'utf8'));
}

/** @type {import('ajv').ValidateFunction | undefined} */
let validator;

/**
 * Validates a parsed definition against the meta-schema.
 * @param {unknown} definition
 * @returns {Problem[]}
 */
export function validateAgainstMetaSchema(definition) {
  validator ??= createMetaSchemaValidator(readMetaSchema());
  return validateWith(definition, validator);
}
