// @ts-check
/**
 * The string formats a form checks beyond ajv-formats' own, in one place for the element's
 * runtime compiler, the command line's compiler and checker, and the reference receiver.
 *
 * ajv-formats' formats (`email`, `uri`, `date`, `date-time`, …, in its strict "full" mode), plus
 * react-jsonschema-form's own `data-url` and `color`, and one deliberate relaxation: `time`.
 *
 * Plain JavaScript (checked by tsc through its JSDoc) because the command line and the receiver
 * run it in Node without a build step.
 */

/** `data:[<media type>][;name=<file name>][;base64],<data>`, as the file widget writes it. */
export const DATA_URL =
  /^data:[a-z0-9!#$&^_.+-]*\/?[a-z0-9!#$&^_.+-]*(;[a-z0-9-]+=[^;,]*)*(;base64)?,[a-z0-9!$&',()*+;=\-._~:@/?%]*$/i;

/** `#rrggbb`, as `<input type="color">` writes it. */
export const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A time of day: `hh:mm`, optional `:ss` and fraction, optional offset (`Z`, `+01:00`).
 *
 * Deviation: JSON Schema's `time` is RFC 3339's `full-time`, which requires seconds and an offset.
 * `<input type="time">` writes a local wall-clock time such as `14:30`, which is what a form means
 * by a time (an appointment at half past two, wherever that is); ajv-formats rejects it, so no
 * time could ever be valid.
 */
export const TIME =
  /^([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\.[0-9]+)?)?(z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$/i;

/** The formats intake-elements adds after ajv-formats' own, by name. */
export const INTAKE_FORMATS = Object.freeze({ 'data-url': DATA_URL, color: COLOR, time: TIME });

/**
 * Adds the formats beyond ajv-formats' to an ajv instance; call it after ajv-formats' own
 * `addFormats(ajv)` (this module does not import ajv-formats, which is CommonJS, so that it loads
 * without a bundler).
 *
 * @param {{ addFormat(name: string, format: RegExp): unknown }} ajv
 */
export function addIntakeFormats(ajv) {
  for (const [name, format] of Object.entries(INTAKE_FORMATS)) ajv.addFormat(name, format);
}
