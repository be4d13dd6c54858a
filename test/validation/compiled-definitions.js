// A @web/test-runner middleware: compiles form definitions on request with the compiler of
// `intake-elements compile` (cli/lib/compile-definition.js) and serves the module, so that browser
// tests (test/validation/split.test.ts) can run precompiled validators of any schema they have.
//
//   GET /compiled/examples/<name>.js          schemas/<name>.json
//   GET /compiled/rjsf/<name>.js              test/fixtures/rjsf/<name>.json (its `schema`)
//   GET /compiled/fixtures/<dir>/<name>.js    test/fixtures/<dir>/<name>.json, dir `definitions`
//                                             or `broken-definitions`
//   GET /compiled/edge/<index>.js             EDGE_CASES[index] of test/helpers/split-equivalence.js
//   GET /compiled/loses/<index>.js            WHOLE_VALIDATION_LOSES[index] of the same
//
// Names are checked against the folder's listing; anything else is a 404. Definitions are
// compiled without the definition check (the corpus has ui mistakes that do not matter here).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { compileDefinition } from '../../cli/lib/compile-definition.js';
import { EDGE_CASES, WHOLE_VALIDATION_LOSES } from '../helpers/split-equivalence.js';

const ROOT = process.cwd();
const FOLDERS = {
  examples: path.join(ROOT, 'schemas'),
  rjsf: path.join(ROOT, 'test/fixtures/rjsf'),
  'fixtures/definitions': path.join(ROOT, 'test/fixtures/definitions'),
  'fixtures/broken-definitions': path.join(ROOT, 'test/fixtures/broken-definitions'),
};
const NAME = /^[A-Za-z0-9_-]+$/;

/** @type {Map<string, Promise<string | undefined>>} */
const cache = new Map();

/**
 * The definition behind a request path, or undefined.
 * @param {string} kind
 * @param {string} name
 */
async function definitionFor(kind, name) {
  if (kind === 'edge' || kind === 'loses') {
    const list = kind === 'edge' ? EDGE_CASES : WHOLE_VALIDATION_LOSES;
    const entry = /^\d+$/.test(name) ? list[Number(name)] : undefined;
    return entry && { id: `${kind}-${name}`, version: '1', lang: 'en', schema: entry.schema };
  }
  const folder = FOLDERS[kind];
  if (!folder || !NAME.test(name)) return undefined;
  const names = await readdir(folder).catch(() => []);
  if (!names.includes(`${name}.json`)) return undefined;
  let json;
  try {
    json = JSON.parse(await readFile(path.join(folder, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
  if (kind === 'rjsf') return { id: name, version: '1', lang: 'en', schema: json.schema };
  return json;
}

/** @param {string} requestPath */
function compiled(requestPath) {
  if (!cache.has(requestPath)) {
    cache.set(
      requestPath,
      (async () => {
        const match = /^\/compiled\/(.+)\/([^/]+)\.js$/.exec(requestPath);
        if (!match) return undefined;
        const definition = await definitionFor(match[1], match[2]);
        if (typeof definition?.schema !== 'object' || definition.schema === null) return undefined;
        try {
          return await compileDefinition(definition, { check: false });
        } catch {
          return undefined; // a schema ajv refuses: the element refuses it too
        }
      })(),
    );
  }
  return cache.get(requestPath);
}

export function compiledDefinitions() {
  return async function serveCompiled(context, next) {
    if (!context.path.startsWith('/compiled/')) return next();
    const source = context.method === 'GET' ? await compiled(context.path) : undefined;
    if (source === undefined) {
      context.status = 404;
      context.type = 'text/plain';
      context.body = 'Not found';
      return undefined;
    }
    context.status = 200;
    context.type = 'application/javascript';
    context.body = source;
    return undefined;
  };
}
