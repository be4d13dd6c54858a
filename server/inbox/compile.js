/**
 * `POST /inbox/api/compile`: the compile step (cli/lib/compile-definition.js) for the form
 * builder, so that a form owner who is signed in can export the compiled module of the form
 * they edit without a command line. The body is the definition with its translations inline
 * (the builder inlines the files it read); the answer is the module as a download.
 *
 * Compiling takes a second or more of CPU: one compile runs at a time per process, and a body
 * is limited to what a large real form needs.
 */
import { CompileError, compileDefinition } from '../../cli/lib/compile-definition.js';
import { problem } from '../http.js';
import { readJson, requireStaff } from './index.js';

/** A definition with every translation inline: the largest example is about 120 KB. */
const DEFINITION_LIMIT = 4 * 1024 * 1024;
const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** @param {import('fastify').FastifyInstance} app */
export async function compilePlugin(app) {
  let queue = Promise.resolve();

  app.post('/api/compile', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const definition = await readJson(request, DEFINITION_LIMIT);
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
      return problem(reply, 400, 'Bad Request', {
        detail: `Send the definition as a JSON object of at most ${DEFINITION_LIMIT} bytes.`,
      });
    }
    const run = queue.then(() =>
      compileDefinition(definition, {
        translations: 'inline',
        // A file name in the definition is never read on the server: the builder sends what
        // it read in the browser, inline.
        readTranslations: (url, locale) =>
          Promise.reject(
            new CompileError(
              `translations.${locale} names a file ("${url}"); send the translations inline.`,
              [{ pointer: `/translations/${locale}`, message: 'must be inline here' }],
            ),
          ),
      }),
    );
    queue = run.catch(() => {});
    let source;
    try {
      source = await run;
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      return problem(reply, 422, 'Unprocessable Content', {
        type: 'urn:intake-elements:problem:definition',
        detail: 'The definition cannot be compiled.',
        errors: error.problems.map((p) => ({ pointer: p.pointer ?? '', detail: p.message })),
      });
    }
    const id =
      typeof definition.id === 'string' && SAFE_ID.test(definition.id) ? definition.id : 'form';
    return reply
      .code(200)
      .headers({
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Disposition': `attachment; filename="${id}.js"`,
        'Cache-Control': 'no-store',
      })
      .send(source);
  });
}
