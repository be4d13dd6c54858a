/**
 * ajv run directly, set up as the element sets it up (src/validation/ajv-compiler.ts): same
 * dialect choice, options and formats. Served bundled by the test runner (ajv is CommonJS; see
 * BUNDLED in web-test-runner.config.js).
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { addIntakeFormats } from '../../src/validation/formats.js';

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
