/**
 * Static files for the demo (moved here from scripts/serve-demo.js): `/` is the index page, and
 * each root serves one folder under its prefix (`/dist/…` → `<dist>/…`). Nothing outside those
 * folders is ever served (no package.json, no src/), dotfiles are never served, and symlinks
 * that lead out of a folder are refused.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { sendText } from './http.js';

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
 * @param {import('node:http').IncomingMessage} req GET or HEAD
 * @param {import('node:http').ServerResponse} res
 * @param {string} path the URL path, without the query
 * @param {{ roots: Record<string, string>, index?: string }} options prefix → folder, and the
 *   file for `/`
 */
export async function serveStatic(req, res, path, { roots, index }) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return sendText(res, 400, 'Bad Request');
  }
  const segments = decoded.split('/').filter(Boolean);
  // Checked after decoding so %2e%2e and %2f cannot sneak a traversal past us; backslashes
  // and NUL are refused because they mean something to the file system but never to a URL here.
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    return sendText(res, 400, 'Bad Request');
  }

  let file;
  if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html')) {
    if (!index) return sendText(res, 404, 'Not Found');
    file = index;
  } else {
    const [prefix, ...rest] = segments;
    const base = Object.hasOwn(roots, prefix) ? roots[prefix] : undefined;
    // Dotfiles (.DS_Store, editor swap files) are never meant for the browser.
    if (!base || rest.length === 0 || rest.some((s) => s.startsWith('.'))) {
      return sendText(res, 404, 'Not Found');
    }
    file = join(base, ...rest);
    // A symlink inside dist/ could still point anywhere, so compare real paths.
    try {
      const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)]);
      if (!realFile.startsWith(realBase + sep)) return sendText(res, 404, 'Not Found');
      file = realFile;
    } catch {
      return sendText(res, 404, 'Not Found');
    }
  }

  let info;
  try {
    info = await stat(file);
  } catch {
    return sendText(res, 404, 'Not Found');
  }
  if (!info.isFile()) return sendText(res, 404, 'Not Found');

  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Always revalidate: the demo is used while `npm run build` rewrites dist/.
    'Cache-Control': 'no-cache',
    'Last-Modified': info.mtime.toUTCString(),
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
