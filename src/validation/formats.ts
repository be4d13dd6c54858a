/**
 * The string formats a form checks, shared by the runtime compiler and anything else that must
 * validate the same way (precompiled validators, the reference receiver).
 *
 * ajv-formats' formats (`email`, `uri`, `date`, `date-time`, …, in its strict "full" mode), plus
 * react-jsonschema-form's own `data-url` and `color`, and one deliberate relaxation: `time`.
 */
import type Ajv from 'ajv';

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

/**
 * Adds the formats beyond ajv-formats' to an ajv instance; call it after ajv-formats' own
 * `addFormats(ajv)` (this module does not import ajv-formats, which is CommonJS, so that it can be
 * loaded without a bundler).
 */
export function addIntakeFormats(ajv: Pick<Ajv, 'addFormat'>): void {
  ajv.addFormat('data-url', DATA_URL);
  ajv.addFormat('color', COLOR);
  ajv.addFormat('time', TIME);
}
