/**
 * The runtime JSON Schema compiler (ajv). Lives in its own lazily loaded chunk: it uses
 * `new Function`, which a strict Content-Security-Policy forbids, and it is the largest piece.
 * The ajv instance of the schema's dialect comes from src/core/ajv-setup.js, shared with the
 * command line and the receiver.
 */
import { appendPointer } from '../model/json-pointer.js';
import type { SchemaObject } from '../model/types.js';
import { detectDialect } from './dialect.js';
import { createAjv } from '../core/ajv-setup.js';
import { rootKeyOf } from '../core/dialect.js';
import { hollowSplit, splitDocument, type SplitDocument } from '../core/split-schema.js';
import { errorsOf, splitValidation, type Check } from './split-validator.js';
// A chunk of its own: the noise filter comes with it, whether the schema has alternatives or not.
import { alternativeNoise } from '../core/alternative-noise.js';
import type { FormValidator, SplitValidator } from './validator.js';
import { precompiledValidator } from './precompiled.js';
import { evaluateSource, standaloneSource } from './standalone-validators.js';
import { cacheKey, dropEntry, readEntry, track, writeEntry } from './validator-cache.js';
import {
  afterPaint,
  compilePart,
  contained,
  invalidSchema,
  register,
  type AjvInstance,
} from './ajv-parts.js';
import { hollowLazily, type LazyValidator } from './hollow-compiler.js';

/**
 * The split validation (see `SplitValidator`) of the registered document: the shell compiled now
 * (so that a shell ajv cannot compile means no split, not a failure later), each property's
 * wrapper when it is first validated. Returns `undefined` when the shell does not compile.
 */
function compileSplit(
  ajv: AjvInstance,
  rootKey: string,
  document: SplitDocument,
  whole: Check,
): SplitValidator | undefined {
  let shell: Check;
  try {
    shell = compilePart(ajv, rootKey, document.shell);
  } catch {
    return undefined;
  }
  const wrappers = new Map(document.properties.map((name, i) => [name, document.wrappers[i]]));
  const checks = new Map<string, Check>();
  const checkOf = (name: string): Check => {
    let check = checks.get(name);
    if (!check) {
      try {
        check = compilePart(ajv, rootKey, wrappers.get(name)!);
      } catch {
        // Not reached: the wrapper is a part of the root, which compiled. Should it be, the
        // whole validation's errors inside the property are the property's errors.
        check = wholeInside(whole, appendPointer('', name));
      }
      checks.set(name, check);
    }
    return check;
  };
  return splitValidation(shell, document.properties, checkOf, alternativeNoise).split;
}

/** A function that reports the whole validation's errors at or below `pointer`. */
function wholeInside(whole: Check, pointer: string): Check {
  const check: Check = (data) => {
    whole(data);
    check.errors = (whole.errors ?? []).filter(
      (error) => error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`),
    );
    return check.errors.length === 0;
  };
  return check;
}

/**
 * Compiles `schema`; throws a `DefinitionError` when ajv rejects it (bad regex, bad keyword value…).
 *
 * Where the root has a `properties` object, the validator also has a `split` (unless ajv cannot
 * compile the shell). Where the root can be hollowed (hollow-compiler.ts), `validate` is built
 * from the split's parts; otherwise it checks the whole root, compiled in one go, and the split's
 * properties are compiled when first validated on their own. (ajv compiles the root document
 * before any part of it, so with the full root, building `validate` from the split would compile
 * each property's code twice.)
 */
export function compileSchema(schema: SchemaObject): FormValidator {
  const { validator, compileRoot } = compileLazily(schema);
  compileRoot();
  return validator;
}

/**
 * The validator of `schema`, registered with ajv now (which checks it against its dialect's
 * meta-schema: a schema that is none is refused at once) and compiled on first use: the first
 * screen of a form needs no validation (errors show once a field is left), unless it has
 * conditions or alternatives to decide. The element compiles it (`prepare`) after the form's
 * first paint, once a long step is drawn whole, and before `intake-ready`: what ajv refuses only
 * when compiling (a `pattern` that is no regular expression) then takes the form's place, and the
 * form is never ready.
 * Where the root can be hollowed, a part at a time, in tasks of their own (hollow-compiler.ts).
 */
function compileLazily(schema: SchemaObject): LazyValidator {
  const hollow = hollowSplit(schema);
  const whole = () => compileWhole(schema);
  return (hollow && hollowLazily(schema, hollow, detectDialect(schema), whole)) || whole();
}

/**
 * `compileLazily` for the whole document at once: the root, with its properties, compiled in one
 * go when first needed (ajv compiles a document before any part of it).
 */
function compileWhole(schema: SchemaObject): LazyValidator {
  const dialect = detectDialect(schema);
  const rootKey = rootKeyOf(schema);
  const newAjv = () => createAjv(dialect);
  let document = splitDocument(schema);
  let ajv: AjvInstance;
  try {
    ajv = newAjv();
    try {
      register(ajv, document?.document ?? schema, dialect);
    } catch (error) {
      if (!document) throw error;
      // Maybe the split's schemas are what ajv refused: the root alone decides.
      document = undefined;
      ajv = newAjv();
      register(ajv, schema, dialect);
    }
  } catch (error) {
    throw invalidSchema(error);
  }
  let done: { whole: Check; split: SplitValidator | undefined } | undefined;
  const compileRoot = () => {
    if (done) return done;
    let whole: Check;
    try {
      try {
        whole = compilePart(ajv, rootKey, '');
      } catch (error) {
        if (!document) throw error;
        document = undefined;
        ajv = newAjv();
        register(ajv, schema, dialect);
        whole = compilePart(ajv, rootKey, '');
      }
    } catch (error) {
      throw invalidSchema(error);
    }
    const split = document ? compileSplit(ajv, rootKey, document, whole) : undefined;
    // The shell did not compile: the code kept for a later visit is the whole schema's.
    if (!split) document = undefined;
    return (done = { whole, split });
  };
  // Whether there will be a split is known before compiling; whether ajv compiles the shell only
  // after (rarely not: the split is then left out, and `validate` does the work).
  const splittable = document !== undefined;
  const parts = new Map<string, Check | undefined>();
  const validator: FormValidator = {
    origin: 'compiled',
    validate: (value) =>
      errorsOf(compileRoot().whole, value === undefined ? {} : value, alternativeNoise),
    matches(location, data) {
      compileRoot();
      let part = parts.get(location);
      if (!parts.has(location)) {
        try {
          part = compilePart(ajv, rootKey, location.slice('/schema'.length));
        } catch {
          // A part that cannot be compiled never applies; the whole schema compiled, so this
          // does not happen for locations the form model produces.
          part = undefined;
        }
        parts.set(location, part);
      }
      return part ? part(data) : false;
    },
    get split() {
      return splittable ? compileRoot().split : undefined;
    },
    prepare: async () => {
      await afterPaint();
      compileRoot();
    },
  };
  return { validator, compileRoot };
}

/**
 * The validator of a raw schema, from the code kept on an earlier visit (validator-cache.ts)
 * where there is some, else compiled on first use (see `compileLazily`), its code then kept in
 * idle moments after the form is shown.
 */
export async function loadValidator(schema: SchemaObject): Promise<FormValidator> {
  const text = JSON.stringify(schema);
  const key = await cacheKey(text).catch(() => undefined);
  const entry = key ? await readEntry(key, text) : undefined;
  if (key && entry) {
    try {
      // Contained as the compiled ones are: ajv's code may still give up on a value.
      const validators = Object.fromEntries(
        Object.entries(await evaluateSource(entry, schema)).map(([k, check]) => [
          k,
          contained(check),
        ]),
      );
      return {
        ...precompiledValidator({ id: 'cached', schema, validators }, alternativeNoise),
        origin: 'cached',
      };
    } catch {
      // Not this library's code, or damaged: compiled again below, and kept anew.
      await dropEntry(key);
    }
  }
  const { validator } = compileLazily(schema);
  if (!key) return validator;
  // Kept once the form is ready (its own compiling done): generating the code is a second compile,
  // which would otherwise share the idle moments between the drawing of a long form's parts.
  const prepare = validator.prepare!;
  validator.prepare = async () => {
    await prepare();
    track(keep(key, text, schema));
  };
  return validator;
}

/** Writes the code of `schema`'s validators to the cache; a failure only means no cache. */
async function keep(key: string, text: string, schema: SchemaObject): Promise<void> {
  try {
    const source = await standaloneSource(schema);
    await writeEntry(key, { text, ...source });
  } catch {
    // Nothing kept: the next visit compiles.
  }
}
