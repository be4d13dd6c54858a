/**
 * Times from either database as ISO strings: SQLite keeps the text it was given, PostgreSQL's
 * timestamptz comes back as a Date.
 *
 * @param {string | Date | null | undefined} value
 * @returns {string | undefined}
 */
export function isoTime(value) {
  if (value === null || value === undefined) return undefined;
  return new Date(value).toISOString();
}
