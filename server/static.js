/**
 * Static files for the demo (moved here from scripts/serve-demo.js): `/` is the index page, and
 * each root serves one folder under its prefix (`/dist/…` → `<dist>/…`). Nothing outside those
 * folders is ever served (no package.json, no src/), dotfiles are never served, and symlinks
 * that lead out of a folder are refused. Compression and caching headers: static-cache.js.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { problem } from './http.js';
import { cacheControl, cachedFile, chooseEncoding, matchesEtag } from './static-cache.js';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {import('fastify').FastifyRequest} request GET or HEAD
 * @param {import('fastify').FastifyReply} reply
 * @param {string} path the URL path, without the query
 * @param {{ roots: Record<string, string>, index?: string }} options prefix → folder, and the
 *   file for `/`
 */
export async function serveStatic(request, reply, path, { roots, index }) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return problem(reply, 400, 'Bad Request');
  }
  const segments = decoded.split('/').filter(Boolean);
  // Checked after decoding so %2e%2e and %2f cannot sneak a traversal past us; backslashes
  // and NUL are refused because they mean something to the file system but never to a URL here.
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    return problem(reply, 400, 'Bad Request');
  }

  let file;
  if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html')) {
    if (!index) return problem(reply, 404, 'Not Found');
    file = index;
  } else {
    const [prefix, ...rest] = segments;
    const base = Object.hasOwn(roots, prefix) ? roots[prefix] : undefined;
    // Dotfiles (.DS_Store, editor swap files) are never meant for the browser.
    if (!base || rest.length === 0 || rest.some((s) => s.startsWith('.'))) {
      return problem(reply, 404, 'Not Found');
    }
    file = join(base, ...rest);
    // A symlink inside dist/ could still point anywhere, so compare real paths.
    try {
      const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)]);
      if (!realFile.startsWith(realBase + sep)) return problem(reply, 404, 'Not Found');
      file = realFile;
    } catch {
      return problem(reply, 404, 'Not Found');
    }
  }

  let info;
  try {
    info = await stat(file);
  } catch {
    return problem(reply, 404, 'Not Found');
  }
  if (!info.isFile()) return problem(reply, 404, 'Not Found');

  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'Cache-Control': cacheControl(file),
    'Last-Modified': info.mtime.toUTCString(),
  };
  const head = request.method === 'HEAD';
  const entry = await cachedFile(file, info).catch(() => undefined);
  if (!entry) {
    // Too large to hold in memory: streamed as it is, revalidated by date.
    reply.code(200).headers({ ...headers, 'Content-Length': String(info.size) });
    if (head) return reply.send();
    return reply.send(createReadStream(file));
  }
  headers.ETag = entry.etag;
  if (entry.br || entry.gzip) headers.Vary = 'Accept-Encoding';
  if (matchesEtag(request.headers['if-none-match'], entry.etag)) {
    return reply.code(304).headers(headers).send();
  }
  const encoding = chooseEncoding(request.headers['accept-encoding'], entry);
  if (encoding) headers['Content-Encoding'] = encoding;
  // For HEAD, Node sends the headers (Content-Length of this body included) and drops the body.
  return reply
    .code(200)
    .headers(headers)
    .send(encoding ? entry[encoding] : entry.identity);
}
