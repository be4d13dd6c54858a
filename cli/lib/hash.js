/**
 * Source-text hashes: how `status` tells that a translation was made for an older source text.
 */
import { createHash } from 'node:crypto';

/** Describes the hash in the files that store it. */
export const HASH_ALGORITHM = 'sha256-hex16';

/**
 * Hash of one source text: the first 16 hex digits (64 bits) of the SHA-256 of its UTF-8 bytes.
 * The text is hashed exactly as written (no trimming or Unicode normalisation), so any edit of
 * the source, even of punctuation, marks its translations outdated.
 * @param {string} text
 * @returns {string}
 */
export function sourceHash(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}
