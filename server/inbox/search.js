/**
 * Full-text search over the answers. The searched text of a submission (`submission_search`,
 * written at ingest by ./routing.js and for older rows by the migration) is its reference and
 * every string and number in its data except files. SQLite searches it with FTS5 (diacritics
 * ignored: "Quaxenbruck" finds "Quaxenbrück"), PostgreSQL with a tsvector ('simple'
 * configuration: no stemming, the answers are in many languages) under a GIN index.
 *
 * What staff type is cut into words of letters and digits; every word must occur, as a word or
 * the start of one ("berg" finds "Bergkamen"). Nothing of the query reaches SQL but those words.
 */
import { sql } from 'kysely';
import { isDataUrl } from '../summary-text.js';

/** At most this many words of a query count (a pasted paragraph is not a query). */
const MAX_WORDS = 8;

/**
 * The searched text of one submission.
 *
 * @param {string} reference
 * @param {unknown} data the envelope's `data`
 */
export function searchText(reference, data) {
  const parts = [reference];
  const walk = (value, depth) => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (!isDataUrl(value)) parts.push(value);
    } else if (typeof value === 'number') {
      parts.push(String(value));
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) walk(item, depth + 1);
    }
  };
  walk(data, 0);
  return parts.join(' ');
}

/** The words of a query, lower case; empty when it has none. */
export function queryWords(query) {
  if (typeof query !== 'string') return [];
  return (
    query
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_WORDS);
}

/**
 * A condition on `s.reference` (submissions aliased `s`): the submissions whose text holds every
 * word (as a prefix of a word).
 *
 * @param {import('kysely').ExpressionBuilder<any, any>} eb
 * @param {'sqlite' | 'postgres'} kind
 * @param {string[]} words from queryWords()
 */
export function matches(eb, kind, words) {
  const found = eb.selectFrom('submission_search').select('submission_search.reference');
  if (kind === 'postgres') {
    const query = words.map((word) => `${word}:*`).join(' & ');
    return eb('s.reference', 'in', found.where(sql`document @@ to_tsquery('simple', ${query})`));
  }
  const query = words.map((word) => `"${word}"*`).join(' ');
  return eb('s.reference', 'in', found.where(sql`body MATCH ${query}`));
}
