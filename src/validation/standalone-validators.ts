/**
 * A raw definition's validators as code that can be kept (validator-cache.ts) and run again on a
 * later visit without compiling the schema: ajv's standalone code, as `npx intake-elements
 * compile` writes it, but CommonJS (`exports.v0 = …`) evaluated with `new Function`, which a raw
 * definition needs anyway (ajv's runtime compile is `new Function` too, so the page's policy must
 * allow `'unsafe-eval'` either way). Part of the compiler chunk.
 *
 * The code has the validators of a compiled module, under the same keys (precompiled.ts): the
 * shell and one per root property (or the whole schema where the root cannot be split), and one
 * per location the form matches (src/core/validator-locations.js). Read back, it is given to
 * `precompiledValidator` like a compiled module's.
 */
import * as ucs2length from 'ajv/dist/runtime/ucs2length.js';
import * as equal from 'ajv/dist/runtime/equal.js';
import * as uri from 'ajv/dist/runtime/uri.js';
import * as validationError from 'ajv/dist/runtime/validation_error.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { whenIdle } from '../internal/when-idle.js';
import { nextTask } from './ajv-parts.js';
import { addRootSchema, createAjv, referenceOfPointer, standaloneCode } from '../core/ajv-setup.js';
import { detectDialect } from './dialect.js';
import { INTAKE_FORMATS } from '../core/formats.js';
import { hollowSplit, pointerInSplit, splitDocument } from '../core/split-schema.js';
import {
  propertyKey,
  SHELL_KEY,
  validatorLocations,
  WHOLE_KEY,
} from '../core/validator-locations.js';
import type { SchemaObject } from '../model/types.js';
import { isCompiledDefinition, type CompiledCheck } from './precompiled.js';
import type { CacheEntry } from './validator-cache.js';

type AjvInstance = ReturnType<typeof createAjv>;

/** Validators whose code is generated together (see `generate`). */
const EXPORTS_PER_BATCH = 50;

/** How long `evaluateSource` evaluates batches before it lets the browser handle input. */
const EVALUATE_SLICE_MS = 40;

/** The module name the code asks for the formats (`createAjv`'s `formatsModule`). */
export const FORMATS_MODULE = 'intake-elements:formats';

/**
 * One of ajv's runtime helpers as its code asks for it (`require("ajv/dist/runtime/equal")
 * .default`), however the bundler wrapped the CommonJS module: the first function, or object
 * that carries its own `code` (fast-uri), going down `default`s.
 */
function helper(module: unknown): unknown {
  for (let value = module, depth = 0; value && depth < 3; depth += 1) {
    if (typeof value === 'function' || typeof (value as { code?: unknown }).code === 'string')
      return value;
    value = (value as { default?: unknown }).default;
  }
  throw new Error('an ajv runtime helper is missing');
}

/** What the code may `require`: nothing else evaluates. */
function modules(): Record<string, unknown> {
  return {
    'ajv/dist/runtime/ucs2length': { default: helper(ucs2length) },
    'ajv/dist/runtime/equal': { default: helper(equal) },
    'ajv/dist/runtime/uri': { default: helper(uri) },
    'ajv/dist/runtime/validation_error': { default: helper(validationError) },
    [FORMATS_MODULE]: { formats: { ...fullFormats, ...INTAKE_FORMATS } },
  };
}

/**
 * Waits for the browser to be idle (or a moment), so that compiling what the first render did
 * not need does not hold up the person's first keystrokes.
 */
export function idle(): Promise<void> {
  return new Promise((resolve) => whenIdle(resolve));
}

/**
 * The code of every validator of `schema`, as a compiled module has them. Compiled by an ajv
 * instance of its own (keeping every function's source, which the form's own instance does not
 * hold on to: it is let go once the code is written), a part at a time in idle moments: the
 * root first (ajv compiles the whole document before any part of it), then each property and
 * location. Throws where ajv cannot compile the schema. Like cli/lib/compile-definition.js, with
 * the same split and fall-back to the whole schema.
 */
export async function standaloneSource(
  schema: SchemaObject,
): Promise<Pick<CacheEntry, 'code' | 'keys'>> {
  const dialect = detectDialect(schema);
  const newAjv = () =>
    createAjv(dialect, { standalone: true, esm: false, formatsModule: FORMATS_MODULE });
  // The hollow split where it is safe: then no part of the work is the whole form at once.
  const hollow = hollowSplit(schema);
  for (const split of [hollow, hollow ? undefined : splitDocument(schema)]) {
    if (!split) continue;
    try {
      const ajv = newAjv();
      const rootKey = addRootSchema(ajv, split.document, dialect, hollow ? schema : undefined);
      const at = (pointer: string) =>
        referenceOfPointer(rootKey, hollow ? pointerInSplit(split, pointer) : pointer);
      return await generate(ajv, rootKey, schema, at, [
        [SHELL_KEY, referenceOfPointer(rootKey, split.shell)],
        ...split.properties.map((name, i): [string, string] => [
          propertyKey(name),
          referenceOfPointer(rootKey, split.wrappers[i]),
        ]),
      ]);
    } catch {
      // The whole schema instead, as the element does when ajv refuses the split.
    }
  }
  const ajv = newAjv();
  const rootKey = addRootSchema(ajv, schema, dialect);
  const at = (pointer: string) => referenceOfPointer(rootKey, pointer);
  return generate(ajv, rootKey, schema, at, [[WHOLE_KEY, rootKey]]);
}

/**
 * Compiles `roots` and every location of `schema` (its ajv reference by `at`, from a JSON Pointer
 * into the schema), pausing when idle time runs out; the code.
 */
async function generate(
  ajv: AjvInstance,
  rootKey: string,
  schema: SchemaObject,
  at: (pointer: string) => string,
  roots: [string, string][],
): Promise<Pick<CacheEntry, 'code' | 'keys'>> {
  const entries = [...roots];
  for (const location of validatorLocations(schema))
    if (location !== WHOLE_KEY) entries.push([location, at(location.slice('/schema'.length))]);
  await idle();
  if (!ajv.getSchema(rootKey)) throw new Error('the schema could not be compiled');
  let slice = performance.now();
  for (const [, reference] of entries) {
    if (performance.now() - slice > 10) {
      await idle();
      slice = performance.now();
    }
    if (!ajv.getSchema(reference)) throw new Error(`${reference} could not be compiled`);
  }
  // ajv's standaloneCode joins its exports' code in time that grows with the square of their
  // number (2 s in one task for 4 500 questions). In batches, each evaluated on its own later (a
  // batch declares the helpers and shared functions it needs; the batches repeat them), the time
  // grows with the form, and writing and reading each batch are short tasks of their own.
  const batches: string[] = [];
  for (let start = 0; start < entries.length; start += EXPORTS_PER_BATCH) {
    if (performance.now() - slice > 10) {
      await idle();
      slice = performance.now();
    }
    const exports = Object.fromEntries(
      entries
        .slice(start, start + EXPORTS_PER_BATCH)
        .map(([, reference], i) => [`v${start + i}`, reference]),
    );
    batches.push(standaloneCode(ajv, exports));
  }
  return { code: batches, keys: entries.map(([key]) => key) };
}

/**
 * The validators in `entry`'s code, by key, checked to be what a compiled module of `schema`
 * would carry. Throws where the code does not evaluate or does not fit the schema. Each batch is
 * evaluated in a function scope of its own, and the batches in tasks of a few tens of
 * milliseconds: the first evaluation of 5 MB of code (4 500 questions) takes some 200 ms.
 */
export async function evaluateSource(
  entry: Pick<CacheEntry, 'code' | 'keys'>,
  schema: SchemaObject,
): Promise<Record<string, CompiledCheck>> {
  const available = modules();
  const require = (name: string): unknown => {
    if (!Object.hasOwn(available, name)) throw new Error(`unexpected module ${name}`);
    return available[name];
  };
  const module = { exports: {} as Record<string, unknown> };
  let slice = performance.now();
  for (const batch of entry.code) {
    if (performance.now() - slice > EVALUATE_SLICE_MS) {
      await nextTask();
      slice = performance.now();
    }
    // The code is ajv's own output for this very schema (see validator-cache.ts for the key).
    new Function('require', 'module', 'exports', batch)(require, module, module.exports);
  }
  const validators: Record<string, CompiledCheck> = {};
  entry.keys.forEach((key, i) => (validators[key] = module.exports[`v${i}`] as CompiledCheck));
  if (!isCompiledDefinition({ schema, validators }))
    throw new Error('the kept validators do not fit the schema');
  return validators;
}
