// @ts-check
/**
 * A byte count as people read it (`1.5 MB`, `1,5 MB`): shared by the file widget and review of
 * the element and the receiver's staff summary.
 */

/**
 * @param {number} bytes
 * @param {string} locale
 * @returns {string}
 */
export function formatBytes(bytes, locale) {
  const units = /** @type {const} */ (['byte', 'kilobyte', 'megabyte', 'gigabyte']);
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
