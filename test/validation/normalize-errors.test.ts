import { expect } from '@open-wc/testing';
import { normalizeErrors, type RawError } from '../../src/validation/normalize-errors.js';

function raw(
  instancePath: string,
  schemaPath: string,
  keyword: string,
  params: Record<string, unknown> = {},
): RawError {
  return { instancePath, schemaPath, keyword, params };
}

const brief = (errors: ReturnType<typeof normalizeErrors>) =>
  errors.map((e) => `${e.pointer} ${e.keyword}`);

describe('normalizeErrors', () => {
  it('returns nothing for no errors', () => {
    expect(normalizeErrors(null)).to.deep.equal([]);
    expect(normalizeErrors(undefined)).to.deep.equal([]);
    expect(normalizeErrors([])).to.deep.equal([]);
  });

  it('points required at the missing property, escaping / and ~ in its name', () => {
    const errors = normalizeErrors([
      raw('/address', '#/properties/address/required', 'required', {
        missingProperty: 'postalCode',
      }),
      raw('', '#/required', 'required', { missingProperty: 'a/b' }),
      raw('', '#/required', 'required', { missingProperty: 'm~n' }),
    ]);
    expect(errors).to.deep.equal([
      {
        pointer: '/address/postalCode',
        keyword: 'required',
        params: { missingProperty: 'postalCode' },
      },
      { pointer: '/a~1b', keyword: 'required', params: { missingProperty: 'a/b' } },
      { pointer: '/m~0n', keyword: 'required', params: { missingProperty: 'm~n' } },
    ]);
  });

  it('points dependentRequired and dependencies at the missing property too', () => {
    const errors = normalizeErrors([
      raw('', '#/dependentRequired', 'dependentRequired', {
        property: 'card',
        missingProperty: 'billing',
        deps: 'billing',
        depsCount: 1,
      }),
      raw('/pay', '#/properties/pay/dependencies', 'dependencies', {
        property: 'card',
        missingProperty: 'cvc',
        deps: 'cvc',
        depsCount: 1,
      }),
    ]);
    expect(brief(errors)).to.deep.equal(['/billing dependentRequired', '/pay/cvc dependencies']);
    expect(errors[0].params.property).to.equal('card');
  });

  it('drops the "if" error and keeps what then/else required', () => {
    const errors = normalizeErrors([
      raw('', '#/then/required', 'required', { missingProperty: 'food' }),
      raw('', '#/if', 'if', { failingKeyword: 'then' }),
    ]);
    expect(brief(errors)).to.deep.equal(['/food required']);
  });

  it('drops errors inside inline oneOf / anyOf alternatives, keeps the oneOf error', () => {
    const errors = normalizeErrors([
      raw('', '#/oneOf/0/required', 'required', { missingProperty: 'lorem' }),
      raw('', '#/oneOf/1/required', 'required', { missingProperty: 'ipsum' }),
      raw('', '#/oneOf', 'oneOf', { passingSchemas: null }),
      raw('/x', '#/properties/x/anyOf/0/type', 'type', { type: 'string' }),
      raw('/x', '#/properties/x/anyOf/1/type', 'type', { type: 'number' }),
      raw('/x', '#/properties/x/anyOf', 'anyOf', {}),
    ]);
    expect(brief(errors)).to.deep.equal([' oneOf', '/x anyOf']);
  });

  it('drops errors of $ref alternatives, whose paths do not show the oneOf (ajv output)', () => {
    // What ajv reports for layoutGrid's `employment: {}`: oneOf of three $refs.
    const errors = normalizeErrors([
      raw('/employment', '#/required', 'required', { missingProperty: 'job_type' }),
      raw('/employment', '#/required', 'required', { missingProperty: 'business' }),
      raw('/employment', '#/required', 'required', { missingProperty: 'school' }),
      raw('/employment', '#/definitions/Other/required', 'required', {
        missingProperty: 'description',
      }),
      raw('/employment', '#/properties/employment/oneOf', 'oneOf', { passingSchemas: null }),
    ]);
    expect(brief(errors)).to.deep.equal(['/employment oneOf']);
  });

  it('keeps errors reported before the alternatives: other values, earlier keywords', () => {
    const errors = normalizeErrors([
      raw('/name', '#/properties/name/minLength', 'minLength', { limit: 2 }),
      raw('/pet', '#/properties/pet/type', 'type', { type: 'object' }),
      raw('/pet', '#/properties/pet/allOf/0/required', 'required', { missingProperty: 'kind' }),
      raw('/pet', '#/definitions/Cat/required', 'required', { missingProperty: 'claws' }),
      raw('/pet', '#/properties/pet/allOf/1/oneOf', 'oneOf', { passingSchemas: null }),
    ]);
    expect(brief(errors)).to.deep.equal([
      '/name minLength',
      '/pet type',
      '/pet oneOf',
      '/pet/kind required',
    ]);
  });

  it('keeps errors of the same value reported after the alternatives', () => {
    const errors = normalizeErrors([
      raw('/c', '#/properties/c/oneOf/0/type', 'type', {}),
      raw('/c', '#/properties/c/oneOf', 'oneOf', {}),
      raw('/c', '#/properties/c/required', 'required', { missingProperty: 'name' }),
    ]);
    expect(brief(errors)).to.deep.equal(['/c oneOf', '/c/name required']);
  });

  it('reports each pointer and keyword once', () => {
    const errors = normalizeErrors([
      raw('/a', '#/properties/a/type', 'type', { type: 'string' }),
      raw('/a', '#/properties/a/allOf/0/type', 'type', { type: 'string' }),
      raw('', '#/required', 'required', { missingProperty: 'b' }),
      raw('', '#/allOf/1/required', 'required', { missingProperty: 'b' }),
    ]);
    expect(brief(errors)).to.deep.equal(['/a type', '/b required']);
  });

  it('orders errors of one value by what to fix first, keeping the order of values', () => {
    const errors = normalizeErrors([
      raw('/b', '#/properties/b/pattern', 'pattern', {}),
      raw('/a', '#/properties/a/maxLength', 'maxLength', {}),
      raw('/b', '#/properties/b/minLength', 'minLength', {}),
      raw('/a', '#/properties/a/format', 'format', {}),
      raw('/b', '#/properties/b/not', 'not', {}),
      raw('/a', '#/properties/a/const', 'const', {}),
      raw('/b', '#/properties/b/type', 'type', {}),
      raw('/b', '#/properties/b/multipleOf', 'multipleOf', {}),
    ]);
    expect(brief(errors)).to.deep.equal([
      '/b type',
      '/b minLength',
      '/b pattern',
      '/b multipleOf',
      '/b not',
      '/a const',
      '/a format',
      '/a maxLength',
    ]);
  });

  it('copies params (the caller may keep or change them)', () => {
    const params = { limit: 3 };
    const [error] = normalizeErrors([raw('/a', '#/properties/a/minLength', 'minLength', params)]);
    expect(error.params).to.deep.equal(params);
    expect(error.params).not.to.equal(params);
  });
});
