/**
 * What the static files cost a phone: each text file is compressed once (brotli and gzip, kept in
 * memory until the file changes) and sent in the best encoding the browser accepts; every file
 * carries a strong ETag so that definitions and translations revalidate with a 304; files whose
 * name carries a content hash (rollup's `chunks/name-Hash1234.js`) never change under that name
 * and are cached for a year as `immutable`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.map', '.css', '.svg', '.txt']);

/** Files above this are streamed as they are rather than held in memory. */
const MAX_CACHED_FILE = 8 * 1024 * 1024;
/** The cache forgets its oldest entries beyond this many bytes (all encodings together). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * rollup's `chunks/[name]-[hash].js` (rollup.config.js): eight characters of base64url before the
 * extension, in a `chunks` folder — a name like `intake-elements.js` has the same shape.
 */
const HASHED_NAME = /[/\\]chunks[/\\][^/\\]+-[A-Za-z0-9_-]{8}\.(?:js|mjs|css)(?:\.map)?$/;

/** @typedef {{ key: string, etag: string, identity: Buffer, br?: Buffer, gzip?: Buffer, bytes: number }} Entry */

/** @type {Map<string, Entry>} in insertion order, oldest first */
const cache = new Map();
let cachedBytes = 0;

function remember(file, entry) {
  const old = cache.get(file);
  if (old) {
    cachedBytes -= old.bytes;
    cache.delete(file);
  }
  cache.set(file, entry);
  cachedBytes += entry.bytes;
  for (const [name, oldest] of cache) {
    if (cachedBytes <= MAX_CACHE_BYTES) break;
    cache.delete(name);
    cachedBytes -= oldest.bytes;
  }
}

/**
 * The file's bytes, ETag and compressed forms, read and compressed once per version of the file
 * (its size and modification time).
 *
 * @param {string} file an absolute path already checked to be inside a served folder
 * @param {import('node:fs').Stats} info
 * @returns {Promise<Entry | undefined>} undefined for files too large to hold
 */
export async function cachedFile(file, info) {
  if (info.size > MAX_CACHED_FILE) return undefined;
  const key = `${info.size}:${info.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.key === key) return hit;
  const identity = await readFile(file);
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  /** @type {Entry} */
  const entry = { key, etag, identity, bytes: identity.length };
  if (COMPRESSIBLE.has(extname(file).toLowerCase()) && identity.length > 256) {
    const [br, gz] = await Promise.all([
      brotliAsync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
      gzipAsync(identity, { level: 9 }),
    ]);
    // Keep a compressed form only where it is smaller.
    if (br.length < identity.length) entry.br = br;
    if (gz.length < identity.length) entry.gzip = gz;
    entry.bytes += (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0);
  }
  remember(file, entry);
  return entry;
}

/**
 * The encoding to send: brotli, then gzip, then none, as the request's Accept-Encoding allows
 * (a `q=0` refuses one).
 *
 * @param {string | undefined} header
 * @param {Entry} entry
 * @returns {'br' | 'gzip' | undefined}
 */
export function chooseEncoding(header, entry) {
  if (!header) return undefined;
  const accepted = new Map();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const allows = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (entry.br && allows('br')) return 'br';
  if (entry.gzip && allows('gzip')) return 'gzip';
  return undefined;
}

/**
 * Cache-Control for a served file: a year and `immutable` for content-hashed names, otherwise
 * revalidate every time (definitions, translations, the main file and the demo change in place).
 *
 * @param {string} file
 */
export function cacheControl(file) {
  return HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Whether the request's If-None-Match names this ETag (`*`, or one of a list; weak tags compare
 * by their opaque part, as RFC 9110 allows for GET).
 *
 * @param {string | undefined} header
 * @param {string} etag
 */
export function matchesEtag(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
