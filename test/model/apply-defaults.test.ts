import { expect } from '@open-wc/testing';
import { applyDefaults, computeDefaults } from '../../src/model/apply-defaults.js';
import { resolverFor } from '../helpers/resolver.js';
// Lists: the model the element loads with the lists chunk for a form that has them.
import { listModel } from '../../src/model/array-model.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';

function defaults(schema: SchemaObject, value?: JsonValue): JsonValue | undefined {
  return applyDefaults(resolverFor(schema), value, undefined, listModel);
}

describe('applyDefaults', () => {
  it('fills missing values from default', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        name: { type: 'string', default: 'Chuck' },
        age: { type: 'integer', default: 75 },
        none: { type: 'string' },
      },
    };
    expect(defaults(schema, {})).to.deep.equal({ name: 'Chuck', age: 75 });
    expect(defaults(schema, undefined)).to.deep.equal({ name: 'Chuck', age: 75 });
  });

  it('never overwrites given data, even empty, false, 0 or null', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        s: { type: 'string', default: 'x' },
        b: { type: 'boolean', default: true },
        n: { type: 'number', default: 5 },
        z: { type: ['string', 'null'], default: 'y' },
        l: { type: 'array', items: { type: 'string' }, default: ['a', 'b'] },
      },
    };
    const given = { s: '', b: false, n: 0, z: null, l: [] };
    expect(defaults(schema, given)).to.deep.equal(given);
  });

  it('keeps data the schema does not describe', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: { a: { type: 'string', default: 'x' } },
    };
    expect(defaults(schema, { extra: { deep: 1 } })).to.deep.equal({ a: 'x', extra: { deep: 1 } });
  });

  it('does not change the value it was given', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: { o: { type: 'object', properties: { a: { type: 'string', default: 'x' } } } },
    };
    const given = { o: {} };
    defaults(schema, given);
    expect(given).to.deep.equal({ o: {} });
  });

  it('fills nested objects, and adds them only when they get something or are required', () => {
    const schema: SchemaObject = {
      type: 'object',
      required: ['needed'],
      properties: {
        filled: { type: 'object', properties: { a: { type: 'string', default: 'x' } } },
        empty: { type: 'object', properties: { a: { type: 'string' } } },
        needed: { type: 'object', properties: { a: { type: 'string' } } },
        given: { type: 'object', properties: { a: { type: 'string', default: 'x' } } },
      },
    };
    expect(defaults(schema, { given: { b: 1 } })).to.deep.equal({
      filled: { a: 'x' },
      needed: {},
      given: { a: 'x', b: 1 },
    });
  });

  it("hands an object's default down to its properties; the nearer default wins", () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        address: {
          type: 'object',
          default: { city: 'Berlin', street: 'Main St' },
          properties: {
            city: { type: 'string', default: 'Hamburg' },
            street: { type: 'string' },
            zip: { type: 'string', default: '10115' },
          },
        },
      },
    };
    // As RJSF (`nestedDefaultsPrecedence: descendantWins`): city's own default beats the object's.
    expect(defaults(schema, {})).to.deep.equal({
      address: { city: 'Hamburg', street: 'Main St', zip: '10115' },
    });
    expect(defaults(schema, { address: { city: 'Köln' } })).to.deep.equal({
      address: { city: 'Köln', street: 'Main St', zip: '10115' },
    });
  });

  it('uses defaults behind $ref, with a default beside the $ref winning', () => {
    const schema: SchemaObject = {
      $defs: { country: { type: 'string', default: 'DE' } },
      type: 'object',
      properties: {
        a: { $ref: '#/$defs/country' },
        b: { $ref: '#/$defs/country', default: 'AT' },
      },
    };
    expect(defaults(schema, {})).to.deep.equal({ a: 'DE', b: 'AT' });
  });

  it('uses defaults from allOf members', () => {
    const schema: SchemaObject = {
      type: 'object',
      allOf: [{ properties: { a: { type: 'string', default: 'x' } } }],
    };
    expect(defaults(schema, {})).to.deep.equal({ a: 'x' });
  });

  describe('arrays', () => {
    it('fills a missing array up to minItems with the items’ defaults; keeps given arrays', () => {
      const schema: SchemaObject = {
        type: 'object',
        properties: {
          fish: { type: 'array', minItems: 3, items: { type: 'string', default: 'carp' } },
          people: {
            type: 'array',
            minItems: 2,
            items: { type: 'object', properties: { name: { type: 'string', default: 'N.N.' } } },
          },
          stocked: {
            type: 'array',
            minItems: 3,
            default: ['trout'],
            items: { type: 'string', default: 'carp' },
          },
        },
      };
      expect(defaults(schema, {})).to.deep.equal({
        fish: ['carp', 'carp', 'carp'],
        people: [{ name: 'N.N.' }, { name: 'N.N.' }],
        stocked: ['trout', 'carp', 'carp'],
      });
      // Given arrays are not padded (as RJSF), but their items get their defaults.
      expect(
        defaults(schema, { fish: ['trout'], people: [{}, {}, {}], stocked: [] }),
      ).to.deep.equal({
        fish: ['trout'],
        people: [{ name: 'N.N.' }, { name: 'N.N.' }, { name: 'N.N.' }],
        stocked: [],
      });
    });

    it('pads with null where an item has no default', () => {
      const schema: SchemaObject = {
        type: 'object',
        properties: { l: { type: 'array', minItems: 2, items: { type: 'string' } } },
      };
      expect(defaults(schema, {})).to.deep.equal({ l: [null, null] });
    });

    it('leaves an optional array out and makes a required one []', () => {
      const schema: SchemaObject = {
        type: 'object',
        required: ['needed'],
        properties: {
          optional: { type: 'array', items: { type: 'string' } },
          needed: { type: 'array', items: { type: 'string' } },
        },
      };
      expect(defaults(schema, {})).to.deep.equal({ needed: [] });
      expect(defaults({ type: 'array', items: { type: 'string' } }, undefined)).to.deep.equal([]);
    });

    it('uses an array default when there is no data, and fills its items’ defaults', () => {
      const schema: SchemaObject = {
        type: 'object',
        properties: {
          l: {
            type: 'array',
            default: [{ a: 'given' }, {}],
            items: { type: 'object', properties: { a: { type: 'string', default: 'item' } } },
          },
        },
      };
      expect(defaults(schema, {})).to.deep.equal({ l: [{ a: 'given' }, { a: 'item' }] });
      expect(defaults(schema, { l: [] })).to.deep.equal({ l: [] });
    });

    it('does not tick anything in an array of distinct choices with minItems', () => {
      const schema: SchemaObject = {
        type: 'object',
        properties: {
          colours: {
            type: 'array',
            uniqueItems: true,
            minItems: 1,
            items: { type: 'string', enum: ['red', 'green'] },
          },
        },
      };
      expect(defaults(schema, {})).to.deep.equal({});
    });

    it('fills missing tuples (draft-07 items list, 2020-12 prefixItems) item by item', () => {
      const draft07: SchemaObject = {
        type: 'object',
        properties: {
          t: {
            type: 'array',
            items: [{ type: 'number', default: 42 }, { type: 'boolean' }],
            additionalItems: { type: 'string', default: 'more' },
          },
        },
      };
      expect(defaults(draft07, {})).to.deep.equal({ t: [42, null] });
      expect(defaults(draft07, { t: [1] })).to.deep.equal({ t: [1] });
      const draft2020: SchemaObject = {
        type: 'object',
        properties: {
          t: {
            type: 'array',
            prefixItems: [
              { type: 'string', default: 'a' },
              { type: 'object', properties: { b: { type: 'string', default: 'b' } } },
            ],
          },
        },
      };
      expect(defaults(draft2020, {})).to.deep.equal({ t: ['a', { b: 'b' }] });
      expect(defaults(draft2020, { t: ['x', {}] })).to.deep.equal({ t: ['x', { b: 'b' }] });
    });
  });

  describe('const', () => {
    it('prefills const (string, number, object, array)', () => {
      const schema: SchemaObject = {
        type: 'object',
        properties: {
          s: { type: 'string', const: 'John' },
          n: { type: 'number', const: 30 },
          o: { type: 'object', const: { a: 1 } },
          l: { type: 'array', items: { type: 'string' }, const: ['x'] },
        },
      };
      expect(defaults(schema, {})).to.deep.equal({ s: 'John', n: 30, o: { a: 1 }, l: ['x'] });
      expect(defaults(schema, { s: 'typed' })).to.include({ s: 'typed' });
    });

    it('does NOT prefill a boolean const: a `const: true` checkbox is consent to be given', () => {
      // Deliberate deviation from react-jsonschema-form, which prefills `true`.
      const schema: SchemaObject = {
        type: 'object',
        required: ['consent'],
        properties: {
          consent: { type: 'boolean', const: true },
          alsoConsent: { const: true },
        },
      };
      expect(defaults(schema, {})).to.deep.equal({});
      expect(defaults(schema, { consent: true })).to.deep.equal({ consent: true });
    });

    it('does not preselect a choice (oneOf of const options); a default does', () => {
      const schema: SchemaObject = {
        type: 'object',
        properties: {
          choice: { type: 'string', oneOf: [{ const: 'a' }, { const: 'b' }] },
          chosen: { type: 'string', oneOf: [{ const: 'a' }, { const: 'b' }], default: 'b' },
        },
      };
      expect(defaults(schema, {})).to.deep.equal({ chosen: 'b' });
    });
  });

  it('keeps null for a nullable schema whose default is null', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        o: { type: ['object', 'null'], default: null, properties: { a: { type: 'string' } } },
        l: { type: ['array', 'null'], default: null, items: { type: 'string' } },
        s: { type: ['string', 'null'], default: null },
      },
    };
    expect(defaults(schema, {})).to.deep.equal({ o: null, l: null, s: null });
  });

  it('fills the defaults of additionalProperties schemas into data under other names', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: { fixed: { type: 'string' } },
      additionalProperties: {
        type: 'object',
        properties: { count: { type: 'integer', default: 1 } },
      },
    };
    expect(defaults(schema, { fixed: 'x', apples: {}, pears: { count: 3 } })).to.deep.equal({
      fixed: 'x',
      apples: { count: 1 },
      pears: { count: 3 },
    });
  });

  it('keeps a root value that is not an object', () => {
    expect(defaults({ type: 'string', default: 'Chuck' }, '')).to.equal('');
    expect(defaults({ type: 'string', default: 'Chuck' }, undefined)).to.equal('Chuck');
    expect(defaults({ title: 'no type' }, 1234)).to.equal(1234);
  });

  describe('recursive schemas', () => {
    const schema: SchemaObject = {
      $defs: {
        node: {
          type: 'object',
          properties: {
            name: { type: 'string', default: 'leaf' },
            next: { $ref: '#/$defs/node' },
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          },
        },
      },
      type: 'object',
      properties: { tree: { $ref: '#/$defs/node' } },
    };

    it('fill defaults only as deep as the data goes', () => {
      expect(defaults(schema, {})).to.deep.equal({ tree: { name: 'leaf' } });
      expect(defaults(schema, { tree: { next: { next: {} }, children: [{}] } })).to.deep.equal({
        tree: {
          name: 'leaf',
          next: { name: 'leaf', next: { name: 'leaf' } },
          children: [{ name: 'leaf' }],
        },
      });
    });

    it('computes a new array item of a recursive schema (computeDefaults)', () => {
      const resolver = resolverFor(schema);
      // The list's item schema itself, as the field tree hands it over (`newItem`).
      const children = (schema.$defs as Record<string, SchemaObject>).node.properties!
        .children as SchemaObject;
      const item = computeDefaults(
        resolver,
        {
          schema: children.items as SchemaObject,
          location: '/schema/$defs/node/properties/children/items',
        },
        undefined,
        undefined,
        [],
        true,
        undefined,
        listModel,
      );
      expect(item).to.deep.equal({ name: 'leaf' });
    });
  });
});
