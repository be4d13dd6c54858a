/**
 * What the inbox's "Decrypt" area needs from the server for an encrypted submission, besides the
 * JWE in the detail: the form's definition as a compiled, eval-free module (same origin, so the
 * inbox's strict CSP lets the page import it), with which the browser validates the answers it
 * decrypted, exactly as the receiver validates plain ones. The server never sees the answers.
 */
import { CompileError, compileDefinition } from '../../cli/lib/compile-definition.js';
import { problem } from '../http.js';
import { findVisible, notFound } from './access.js';
import { requireStaff } from './index.js';

/** How many compiled validator modules are kept (a few forms are in use at a time). */
export const VALIDATOR_CACHE_SIZE = 32;

/**
 * Compiled validator modules by definition hash (a definition never changes under its hash),
 * at most `max`, the least recently used dropped first: every version of every form ever
 * submitted has its own hash, and a long-running receiver must not keep them all in memory.
 */
export function validatorCache(max = VALIDATOR_CACHE_SIZE) {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest use first.
  const entries = new Map();
  return {
    get size() {
      return entries.size;
    },
    /** The module compiled for `hash`, or undefined; a hit counts as its latest use. */
    get(hash) {
      if (!entries.has(hash)) return undefined;
      const source = entries.get(hash);
      entries.delete(hash);
      entries.set(hash, source);
      return source;
    },
    /** Keeps `source` for `hash`, dropping the least recently used beyond `max`. */
    set(hash, source) {
      entries.delete(hash);
      entries.set(hash, source);
      while (entries.size > max) entries.delete(entries.keys().next().value);
    },
  };
}

/** @param {import('fastify').FastifyInstance} app @param {{ useStorage: () => Promise<any> }} options */
export async function decryptPlugin(app, { useStorage }) {
  const compiled = validatorCache();

  app.get('/api/submissions/:reference/validator.js', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const storage = await useStorage();
    const row = await findVisible(storage.db, request.staff, request.params.reference);
    if (!row || !row.definition_hash) return notFound(reply, problem);
    let source = compiled.get(row.definition_hash);
    if (!source) {
      const text = await storage.getDefinition(row.definition_hash);
      if (text === undefined) return notFound(reply, problem);
      try {
        // Translations given by file name stay names: validation needs none of them.
        source = await compileDefinition(JSON.parse(text), { translations: 'keep' });
      } catch (error) {
        if (!(error instanceof CompileError)) throw error;
        return problem(reply, 422, 'Unprocessable Content', {
          detail: 'The form definition of this submission cannot be compiled.',
        });
      }
      compiled.set(row.definition_hash, source);
    }
    return reply
      .code(200)
      .headers({
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(source);
  });
}
