import { expect } from '@open-wc/testing';
import { buildFieldTree } from '../../src/model/build-field-tree.js';
import type { ArrayField, ObjectField, ValueField } from '../../src/model/field.js';
import { listModel } from '../../src/model/array-model.js';
import type { JsonValue, SchemaObject, UiSchema } from '../../src/model/types.js';
import { child, names, tree } from '../helpers/field-tree.js';
import { resolverFor } from '../helpers/resolver.js';

describe('buildFieldTree', () => {
  describe('order', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: { a: {}, b: {}, c: {}, d: {} },
    };

    it('keeps schema order without ui:order', () => {
      expect(names(tree(schema))).to.deep.equal(['a', 'b', 'c', 'd']);
    });

    it('follows ui:order, "*" standing for the properties not named', () => {
      expect(names(tree(schema, { 'ui:order': ['c', '*', 'a'] }))).to.deep.equal([
        'c',
        'b',
        'd',
        'a',
      ]);
      expect(names(tree(schema, { 'ui:order': ['*', 'a'] }))).to.deep.equal(['b', 'c', 'd', 'a']);
    });

    it('puts unnamed properties last without "*", and ignores unknown names', () => {
      expect(names(tree(schema, { 'ui:order': ['d', 'nope', 'b'] }))).to.deep.equal([
        'd',
        'b',
        'a',
        'c',
      ]);
    });

    it('orders nested objects by their own ui:order', () => {
      const nested = tree(
        { type: 'object', properties: { o: schema } },
        { o: { 'ui:order': ['d', '*'] } },
      );
      expect(names(child(nested, 'o')).map((n) => n.slice(2))).to.deep.equal(['d', 'a', 'b', 'c']);
    });
  });

  describe('widgets', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        text: { type: 'string' },
        email: { type: 'string', format: 'email' },
        uri: { type: 'string', format: 'uri' },
        date: { type: 'string', format: 'date' },
        dateTime: { type: 'string', format: 'date-time' },
        time: { type: 'string', format: 'time' },
        file: { type: 'string', format: 'data-url' },
        number: { type: 'number' },
        integer: { type: 'integer' },
        bool: { type: 'boolean' },
        enum: { type: 'string', enum: ['a', 'b'] },
        radio: { type: 'string', enum: ['a', 'b'] },
        boolRadio: { type: 'boolean' },
        unknown: { type: 'string', enum: ['a'] },
        hidden: { type: 'string' },
        long: { type: 'string' },
        updown: { type: 'integer' },
        oneOfConst: { type: 'string', oneOf: [{ const: 'x', title: 'X' }] },
        noType: {},
      },
    };
    const ui: UiSchema = {
      radio: { 'ui:widget': 'radio' },
      boolRadio: { 'ui:widget': 'radio' },
      unknown: { 'ui:widget': 'fancy-unregistered' },
      hidden: { 'ui:widget': 'hidden' },
      long: { 'ui:widget': 'textarea' },
      updown: { 'ui:widget': 'updown' },
    };
    const root = tree(schema, ui);
    const widget = (name: string) => child(root, name).widget;

    it('chooses by format', () => {
      expect(widget('text')).to.equal('text');
      expect(widget('email')).to.equal('email');
      expect(widget('uri')).to.equal('url');
      expect(widget('date')).to.equal('date');
      expect(widget('dateTime')).to.equal('datetime-local');
      expect(widget('time')).to.equal('time');
      expect(widget('file')).to.equal('file');
    });

    it('chooses by type and choices', () => {
      expect(widget('number')).to.equal('number');
      expect(widget('integer')).to.equal('number');
      expect(widget('bool')).to.equal('checkbox');
      expect(widget('enum')).to.equal('select');
      expect(widget('oneOfConst')).to.equal('select');
      expect(widget('noType')).to.equal('text');
      expect((child(root, 'noType') as ValueField).type).to.equal('string');
    });

    it('follows ui:widget where the widget exists, with RJSF aliases', () => {
      expect(widget('radio')).to.equal('radio');
      expect(widget('boolRadio')).to.equal('radio');
      expect(widget('hidden')).to.equal('hidden');
      expect(widget('long')).to.equal('textarea');
      expect(widget('updown')).to.equal('number');
    });

    it('falls back to the default widget for an unknown ui:widget', () => {
      expect(widget('unknown')).to.equal('select');
    });

    it('makes an array of distinct enum values one multi-choice field', () => {
      const multi = tree({
        type: 'object',
        properties: {
          colours: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', enum: ['r', 'g'] },
          },
          plain: { type: 'array', items: { type: 'string', enum: ['r', 'g'] } },
        },
      });
      const colours = child(multi, 'colours');
      expect(colours.kind).to.equal('multi-choice');
      expect(colours.widget).to.equal('checkboxes');
      expect(colours.kind === 'multi-choice' && colours.choices.map((c) => c.value)).to.deep.equal([
        'r',
        'g',
      ]);
      // Without uniqueItems it is a list of selects the person adds to.
      expect(child(multi, 'plain').kind).to.equal('array');
    });

    it('lets ui:widget pick the multi-choice widget (select, or RJSF names)', () => {
      const schemaOf = (): SchemaObject => ({
        type: 'array',
        uniqueItems: true,
        items: { enum: ['a', 'b'] },
      });
      const multi = tree(
        { type: 'object', properties: { s: schemaOf(), c: schemaOf(), x: schemaOf() } },
        {
          s: { 'ui:widget': 'SelectWidget' },
          c: { 'ui:widget': 'CheckboxesWidget' },
          x: { 'ui:widget': 'nope' },
        },
      );
      expect(child(multi, 's').widget).to.equal('select');
      expect(child(multi, 'c').widget).to.equal('checkboxes');
      expect(child(multi, 'x').widget).to.equal('checkboxes');
    });

    it('makes an array of data-url strings one files field', () => {
      const files = tree({
        type: 'object',
        properties: { docs: { type: 'array', items: { type: 'string', format: 'data-url' } } },
      });
      expect(child(files, 'docs').kind).to.equal('files');
      expect(child(files, 'docs').widget).to.equal('files');
    });
  });

  describe('labels and text keys', () => {
    const schema: SchemaObject = {
      type: 'object',
      $defs: {
        address: {
          type: 'object',
          title: 'Address',
          properties: { city: { type: 'string', title: 'City', description: 'Where you live' } },
        },
      },
      properties: {
        firstName: { type: 'string', title: 'First name' },
        nickname: { type: 'string', title: 'Nickname' },
        plain: { type: 'string' },
        address: { $ref: '#/$defs/address' },
        other: { $ref: '#/$defs/address', title: 'Other address' },
      },
    };
    const ui: UiSchema = {
      nickname: {
        'ui:title': 'Called',
        'ui:help': 'Optional',
        'ui:placeholder': 'e.g. Bob',
        'ui:description': 'What friends call you',
      },
      plain: { 'ui:options': { label: false } },
    };
    const root = tree(schema, ui);

    it('takes the title, with its location in the definition as the key', () => {
      expect(child(root, 'firstName').label).to.deep.equal({
        text: 'First name',
        key: '/schema/properties/firstName/title',
      });
    });

    it('prefers ui:title, keyed in the ui', () => {
      const nickname = child(root, 'nickname');
      expect(nickname.label).to.deep.equal({ text: 'Called', key: '/ui/nickname/ui:title' });
      expect(nickname.help).to.deep.equal({ text: 'Optional', key: '/ui/nickname/ui:help' });
      expect(nickname.placeholder).to.deep.equal({
        text: 'e.g. Bob',
        key: '/ui/nickname/ui:placeholder',
      });
      expect(nickname.description).to.deep.equal({
        text: 'What friends call you',
        key: '/ui/nickname/ui:description',
      });
    });

    it('falls back to the property name, with no key (nothing to translate)', () => {
      const plain = child(root, 'plain');
      expect(plain.label).to.deep.equal({ text: 'plain' });
      expect(plain.showLabel).to.equal(false);
      expect(child(root, 'firstName').showLabel).to.equal(true);
    });

    it('keys text behind $ref where it is written ($defs), beside-$ref text where that is', () => {
      const city = child(child(root, 'address'), 'city');
      expect(city.pointer).to.equal('/address/city');
      expect(city.label.key).to.equal('/schema/$defs/address/properties/city/title');
      expect(city.description?.key).to.equal('/schema/$defs/address/properties/city/description');
      expect(child(root, 'address').label.key).to.equal('/schema/$defs/address/title');
      expect(child(root, 'other').label).to.deep.equal({
        text: 'Other address',
        key: '/schema/properties/other/title',
      });
      expect(child(child(root, 'other'), 'city').uiLocation).to.equal('/ui/other/city');
    });

    it('labels choices from oneOf titles and ui:enumNames, keyed where written', () => {
      const choices = tree(
        {
          type: 'object',
          properties: {
            status: {
              type: 'string',
              oneOf: [
                { const: 'single', title: 'Single' },
                { const: 'married', title: 'Married' },
              ],
            },
            size: { type: 'string', enum: ['s', 'm'] },
            raw: { type: 'integer', enum: [1, 2] },
          },
        },
        { size: { 'ui:enumNames': ['Small', 'Medium'] } },
      );
      expect((child(choices, 'status') as ValueField).choices).to.deep.equal([
        {
          value: 'single',
          label: { text: 'Single', key: '/schema/properties/status/oneOf/0/title' },
        },
        {
          value: 'married',
          label: { text: 'Married', key: '/schema/properties/status/oneOf/1/title' },
        },
      ]);
      expect((child(choices, 'size') as ValueField).choices).to.deep.equal([
        { value: 's', label: { text: 'Small', key: '/ui/size/ui:enumNames/0' } },
        { value: 'm', label: { text: 'Medium', key: '/ui/size/ui:enumNames/1' } },
      ]);
      expect((child(choices, 'raw') as ValueField).choices?.map((c) => c.label)).to.deep.equal([
        { text: '1' },
        { text: '2' },
      ]);
    });

    it('takes ui:enumNames as a map from value to label (RJSF 6), keyed by the value', () => {
      const choices = tree(
        {
          type: 'object',
          properties: { rating: { type: 'number', enum: [1, 2, 3] } },
        },
        { rating: { 'ui:enumNames': { '1': 'Poor', '3': 'Good' } } },
      );
      expect((child(choices, 'rating') as ValueField).choices).to.deep.equal([
        { value: 1, label: { text: 'Poor', key: '/ui/rating/ui:enumNames/1' } },
        { value: 2, label: { text: '2' } },
        { value: 3, label: { text: 'Good', key: '/ui/rating/ui:enumNames/3' } },
      ]);
    });
  });

  describe('required, readOnly, disabled', () => {
    it('marks required properties', () => {
      const root = tree({
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string' }, b: { type: 'string' } },
      });
      expect(child(root, 'a').required).to.equal(true);
      expect(child(root, 'b').required).to.equal(false);
      expect(root.required).to.equal(false);
    });

    it('hands readOnly and disabled down to everything inside', () => {
      const schema: SchemaObject = {
        type: 'object',
        properties: {
          locked: { type: 'object', readOnly: true, properties: { a: { type: 'string' } } },
          off: { type: 'object', properties: { a: { type: 'string' } } },
          ro: { type: 'object', properties: { a: { type: 'string' } } },
          own: { type: 'string', readOnly: true },
          free: { type: 'object', properties: { a: { type: 'string' } } },
        },
      };
      const root = tree(schema, {
        off: { 'ui:disabled': true },
        ro: { 'ui:options': { readonly: true } },
      });
      expect(child(child(root, 'locked'), 'a').readOnly).to.equal(true);
      expect(child(child(root, 'off'), 'a').disabled).to.equal(true);
      expect(child(child(root, 'off'), 'a').readOnly).to.equal(false);
      expect(child(child(root, 'ro'), 'a').readOnly).to.equal(true);
      expect(child(root, 'own').readOnly).to.equal(true);
      expect(child(child(root, 'free'), 'a').readOnly).to.equal(false);
      expect(child(child(root, 'free'), 'a').disabled).to.equal(false);
    });
  });

  describe('arrays', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        list: {
          type: 'array',
          minItems: 1,
          maxItems: 3,
          items: { type: 'string', title: 'Entry' },
        },
        tuple: {
          type: 'array',
          items: [{ type: 'string' }, { type: 'boolean' }],
          additionalItems: { type: 'number' },
        },
        closed: { type: 'array', prefixItems: [{ type: 'string' }], items: false },
      },
    };
    const ui: UiSchema = {
      list: { items: { 'ui:widget': 'textarea' } },
      tuple: { items: [{ 'ui:widget': 'textarea' }], additionalItems: { 'ui:widget': 'range' } },
    };
    const array = (value: JsonValue, name: string) =>
      child(tree(schema, ui, value), name) as ArrayField;

    it('builds one field per item, with the item pointers and the items’ ui', () => {
      const list = array({ list: ['a', 'b'] }, 'list');
      expect(list.kind).to.equal('array');
      expect(list.items.map((i) => i.pointer)).to.deep.equal(['/list/0', '/list/1']);
      expect(list.items.map((i) => i.value)).to.deep.equal(['a', 'b']);
      expect(list.items[0].widget).to.equal('textarea');
      expect(list.items[0].required).to.equal(true);
      expect(list.items[1].label.key).to.equal('/schema/properties/list/items/title');
      expect(list.items[1].uiLocation).to.equal('/ui/list/items');
    });

    it('allows adding below maxItems and removing above minItems', () => {
      expect(array({ list: ['a'] }, 'list')).to.include({ canAdd: true, canRemove: false });
      expect(array({ list: ['a', 'b'] }, 'list')).to.include({ canAdd: true, canRemove: true });
      expect(array({ list: ['a', 'b', 'c'] }, 'list')).to.include({
        canAdd: false,
        canRemove: true,
      });
      expect(array({}, 'list')).to.include({ minItems: 1, maxItems: 3 });
      expect(array({}, 'list').items).to.deep.equal([]);
    });

    it('allows neither in a read-only array or with addable/removable false', () => {
      const locked = buildFieldTree(
        {
          resolver: resolverFor(schema),
          ui: { list: { 'ui:readonly': true } },
          hasWidget: () => true,
          lists: listModel,
        },
        { list: ['a', 'b'] },
      );
      expect(child(locked, 'list')).to.include({
        canAdd: false,
        canRemove: false,
        orderable: false,
      });
      const fixed = buildFieldTree(
        {
          resolver: resolverFor(schema),
          ui: { list: { 'ui:options': { addable: false, removable: false } } },
          hasWidget: () => true,
          lists: listModel,
        },
        { list: ['a', 'b'] },
      );
      expect(child(fixed, 'list')).to.include({ canAdd: false, canRemove: false, orderable: true });
    });

    it('renders a tuple’s fixed items even without data, and the additional ones after', () => {
      const empty = array({}, 'tuple');
      expect(empty.fixedItems).to.equal(2);
      expect(empty.items.map((i) => (i as ValueField).type)).to.deep.equal(['string', 'boolean']);
      expect(empty.canRemove).to.equal(false);
      expect(empty.canAdd).to.equal(true);
      const more = array({ tuple: ['a', true, 3] }, 'tuple');
      expect(more.items.map((i) => (i as ValueField).type)).to.deep.equal([
        'string',
        'boolean',
        'number',
      ]);
      expect(more.canRemove).to.equal(true);
      expect(more.newItem?.location).to.equal('/schema/properties/tuple/additionalItems');
    });

    it('gives tuple items the ui of items[i], and additional items that of additionalItems', () => {
      const more = array({ tuple: ['a', true, 3] }, 'tuple');
      expect(more.items[0].widget).to.equal('textarea');
      expect(more.items[0].uiLocation).to.equal('/ui/tuple/items/0');
      expect(more.items[1].widget).to.equal('checkbox');
      expect(more.items[2].widget).to.equal('range');
      expect(more.items[2].uiLocation).to.equal('/ui/tuple/additionalItems');
    });

    it('does not allow adding to a closed tuple (2020-12 items: false)', () => {
      const closed = array({ closed: ['x'] }, 'closed');
      expect(closed.fixedItems).to.equal(1);
      expect(closed.canAdd).to.equal(false);
      expect(closed.newItem).to.be.undefined;
    });
  });

  describe('recursion', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: { name: { type: 'string' }, child: { $ref: '#' } },
    };

    it('does not expand a `$ref: "#"` property without data: it is an "Add" in its place', () => {
      const root = tree(schema, {}, {});
      expect(names(root)).to.deep.equal(['name', 'child']);
      const collapsed = child(root, 'child') as ObjectField;
      expect(collapsed.collapsed).to.equal(true);
      expect(collapsed.children).to.deep.equal([]);
      expect(collapsed.expand?.location).to.equal('/schema/properties/child');
    });

    it('expands it as deep as the data goes, with all fields at each level', () => {
      const root = tree(schema, {}, { child: { child: {} } });
      const first = child(root, 'child');
      const second = child(first, 'child') as ObjectField;
      expect(second.pointer).to.equal('/child/child');
      expect(second.collapsed).to.equal(undefined);
      expect(second.removable).to.equal(true);
      expect(names(second)).to.deep.equal(['child/child/name', 'child/child/child']);
      expect(child(second, 'name').pointer).to.equal('/child/child/name');
      expect((child(second, 'child') as ObjectField).collapsed).to.equal(true);
    });

    it('builds recursive $defs trees through arrays', () => {
      const nodeTree = tree(
        {
          $defs: {
            node: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                children: { type: 'array', items: { $ref: '#/$defs/node' } },
              },
            },
          },
          type: 'object',
          properties: { tree: { $ref: '#/$defs/node' } },
        },
        {},
        { tree: { children: [{ children: [{}] }] } },
      );
      const top = child(nodeTree, 'tree');
      const kids = child(top, 'children') as ArrayField;
      const grandKids = child(kids.items[0], 'children') as ArrayField;
      expect(child(grandKids.items[0], 'name').pointer).to.equal(
        '/tree/children/0/children/0/name',
      );
      // An item added there is expanded once, with its fields.
      expect(grandKids.newItem?.schema).to.deep.equal({ $ref: '#/$defs/node' });
      expect(grandKids.refTargets).to.deep.equal([]);
    });
  });
});
