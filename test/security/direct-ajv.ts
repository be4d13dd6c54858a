/**
 * ajv run directly, set up as the element sets it up (src/validation/ajv-compiler.ts): same
 * dialect choice, options and formats. Served bundled by the test runner (ajv is CommonJS; see
 * BUNDLED in web-test-runner.config.js).
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { addIntakeFormats } from '../../src/core/formats.js';
import { detectDialect } from '../../src/validation/dialect.js';
import { splitDocument } from '../../src/core/split-schema.js';

function interop<T>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/** Whether `data` is valid against `schema` (2020-12 unless `$schema` says draft-07). */
export function ajvValid(schema: object, data: unknown): boolean {
  const draft07 = /draft-0[67]/.test(String((schema as { $schema?: unknown }).$schema ?? ''));
  const AjvClass = draft07 ? interop(Ajv) : interop(Ajv2020);
  const ajv = new AjvClass({
    allErrors: true,
    strict: false,
    messages: false,
    validateFormats: true,
    ownProperties: true,
  });
  interop(addFormats)(ajv);
  addIntakeFormats(ajv);
  return ajv.validate(schema, data) as boolean;
}

/** The parts of an ajv error the element reads (as in src/core/normalize-errors.js). */
export interface DirectError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

type DirectCheck = ((data: unknown) => boolean) & { errors?: DirectError[] | null };

/** Runs a compiled function; its raw errors (a copy of the list). */
function rawErrors(check: DirectCheck, data: unknown): DirectError[] {
  check(data);
  return [...(check.errors ?? [])];
}

/**
 * ajv run directly on `schema` (set up as `ajvValid`, `$schema` spelled as ajv knows it), for
 * tests of the element's validators against it: `whole(data)` is the raw errors of the root
 * compiled whole, as the element compiled it before the split; `split` the raw errors of the
 * split's schemas (src/core/split-schema.js), compiled in a second ajv instance, or
 * undefined where `splitDocument` does not split the schema.
 */
export function directValidator(schema: Record<string, unknown>): {
  whole(data: unknown): DirectError[];
  split?: {
    shell(data: unknown): DirectError[];
    property(name: string, data: unknown): DirectError[];
  };
} {
  const draft07 = detectDialect(schema) === 'draft-07';
  const canonical = (document: Record<string, unknown>) =>
    typeof document.$schema === 'string'
      ? {
          ...document,
          $schema: draft07
            ? 'http://json-schema.org/draft-07/schema#'
            : 'https://json-schema.org/draft/2020-12/schema',
        }
      : document;
  const create = () => {
    const AjvClass = draft07 ? interop(Ajv) : interop(Ajv2020);
    const ajv = new AjvClass({
      allErrors: true,
      strict: false,
      messages: false,
      validateFormats: true,
      ownProperties: true,
    });
    interop(addFormats)(ajv);
    addIntakeFormats(ajv);
    return ajv;
  };
  const key = 'https://direct.invalid/schema.json';
  const rootKey = typeof schema.$id === 'string' ? schema.$id.replace(/#.*$/, '') : key;
  const register = (ajv: ReturnType<typeof create>, document: Record<string, unknown>) =>
    ajv.addSchema(canonical(document), typeof document.$id === 'string' ? undefined : key);
  const wholeAjv = create();
  register(wholeAjv, schema);
  const whole = wholeAjv.getSchema(rootKey) as DirectCheck;
  const document = splitDocument(schema);
  if (!document) return { whole: (data) => rawErrors(whole, data) };
  const splitAjv = create();
  register(splitAjv, document.document);
  const part = (pointer: string) =>
    splitAjv.getSchema(
      `${rootKey}#${pointer
        .split('/')
        .map((token) => encodeURIComponent(token))
        .join('/')}`,
    ) as DirectCheck;
  const shell = part(document.shell);
  const wrappers = new Map(
    document.properties.map((name, i) => [name, part(document.wrappers[i])]),
  );
  return {
    whole: (data) => rawErrors(whole, data),
    split: {
      shell: (data) => rawErrors(shell, data),
      property: (name, data) => rawErrors(wrappers.get(name)!, { [name]: data }),
    },
  };
}
