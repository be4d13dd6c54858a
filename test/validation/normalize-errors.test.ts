import { expect } from '@open-wc/testing';
import type { FieldError } from '../../src/model/types.js';
import { mergeErrors, normalizeErrors, type RawError } from '../../src/core/normalize-errors.js';

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

  it('keeps an error of the root reported before a oneOf of $refs at the same value', () => {
    // `allOf: [{ properties: { contact: { required: ['email'] } } }]` beside
    // `properties: { contact: { oneOf: [{ $ref }, { $ref }] } }`: the allOf member's path leads
    // from the root to /contact, the $ref'd alternatives' paths start at their targets.
    const errors = normalizeErrors([
      raw('/contact', '#/allOf/0/properties/contact/required', 'required', {
        missingProperty: 'email',
      }),
      raw('/contact', '#/required', 'required', { missingProperty: 'business' }),
      raw('/contact', '#/$defs/school/required', 'required', { missingProperty: 'school' }),
      raw('/contact', '#/properties/contact/oneOf', 'oneOf', { passingSchemas: null }),
    ]);
    expect(brief(errors)).to.deep.equal(['/contact/email required', '/contact oneOf']);
  });

  it('tells root paths by every step: names, tuple indexes, pattern and additional members', () => {
    const before = (path: string, instancePath: string) =>
      brief(
        normalizeErrors([
          raw(instancePath, path, 'minimum', {}),
          raw('/a', '#/properties/a/oneOf', 'oneOf', {}),
        ]),
      );
    const kept = (instancePath: string) => [`${instancePath} minimum`, '/a oneOf'];
    expect(before('#/allOf/1/properties/a/items/0/minimum', '/a/0')).to.deep.equal(kept('/a/0'));
    expect(before('#/then/properties/a/additionalProperties/minimum', '/a/q')).to.deep.equal(
      kept('/a/q'),
    );
    expect(before('#/patternProperties/%5Ea/prefixItems/2/minimum', '/a/2')).to.deep.equal(
      kept('/a/2'),
    );
    expect(before('#/allOf/0/properties/a~1b/minimum', '/a')).to.deep.equal(['/a oneOf']);
    expect(before('#/allOf/0/properties/a/items/1/minimum', '/a/0')).to.deep.equal(['/a oneOf']);
    expect(before('#/allOf/0/properties/a/minimum', '/a/0'), 'one step short').to.deep.equal([
      '/a oneOf',
    ]);
  });

  it('orders the errors of one value by keyword alone, wherever they were reported', () => {
    const forward = normalizeErrors([
      raw('/a', '#/patternProperties/a/minimum', 'minimum', {}),
      raw('/a', '#/properties/a/maximum', 'maximum', {}),
      raw('/a', '#/properties/a/x-custom', 'x-custom', {}),
      raw('/a', '#/properties/a/not', 'not', {}),
      raw('/a', '#/properties/a/multipleOf', 'multipleOf', {}),
      raw('/a', '#/properties/a/false-ish', 'false-ish', {}),
    ]);
    const backward = normalizeErrors([
      raw('/a', '#/properties/a/false-ish', 'false-ish', {}),
      raw('/a', '#/properties/a/multipleOf', 'multipleOf', {}),
      raw('/a', '#/properties/a/not', 'not', {}),
      raw('/a', '#/properties/a/x-custom', 'x-custom', {}),
      raw('/a', '#/properties/a/maximum', 'maximum', {}),
      raw('/a', '#/patternProperties/a/minimum', 'minimum', {}),
    ]);
    expect(brief(forward)).to.deep.equal([
      '/a maximum',
      '/a minimum',
      '/a multipleOf',
      '/a false-ish',
      '/a x-custom',
      '/a not',
    ]);
    expect(brief(backward)).to.deep.equal(brief(forward));
  });

  it('copies params (the caller may keep or change them)', () => {
    const params = { limit: 3 };
    const [error] = normalizeErrors([raw('/a', '#/properties/a/minLength', 'minLength', params)]);
    expect(error.params).to.deep.equal(params);
    expect(error.params).not.to.equal(params);
  });
});

describe('mergeErrors', () => {
  const error = (pointer: string, keyword: string, params = {}): FieldError => ({
    pointer,
    keyword,
    params,
  });

  it('merges nothing into nothing', () => {
    expect(mergeErrors()).to.deep.equal([]);
    expect(mergeErrors([], [])).to.deep.equal([]);
  });

  it('keeps pointers in the order they first occur, list after list', () => {
    const merged = mergeErrors(
      [error('/b', 'required'), error('', 'minProperties')],
      [error('/a', 'type'), error('/b', 'type')],
      [error('/c/d', 'minimum')],
    );
    expect(brief(merged)).to.deep.equal([
      '/b required',
      '/b type',
      ' minProperties',
      '/a type',
      '/c/d minimum',
    ]);
  });

  it('orders a pointer’s errors from several lists by keyword, as normalizeErrors does', () => {
    const merged = mergeErrors(
      [error('/a', 'minimum'), error('/a', 'not')],
      [error('/a', 'maximum'), error('/a', 'type')],
    );
    expect(brief(merged)).to.deep.equal(['/a type', '/a maximum', '/a minimum', '/a not']);
    // The same errors in one list, normalized, come out in the same order.
    const whole = normalizeErrors([
      raw('/a', '#/properties/a/maximum', 'maximum', {}),
      raw('/a', '#/properties/a/type', 'type', {}),
      raw('/a', '#/allOf/0/properties/a/minimum', 'minimum', {}),
      raw('/a', '#/allOf/0/properties/a/not', 'not', {}),
    ]);
    expect(brief(whole)).to.deep.equal(brief(merged));
  });

  it('keeps one error per pointer and keyword: the first given, with its params', () => {
    const first = error('/a', 'minimum', { limit: 5 });
    const merged = mergeErrors([first], [error('/a', 'minimum', { limit: 3 })], [first]);
    expect(merged).to.have.length(1);
    expect(merged[0]).to.equal(first);
  });

  it('de-duplicates and orders a single list too', () => {
    const merged = mergeErrors([
      error('/a', 'pattern'),
      error('/b', 'type'),
      error('/a', 'required'),
      error('/a', 'pattern'),
    ]);
    expect(brief(merged)).to.deep.equal(['/a required', '/a pattern', '/b type']);
  });
});
