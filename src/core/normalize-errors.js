// @ts-check
/**
 * Turns ajv's errors into the public error shape (error-shape.js), with the noise of
 * alternatives left out (alternative-noise.js). The element and the reference receiver report
 * errors this way, so that both point at the same fields.
 */
import { alternativeNoise } from './alternative-noise.js';
import { shapeErrors } from './error-shape.js';

/** @typedef {import('./error-shape.js').RawError} RawError */
/** @typedef {import('./error-shape.js').FieldError} FieldError */
/** @typedef {import('./error-shape.js').NormalizeOptions} NormalizeOptions */

export { alternativeNoise } from './alternative-noise.js';
export { mergeErrors } from './error-shape.js';

/**
 * Normalizes, de-duplicates and sorts (most important first within a pointer) ajv errors.
 *
 * @param {readonly RawError[] | null | undefined} errors
 * @param {NormalizeOptions} [options]
 * @returns {FieldError[]}
 */
export function normalizeErrors(errors, options = {}) {
  return shapeErrors(errors, alternativeNoise, options);
}
