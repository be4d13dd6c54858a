/**
 * `$ref` with sibling keywords, in every dialect: the form shows the referenced schema and the
 * siblings together (fields of both, `required` of both marked required), as ajv validates it.
 */
import { expect } from '@open-wc/testing';
import { applyDefaults } from '../../src/model/apply-defaults.js';
import { buildFieldTree } from '../../src/model/build-field-tree.js';
import type { Field, ObjectField, ValueField } from '../../src/model/field.js';
import type { SchemaObject } from '../../src/model/types.js';
import { compileValidator } from '../../src/validation/validator.js';
import { resolverFor } from '../helpers/resolver.js';

const DIALECTS: Record<string, { uri?: string; defs: '$defs' | 'definitions' }> = {
  'draft-04': { uri: 'http://json-schema.org/draft-04/schema#', defs: 'definitions' },
  'draft-06': { uri: 'http://json-schema.org/draft-06/schema#', defs: 'definitions' },
  'draft-07': { uri: 'http://json-schema.org/draft-07/schema#', defs: 'definitions' },
  '2019-09': { uri: 'https://json-schema.org/draft/2019-09/schema', defs: '$defs' },
  '2020-12': { uri: 'https://json-schema.org/draft/2020-12/schema', defs: '$defs' },
  'no $schema': { defs: '$defs' },
};

function schemaOf(dialect: { uri?: string; defs: string }): SchemaObject {
  return {
    ...(dialect.uri ? { $schema: dialect.uri } : {}),
    type: 'object',
    [dialect.defs]: {
      person: {
        type: 'object',
        title: 'Person',
        required: ['name'],
        properties: { name: { type: 'string', title: 'Name' }, age: { type: 'integer' } },
      },
    },
    properties: {
      applicant: {
        $ref: `#/${dialect.defs}/person`,
        title: 'Applicant',
        required: ['email'],
        properties: { email: { type: 'string', format: 'email', title: 'Email' } },
      },
    },
  };
}

function childrenOf(field: Field): Record<string, Field> {
  const result: Record<string, Field> = {};
  for (const child of (field as ObjectField).children) result[child.pointer] = child;
  return result;
}

describe('$ref with siblings', () => {
  for (const [name, dialect] of Object.entries(DIALECTS)) {
    describe(name, () => {
      const schema = schemaOf(dialect);

      it("gives the target's and the siblings' fields, the sibling's title, both required", () => {
        const resolver = resolverFor(schema);
        const root = buildFieldTree({ resolver, ui: {}, hasWidget: () => true }, { applicant: {} });
        const applicant = childrenOf(root)['/applicant'] as ObjectField;
        expect(applicant.label.text).to.equal('Applicant');
        const fields = childrenOf(applicant);
        expect(Object.keys(fields)).to.deep.equal([
          '/applicant/name',
          '/applicant/age',
          '/applicant/email',
        ]);
        expect((fields['/applicant/name'] as ValueField).required).to.equal(true);
        expect((fields['/applicant/email'] as ValueField).required).to.equal(true);
        expect((fields['/applicant/age'] as ValueField).required).to.equal(false);
      });

      it('keeps the translation keys where each property is written', () => {
        const resolver = resolverFor(schema);
        const root = resolver.resolve(resolver.rootAt());
        const applicant = resolver.resolve({
          schema: root.schema.properties!.applicant,
          location: root.propertyLocations.applicant,
        });
        expect(applicant.propertyLocations).to.deep.equal({
          email: '/schema/properties/applicant/properties/email',
          name: `/schema/${dialect.defs}/person/properties/name`,
          age: `/schema/${dialect.defs}/person/properties/age`,
        });
      });

      it('is validated as the form shows it: both required, both constraints', async () => {
        const validator = await compileValidator(schema);
        const errors = (value: unknown) =>
          validator.validate(value as never).map((e) => `${e.pointer} ${e.keyword}`);
        expect(errors({ applicant: {} })).to.deep.equal([
          '/applicant/name required',
          '/applicant/email required',
        ]);
        expect(
          errors({ applicant: { name: 'A', email: 'a@example.org', age: 'x' } }),
        ).to.deep.equal(['/applicant/age type']);
      });
    });
  }

  it("fills the defaults of the target's and the siblings' properties", () => {
    const schema: SchemaObject = {
      type: 'object',
      $defs: {
        person: { type: 'object', properties: { lang: { type: 'string', default: 'de' } } },
      },
      properties: {
        applicant: {
          $ref: '#/$defs/person',
          properties: { contact: { type: 'string', default: 'email' } },
        },
      },
    };
    expect(applyDefaults(resolverFor(schema), { applicant: {} })).to.deep.equal({
      applicant: { lang: 'de', contact: 'email' },
    });
  });

  it('does not change the definition', () => {
    const schema = schemaOf(DIALECTS['2020-12']);
    const before = JSON.stringify(schema);
    buildFieldTree({ resolver: resolverFor(schema), ui: {}, hasWidget: () => true }, {});
    expect(JSON.stringify(schema)).to.equal(before);
  });
});
