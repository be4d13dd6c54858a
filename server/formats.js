/**
 * The project's extra string formats and its dialect rule, in plain JavaScript for the receiver.
 *
 * A copy, kept deliberately small and dependency-free, of
 *   - src/validation/formats.ts  (DATA_URL, COLOR, TIME, addIntakeFormats)
 *   - src/validation/dialect.ts  (detectDialect)
 * so that the server checks data exactly as the element does. Change both together; the tests in
 * server/validation.test.js pin the behaviour that must stay the same.
 */

/** `data:[<media type>][;name=<file name>][;base64],<data>`, as the file widget writes it. */
export const DATA_URL =
  /^data:[a-z0-9!#$&^_.+-]*\/?[a-z0-9!#$&^_.+-]*(;[a-z0-9-]+=[^;,]*)*(;base64)?,[a-z0-9!$&',()*+;=\-._~:@/?%]*$/i;

/** `#rrggbb`, as `<input type="color">` writes it. */
export const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A time of day: `hh:mm`, optional `:ss` and fraction, optional offset (`Z`, `+01:00`).
 * Deliberately more lenient than RFC 3339's `full-time` (see src/validation/formats.ts):
 * `<input type="time">` writes `14:30`.
 */
export const TIME =
  /^([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\.[0-9]+)?)?(z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$/i;

/** Adds the formats beyond ajv-formats' own; call it after `addFormats(ajv)`. */
export function addIntakeFormats(ajv) {
  ajv.addFormat('data-url', DATA_URL);
  ajv.addFormat('color', COLOR);
  ajv.addFormat('time', TIME);
}

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-0[67]\/schema#?$/;
const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

/** Keywords whose values are data: nothing in them is a keyword. */
const DATA = new Set(['enum', 'const', 'default', 'examples']);

/** Keywords whose values map names to schemas: their keys are names, not keywords. */
const MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

function usesDraft07Keywords(node, depth = 0, inMap = false) {
  if (typeof node !== 'object' || node === null || depth > 200) return false;
  if (Array.isArray(node)) return node.some((item) => usesDraft07Keywords(item, depth + 1));
  if (inMap) return Object.values(node).some((value) => usesDraft07Keywords(value, depth + 1));
  if (
    'definitions' in node ||
    'dependencies' in node ||
    'additionalItems' in node ||
    Array.isArray(node.items)
  )
    return true;
  return Object.entries(node).some(
    ([key, value]) => !DATA.has(key) && usesDraft07Keywords(value, depth + 1, MAPS.has(key)),
  );
}

/**
 * `'draft-07'` or `'2020-12'`: `$schema` decides; without it 2020-12, unless the schema uses
 * keywords only draft-07 has. Throws for a `$schema` the project does not support.
 *
 * @param {Record<string, unknown>} schema
 * @returns {'draft-07' | '2020-12'}
 */
export function detectDialect(schema) {
  const declared = schema.$schema;
  if (typeof declared === 'string') {
    if (DRAFT_2020.test(declared)) return '2020-12';
    if (DRAFT_07.test(declared)) return 'draft-07';
    throw new Error(`Unsupported $schema: ${declared}`);
  }
  return usesDraft07Keywords(schema) ? 'draft-07' : '2020-12';
}
