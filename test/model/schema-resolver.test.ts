import { expect } from '@open-wc/testing';
import { DefinitionError } from '../../src/model/definition-error.js';
import { checkReferences } from '../../src/model/check-references.js';
import { resolverFor } from '../helpers/resolver.js';
import { referenceTable } from '../../src/core/schema-references.js';
import { SchemaResolver } from '../../src/model/schema-resolver.js';
import type { Schema, SchemaObject } from '../../src/model/types.js';

/** Resolves the schema of `/properties/<name>` of the root, as the field tree does. */
function resolveProperty(resolver: ReturnType<typeof resolverFor>, name: string) {
  const root = resolver.resolve(resolver.rootAt());
  return resolver.resolve({
    schema: (root.schema.properties as Record<string, Schema>)[name],
    location: root.propertyLocations[name],
  });
}

function definitionError(run: () => unknown): DefinitionError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(DefinitionError);
    return error as DefinitionError;
  }
  throw new Error('expected a DefinitionError');
}

describe('SchemaResolver', () => {
  describe('local references', () => {
    const schema: SchemaObject = {
      type: 'object',
      $defs: {
        address: {
          type: 'object',
          title: 'Address',
          properties: { city: { type: 'string', title: 'City' } },
          required: ['city'],
        },
      },
      definitions: { name: { type: 'string', title: 'Name', minLength: 1 } },
      properties: {
        home: { $ref: '#/$defs/address' },
        work: { $ref: '#/$defs/address', title: 'Work address' },
        name: { $ref: '#/definitions/name' },
      },
    };
    const resolver = resolverFor(schema);

    it('follows #/$defs/... and #/definitions/...', () => {
      const home = resolveProperty(resolver, 'home');
      expect(home.schema.type).to.equal('object');
      expect(home.schema.required).to.deep.equal(['city']);
      expect(home.schema).not.to.have.property('$ref');
      expect(home.refTargets).to.deep.equal(['/schema/$defs/address']);
      const name = resolveProperty(resolver, 'name');
      expect(name.schema).to.include({ type: 'string', minLength: 1, title: 'Name' });
      expect(name.origins.title).to.equal('/schema/definitions/name');
    });

    it("lets keywords beside $ref win over the target's, and records where each came from", () => {
      const work = resolveProperty(resolver, 'work');
      expect(work.schema.title).to.equal('Work address');
      expect(work.origins.title).to.equal('/schema/properties/work');
      expect(work.origins.type).to.equal('/schema/$defs/address');
      const home = resolveProperty(resolver, 'home');
      expect(home.schema.title).to.equal('Address');
      expect(home.origins.title).to.equal('/schema/$defs/address');
    });

    it('gives property locations in the definition (the translation keys)', () => {
      const home = resolveProperty(resolver, 'home');
      expect(home.propertyLocations).to.deep.equal({
        city: '/schema/$defs/address/properties/city',
      });
      const root = resolver.resolve(resolver.rootAt());
      expect(root.propertyLocations.work).to.equal('/schema/properties/work');
    });

    it('does not change the schema it was given', () => {
      const before = JSON.stringify(schema);
      resolveProperty(resolver, 'work');
      checkReferences(resolver);
      expect(JSON.stringify(schema)).to.equal(before);
    });

    it('follows chains of references', () => {
      const chained = resolverFor({
        $defs: { a: { $ref: '#/$defs/b', title: 'A' }, b: { type: 'integer', title: 'B' } },
        properties: { x: { $ref: '#/$defs/a' } },
      });
      const x = resolveProperty(chained, 'x');
      expect(x.schema).to.include({ type: 'integer', title: 'A' });
      expect(x.refTargets).to.deep.equal(['/schema/$defs/a', '/schema/$defs/b']);
    });

    it('decodes percent-encoded and ~-escaped pointers', () => {
      const odd = resolverFor({
        $defs: {
          'a b': { type: 'string', title: 'space' },
          'c%d': { type: 'string', title: 'percent' },
          'e/f': { type: 'string', title: 'slash' },
          'g~h': { type: 'string', title: 'tilde' },
        },
        properties: {
          space: { $ref: '#/$defs/a%20b' },
          percent: { $ref: '#/$defs/c%25d' },
          slash: { $ref: '#/$defs/e~1f' },
          tilde: { $ref: '#/$defs/g~0h' },
        },
      });
      expect(checkReferences(odd)).to.be.undefined;
      for (const name of ['space', 'percent', 'slash', 'tilde'])
        expect(resolveProperty(odd, name).schema.title, name).to.equal(name);
      expect(resolveProperty(odd, 'slash').origins.title).to.equal('/schema/$defs/e~1f');
    });

    it('resolves into arrays (allOf/0) and to the root (#)', () => {
      const r = resolverFor({
        title: 'Root',
        allOf: [{ title: 'first' }],
        properties: { a: { $ref: '#/allOf/0' }, self: { $ref: '#' } },
      });
      expect(resolveProperty(r, 'a').schema.title).to.equal('first');
      expect(resolveProperty(r, 'a').origins.title).to.equal('/schema/allOf/0');
      expect(resolveProperty(r, 'self').refTargets).to.deep.equal(['/schema']);
    });

    it('resolves a recursive tree schema (children items $ref the node)', () => {
      const tree = resolverFor({
        $defs: {
          node: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              children: { type: 'array', items: { $ref: '#/$defs/node' } },
            },
          },
        },
        properties: { tree: { $ref: '#/$defs/node' } },
      });
      expect(checkReferences(tree)).to.be.undefined;
      const node = resolveProperty(tree, 'tree');
      const children = tree.resolve(
        {
          schema: (node.schema.properties as Record<string, Schema>).children,
          location: node.propertyLocations.children,
        },
        node.refTargets,
      );
      const item = tree.resolve(
        {
          schema: children.schema.items as Schema,
          location: `${children.origins.items}/items`,
        },
        children.refTargets,
      );
      expect(item.schema.type).to.equal('object');
      // The same target twice on the way down: callers see the recursion and stop there.
      expect(item.refTargets).to.deep.equal(['/schema/$defs/node', '/schema/$defs/node']);
    });
  });

  describe('errors', () => {
    it("reports an unresolvable $ref as 'unresolvable-ref' with the pointer where it is written", () => {
      const r = resolverFor({ properties: { a: { $ref: '#/$defs/missing' } } });
      const problem = checkReferences(r);
      expect(problem).to.be.instanceOf(DefinitionError);
      expect(problem!.code).to.equal('unresolvable-ref');
      expect(problem!.pointer).to.equal('/schema/properties/a');
      expect(problem!.params.ref).to.equal('#/$defs/missing');
      const thrown = definitionError(() => resolveProperty(r, 'a'));
      expect(thrown.code).to.equal('unresolvable-ref');
    });

    it('reports refs to other documents, unknown anchors and non-schemas as unresolvable', () => {
      for (const ref of ['other.json#/a', '#nowhere', '#/required', '#/properties/a/type']) {
        const r = resolverFor({
          required: ['a'],
          properties: { a: { type: 'string' }, b: { $ref: ref } },
        });
        expect(checkReferences(r)?.code, ref).to.equal('unresolvable-ref');
      }
    });

    it("reports a pure $ref cycle as 'cyclic-ref'", () => {
      const r = resolverFor({
        $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
        properties: { x: { $ref: '#/$defs/a' } },
      });
      const problem = checkReferences(r);
      expect(problem?.code).to.equal('cyclic-ref');
      expect(problem?.pointer).to.be.a('string');
      expect(definitionError(() => resolveProperty(r, 'x')).code).to.equal('cyclic-ref');
      const self = resolverFor({ $defs: { a: { $ref: '#/$defs/a' } } });
      expect(checkReferences(self)?.code).to.equal('cyclic-ref');
    });

    it("reports an allOf that includes itself as 'cyclic-ref' instead of looping", () => {
      const r = resolverFor({
        $defs: { a: { allOf: [{ $ref: '#/$defs/a' }, { type: 'object' }] } },
        properties: { x: { $ref: '#/$defs/a' } },
      });
      expect(checkReferences(r)?.code).to.equal('cyclic-ref');
    });

    it('finds nothing wrong in a schema without problems', () => {
      expect(checkReferences(resolverFor({ type: 'string' }))).to.be.undefined;
    });

    it('checks $refs in properties named like data keywords', () => {
      const r = resolverFor({
        properties: { default: { $ref: '#/$defs/missing' }, enum: { type: 'string' } },
      });
      expect(checkReferences(r)?.code).to.equal('unresolvable-ref');
      expect(checkReferences(r)?.pointer).to.equal('/schema/properties/default');
    });
  });

  describe('allOf', () => {
    const r = resolverFor({
      title: 'Person',
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string', title: 'own a' } },
      allOf: [
        {
          required: ['b', 'a'],
          properties: { a: { title: 'member a' }, b: { type: 'number' } },
          description: 'from member',
        },
        { $ref: '#/$defs/more' },
      ],
      $defs: { more: { required: ['c'], properties: { c: { type: 'boolean' } }, title: 'More' } },
    });

    it('merges the members: properties, required as a union, other keywords', () => {
      const root = r.resolve(r.rootAt());
      expect(root.schema).not.to.have.property('allOf');
      expect(Object.keys(root.schema.properties!)).to.have.members(['a', 'b', 'c']);
      expect(root.schema.required).to.have.members(['a', 'b', 'c']);
      expect(root.schema.required).to.have.length(3);
      expect(root.schema.description).to.equal('from member');
      expect(root.origins.description).to.equal('/schema/allOf/0');
    });

    it("keeps the schema's own keywords and properties over the members'", () => {
      const root = r.resolve(r.rootAt());
      expect(root.schema.title).to.equal('Person');
      expect((root.schema.properties!.a as SchemaObject).title).to.equal('own a');
      expect(root.propertyLocations).to.deep.equal({
        a: '/schema/properties/a',
        b: '/schema/allOf/0/properties/b',
        c: '/schema/$defs/more/properties/c',
      });
    });

    it('merges allOf of $ref mixins (the RJSF bundledSchema sample)', async () => {
      const sample = (await (await fetch('/compat/rjsf/bundledSchema.json')).json()) as {
        schema: SchemaObject;
      };
      const bundled = resolverFor(sample.schema);
      expect(checkReferences(bundled)).to.be.undefined;
      const num = resolveProperty(bundled, 'num');
      expect(num.schema.type).to.equal('integer');
      expect(num.schema.minimum).to.equal(0);
      expect(num.origins.type).to.equal(
        '/schema/$defs/https:~1~1jsonschema.dev~1schemas~1mixins~1integer',
      );
    });
  });

  describe('$id and $anchor', () => {
    it('resolves a relative $ref against an embedded $id (bundled resources)', () => {
      const r = resolverFor({
        $id: 'https://example.org/forms/main.json',
        $defs: {
          postal: {
            $id: 'https://example.org/common/postal.json',
            type: 'string',
            $defs: { code: { pattern: '^[0-9]{5}$' } },
          },
        },
        properties: {
          zip: { $ref: '../common/postal.json' },
          code: { $ref: '../common/postal.json#/$defs/code' },
          again: { $ref: 'https://example.org/common/postal.json' },
        },
      });
      expect(checkReferences(r)).to.be.undefined;
      expect(resolveProperty(r, 'code').schema.pattern).to.equal('^[0-9]{5}$');
      expect(resolveProperty(r, 'code').origins.pattern).to.equal(
        '/schema/$defs/postal/$defs/code',
      );
      expect(resolveProperty(r, 'zip').schema.type).to.equal('string');
      expect(resolveProperty(r, 'zip').origins.type).to.equal('/schema/$defs/postal');
      expect(resolveProperty(r, 'again').schema.type).to.equal('string');
      // Relative to main.json, "postal.json" is another (unknown) document.
      const wrong = resolverFor({
        $id: 'https://example.org/forms/main.json',
        $defs: { postal: { $id: 'https://example.org/common/postal.json', type: 'string' } },
        properties: { zip: { $ref: 'postal.json' } },
      });
      expect(checkReferences(wrong)?.code).to.equal('unresolvable-ref');
    });

    it('resolves $refs inside an embedded resource against its own $id', () => {
      const r = resolverFor({
        $id: 'https://example.org/forms/main.json',
        $defs: {
          postal: {
            $id: 'https://example.org/common/postal.json',
            $ref: '#/$defs/code',
            $defs: { code: { pattern: '^[0-9]{5}$', type: 'string' } },
          },
          code: { type: 'number' },
        },
        properties: { zip: { $ref: '../common/postal.json' } },
      });
      expect(checkReferences(r)).to.be.undefined;
      const zip = resolveProperty(r, 'zip');
      expect(zip.schema.type, "the resource's own #/$defs/code").to.equal('string');
      expect(zip.origins.pattern).to.equal('/schema/$defs/postal/$defs/code');
    });

    it('resolves $anchor (2020-12) and fragment-only $id (draft-07)', () => {
      const r = resolverFor({
        $defs: { a: { $anchor: 'street', type: 'string', title: 'Street' } },
        definitions: { b: { $id: '#city', type: 'string', title: 'City' } },
        properties: {
          street: { $ref: '#street' },
          city: { $ref: '#city' },
          other: { type: 'integer' },
        },
      });
      expect(checkReferences(r)).to.be.undefined;
      expect(resolveProperty(r, 'street').schema.title).to.equal('Street');
      expect(resolveProperty(r, 'street').origins.title).to.equal('/schema/$defs/a');
      expect(resolveProperty(r, 'city').schema.title).to.equal('City');
      // A fragment-only $id is not a new document: '#' still means the root.
      const self = resolverFor({
        title: 'Root',
        definitions: { b: { $id: '#b', title: 'B' } },
        properties: { me: { $ref: '#' } },
      });
      expect(resolveProperty(self, 'me').schema.title).to.equal('Root');
    });
  });

  describe('boolean schemas', () => {
    it('resolves true to an empty schema and false to one that accepts nothing', () => {
      const r = resolverFor({ properties: { yes: true, no: false } });
      expect(resolveProperty(r, 'yes').schema).to.deep.equal({});
      expect(resolveProperty(r, 'no').schema).to.deep.equal({ not: {} });
    });
  });

  describe('the table of where each $ref leads', () => {
    it('maps each schema holding a $ref to its target, by location', () => {
      const schema: SchemaObject = {
        $id: 'https://example.org/forms/main.json',
        properties: {
          a: { $ref: '#/$defs/a' },
          b: { $ref: 'postal.json' },
          c: { $ref: '#street' },
          missing: { $ref: '#/$defs/nothing' },
        },
        $defs: {
          a: { type: 'string' },
          p: { $id: 'postal.json', type: 'string' },
          s: { $anchor: 'street', type: 'string' },
        },
      };
      expect(referenceTable(schema)).to.deep.equal({
        '/schema/properties/a': '/schema/$defs/a',
        '/schema/properties/b': '/schema/$defs/p',
        '/schema/properties/c': '/schema/$defs/s',
      });
    });

    it('resolves a $ref at its target against the $ids on the way there', () => {
      // `#/$defs/inner/$defs/leaf` crosses the embedded resource `inner/`: the `$ref` written
      // in `leaf` is relative to that resource, as ajv reads it.
      const schema: SchemaObject = {
        $id: 'https://example.org/forms/main.json',
        properties: { x: { $ref: '#/$defs/inner/$defs/leaf' } },
        $defs: {
          inner: {
            $id: 'https://example.org/common/inner.json',
            $defs: { leaf: { $ref: 'zip.json' }, zip: { $id: 'zip.json', type: 'string' } },
          },
          zip: { $id: 'https://example.org/forms/zip.json', type: 'integer' },
        },
      };
      const r = resolverFor(schema);
      expect(resolveProperty(r, 'x').schema.type).to.equal('string');
    });

    it('follows a $ref the model placed elsewhere by the schema object that holds it', () => {
      const r = resolverFor({
        properties: { a: { $ref: '#/$defs/a' } },
        $defs: { a: { type: 'string', title: 'A' } },
      });
      const a = (r.root.properties as Record<string, Schema>).a;
      // As a condition narrows a property: its schema and the branch's, merged at its place.
      const merged = r.resolve({
        schema: { allOf: [a, { maxLength: 3 }] },
        location: '/schema/properties/a',
      });
      expect(merged.schema).to.include({ type: 'string', title: 'A', maxLength: 3 });
    });

    it('reports a $ref that the table does not know as unresolvable', () => {
      const r = new SchemaResolver({ properties: { a: { $ref: '#/$defs/a' } }, $defs: { a: {} } });
      expect(definitionError(() => resolveProperty(r, 'a')).code).to.equal('unresolvable-ref');
    });
  });
});
