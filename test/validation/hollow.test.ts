/**
 * A raw schema compiled a part at a time (src/validation/hollow-compiler.ts, the hollow split of
 * src/core/split-schema.js): when the root may be hollowed, that each part is found where it
 * is, that the page keeps running while a large schema compiles, and that a part ajv refuses
 * is the definition's error, as with the whole document. That the hollow validator reports what
 * whole validation does is shown on the corpora by split.test.ts.
 */
import { expect } from '@open-wc/testing';
import { hollowSplit, pointerInSplit, PROPERTIES_PER_CHUNK } from '../../src/core/split-schema.js';
import { DefinitionError } from '../../src/model/definition-error.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { compileValidator } from '../../src/validation/validator.js';
import { SLICE_MARK } from '../../src/validation/hollow-compiler.js';

const brief = (errors: { pointer: string; keyword: string }[]) =>
  errors.map((e) => `${e.pointer} ${e.keyword}`);

const withProperty = (property: unknown, rest: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: { a: property, b: { type: 'string' } },
  ...rest,
});

describe('hollowSplit: when the root’s properties may be left out of the root', () => {
  it('hollows a root whose references lead past its properties', () => {
    const schema = withProperty(
      { $ref: '#/$defs/person', properties: { x: { $ref: '#/$defs/name' } } },
      {
        $id: 'https://forms.example.org/form.json',
        $defs: { person: { type: 'object' }, name: { type: 'string' } },
        allOf: [{ $ref: 'http://json-schema.org/draft-07/schema#/definitions/nonNegativeInteger' }],
      },
    );
    const split = hollowSplit(schema)!;
    expect(split).to.not.equal(undefined);
    expect(split.document.properties).to.deep.equal({ a: true, b: true });
    // The schema itself is left as it was.
    expect((schema.properties.a as { $ref: string }).$ref).to.equal('#/$defs/person');
  });

  it('keeps the root whole where a reference could lead into its properties', () => {
    const refused: [string, unknown][] = [
      ['the root itself', withProperty({ type: 'array', items: { $ref: '#' } })],
      ['a root property', withProperty({ $ref: '#/properties/b' })],
      ['a root property, percent-encoded', withProperty({ $ref: '#/propert%69es/b' })],
      ['the root properties', withProperty({ $ref: '#/properties' })],
      ['an anchor', withProperty({ $ref: '#person' })],
      ['another document (maybe the root by $id)', withProperty({ $ref: 'form.json#/$defs/a' })],
      [
        'a $defs entry leading in',
        withProperty({ $ref: '#/$defs/x' }, { $defs: { x: { $ref: '#/properties/b' } } }),
      ],
    ];
    for (const [name, schema] of refused) expect(hollowSplit(schema), name).to.equal(undefined);
  });

  it('keeps the root whole where a property names a resource ($id, $anchor, draft-04 id)', () => {
    expect(hollowSplit(withProperty({ $id: 'https://forms.example.org/a.json' }))).to.equal(
      undefined,
    );
    expect(hollowSplit(withProperty({ $anchor: 'a' }))).to.equal(undefined);
    const draft04 = {
      ...withProperty({ id: 'https://forms.example.org/a.json' }),
      $schema: 'http://json-schema.org/draft-04/schema#',
    };
    expect(hollowSplit(draft04)).to.equal(undefined);
    // In later drafts `id` is only a word, and a property named `id` is a property.
    expect(hollowSplit(withProperty({ id: 'x' }))).to.not.equal(undefined);
    expect(hollowSplit({ type: 'object', properties: { id: { type: 'string' } } })).to.not.equal(
      undefined,
    );
  });

  it('holds the properties in chunks of PROPERTIES_PER_CHUNK as well as in their wrappers', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [`q${i}`, { type: 'string' }]),
    );
    const split = hollowSplit({ type: 'object', properties })!;
    expect(split.chunks.map((chunk) => chunk.properties.length)).to.deep.equal([
      PROPERTIES_PER_CHUNK,
      PROPERTIES_PER_CHUNK,
      120 - 2 * PROPERTIES_PER_CHUNK,
    ]);
    expect(split.chunks[2].properties[0]).to.equal(`q${2 * PROPERTIES_PER_CHUNK}`);
    const parts = split.document[split.shell.split('/')[1]] as Record<string, unknown>[];
    const last = Number(split.chunks[2].pointer.split('/')[2]);
    expect(Object.keys(parts[last].properties as object)).to.deep.equal(split.chunks[2].properties);
    expect((parts[last].properties as Record<string, unknown>).q119).to.equal(properties.q119);
  });

  it('finds each place of the root schema in the hollow document', () => {
    const split = hollowSplit({
      type: 'object',
      properties: { a: { if: { const: 1 } }, 'c/d~e': { oneOf: [{}, {}] } },
      allOf: [{ if: { const: 2 } }],
    })!;
    expect(pointerInSplit(split, '/properties/a/if')).to.equal(
      `${split.wrappers[0]}/properties/a/if`,
    );
    expect(pointerInSplit(split, '/properties/c~1d~0e/oneOf/1')).to.equal(
      `${split.wrappers[1]}/properties/c~1d~0e/oneOf/1`,
    );
    expect(pointerInSplit(split, '/allOf/0/if')).to.equal('/allOf/0/if');
    expect(pointerInSplit(split, '/properties/unknown')).to.equal('/properties/unknown');
  });
});

describe('the hollow validator', () => {
  it('decides conditions inside a property and at the root, and validates $refs as written', async () => {
    const schema = {
      type: 'object',
      $defs: { code: { type: 'string', pattern: '^[0-9]{5}$' } },
      properties: {
        kind: { enum: ['person', 'company'] },
        address: {
          type: 'object',
          properties: { postalCode: { $ref: '#/$defs/code' }, country: { type: 'string' } },
          if: { properties: { country: { const: 'DE' } } },
          then: { required: ['postalCode'] },
        },
      },
      if: { properties: { kind: { const: 'company' } } },
      then: { required: ['address'] },
    } as SchemaObject;
    expect(hollowSplit(schema)).to.not.equal(undefined);
    const validator = await compileValidator(schema);
    expect(validator.matches('/schema/properties/address/if', { country: 'DE' })).to.equal(true);
    expect(validator.matches('/schema/properties/address/if', { country: 'AT' })).to.equal(false);
    expect(validator.matches('/schema/if', { kind: 'company' })).to.equal(true);
    await validator.prepare!();
    expect(brief(validator.validate({ kind: 'company' }))).to.deep.equal(['/address required']);
    expect(brief(validator.validate({ address: { country: 'DE' } }))).to.deep.equal([
      '/address/postalCode required',
    ]);
    expect(brief(validator.validate({ address: { postalCode: '5066' } }))).to.deep.equal([
      '/address/postalCode pattern',
    ]);
    expect(brief(validator.split!.property('address', { postalCode: '50667' }))).to.deep.equal([]);
  });

  it('a part ajv refuses is the definition’s error, in prepare() and in validate()', async () => {
    const schema = withProperty({ type: 'string', pattern: '(' }) as SchemaObject;
    expect(hollowSplit(schema), 'hollowed').to.not.equal(undefined);
    const first = await compileValidator(schema);
    let caught: unknown;
    await first.prepare!().catch((error: unknown) => (caught = error));
    expect(caught).to.be.instanceOf(DefinitionError);
    expect((caught as DefinitionError).code).to.equal('invalid-schema');
    const second = await compileValidator(schema);
    expect(() => second.validate({ b: 'x' } as JsonValue)).to.throw(DefinitionError);
  });

  it('compiles a large schema in several tasks: the page’s timer fires in between', async () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 4500; i++)
      properties[`q${i}`] = { type: 'string', minLength: 2, maxLength: 40, pattern: '^[^<>]*$' };
    const schema = { type: 'object', properties, required: ['q0'] } as SchemaObject;
    expect(hollowSplit(schema)).to.not.equal(undefined);
    const validator = await compileValidator(schema);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 0);
    const started = performance.now();
    await validator.prepare!();
    clearInterval(timer);
    const slices = performance
      .getEntriesByName(SLICE_MARK)
      .filter((mark) => mark.startTime >= started)
      .map((mark) => mark.startTime);
    // 4 500 questions take longer than one slice (80 ms) to compile on any machine this runs on.
    expect(slices.length, 'slices').to.be.above(1);
    expect(
      ticks.some((tick) => tick > slices[0] && tick < slices.at(-1)!),
      'the page timer fired while the schema compiled',
    ).to.equal(true);
    // The first chunk of fifty and the last report alike.
    expect(brief(validator.validate({ q1: 'x', q4499: '<>' }))).to.deep.equal([
      '/q0 required',
      '/q1 minLength',
      '/q4499 pattern',
    ]);
  });
});
