/**
 * The inbox's pages: one HTML page for every inbox URL a person can open (the script
 * `<intake-inbox>` picks the page from the URL), and the script itself from dist/inbox/ (made by
 * `npm run build`; the npm package ships it, so no build step is needed at the office).
 *
 *   GET /inbox/  /inbox/submissions/:reference  /inbox/print/:reference  /inbox/audit
 *       /inbox/deliveries
 *   GET /inbox/intake-inbox.js (and its source map)
 *
 * The page holds no inline script or style (the inbox's CSP forbids both): the element brings
 * its styles as constructed style sheets. The page is the same for everyone and holds no data;
 * what a person may see comes from /inbox/api/ after sign-in.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problem } from '../http.js';

/**
 * Where `npm run build` writes the inbox's script. Found from this file rather than from
 * ../config.js's REPO_ROOT: config.js imports the inbox's settings, so importing it back here
 * would be a cycle that leaves REPO_ROOT undefined while this module loads.
 */
export const INBOX_DIST = fileURLToPath(new URL('../../dist/inbox/', import.meta.url));

const PAGE = `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Posteingang – Staff inbox</title>
    <script type="module" src="/inbox/intake-inbox.js"></script>
  </head>
  <body>
    <intake-inbox></intake-inbox>
    <noscript>
      <p lang="de">Der Posteingang braucht JavaScript.</p>
      <p lang="en">The staff inbox needs JavaScript.</p>
    </noscript>
  </body>
</html>
`;

const PAGE_PATHS = ['/', '/submissions/:reference', '/print/:reference', '/audit', '/deliveries'];

/**
 * Fastify plugin (inside the inbox's prefix): the pages and the script.
 *
 * @param {import('fastify').FastifyInstance} app
 * @param {{ distDir?: string }} options `distDir`: where intake-inbox.js is (tests, packaging)
 */
export async function pagesPlugin(app, options) {
  const distDir = options.distDir ?? INBOX_DIST;

  for (const url of PAGE_PATHS) {
    app.get(url, async (request, reply) =>
      reply
        .code(200)
        .header('Content-Type', 'text/html; charset=utf-8')
        .send(request.method === 'HEAD' ? undefined : PAGE),
    );
  }

  for (const name of ['intake-inbox.js', 'intake-inbox.js.map']) {
    app.get(`/${name}`, async (request, reply) => {
      let body;
      try {
        body = await readFile(join(distDir, name));
      } catch {
        return problem(reply, 404, 'Not Found', {
          detail: 'The inbox script is missing: run `npm run build`.',
        });
      }
      return reply
        .code(200)
        .header(
          'Content-Type',
          name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
        )
        .send(body);
    });
  }
}
