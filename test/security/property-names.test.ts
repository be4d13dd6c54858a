/**
 * Property names that are also names on `Object.prototype` (`__proto__`, `constructor`,
 * `toString`, …): they are ordinary names to JSON Schema and must be ordinary names to the form —
 * never read through to the prototype, never set the prototype.
 */
import { expect } from '@open-wc/testing';
import type { FormDefinition, IntakeForm, JsonValue } from '../../src/index.js';
import { applyDefaults } from '../../src/model/apply-defaults.js';
import { escapeToken, getAtPointer, setAtPointer } from '../../src/model/json-pointer.js';
import { resolverFor } from '../helpers/resolver.js';
import { collectErrors, renderForm, root } from '../helpers/form.js';

const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

/** `{ [name]: value }` as JSON.parse would make it: an own property, whatever the name. */
function objectWith(name: string, value: unknown): Record<string, JsonValue> {
  return JSON.parse(`{${JSON.stringify(name)}:${JSON.stringify(value)}}`);
}

function definition(name: string, extra: Record<string, unknown> = {}): FormDefinition {
  return {
    id: 'names',
    lang: 'en',
    schema: {
      type: 'object',
      properties: objectWith(name, { type: 'string', title: 'Source title', ...extra }) as never,
    },
    ui: objectWith(name, { 'ui:help': 'Help' }) as never,
    translations: {
      de: { [`/schema/properties/${escapeToken(name)}/title`]: 'Übersetzter Titel' },
    },
  };
}

function input(el: IntakeForm, name: string): HTMLInputElement {
  return root(el).querySelector<HTMLInputElement>(`[name="/${CSS.escape(escapeToken(name))}"]`)!;
}

describe('property names that Object.prototype also has', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(
      undefined,
    );
  });

  it('setAtPointer defines them as own properties and never touches a prototype', () => {
    for (const name of NAMES) {
      const written = setAtPointer({}, `/${name}`, { polluted: 1 }) as Record<string, unknown>;
      expect(Object.keys(written), name).to.deep.equal([name]);
      expect(Object.getPrototypeOf(written), name).to.equal(Object.prototype);
      expect(getAtPointer(written, `/${name}/polluted`), name).to.equal(1);
      const nested = setAtPointer({}, `/${name}/polluted`, 'x') as Record<string, unknown>;
      expect(JSON.stringify(nested), name).to.equal(
        JSON.stringify(objectWith(name, { polluted: 'x' })),
      );
      expect(getAtPointer({}, `/${name}`), name).to.equal(undefined);
    }
  });

  it('applyDefaults fills them as own properties and reads no prototype member as data', () => {
    for (const name of NAMES) {
      const resolver = resolverFor({
        type: 'object',
        properties: objectWith(name, { type: 'string', default: 'filled' }) as never,
      });
      const filled = applyDefaults(resolver, {}) as Record<string, unknown>;
      expect(JSON.stringify(filled), name).to.equal(JSON.stringify(objectWith(name, 'filled')));
      expect(Object.getPrototypeOf(filled), name).to.equal(Object.prototype);
      const withoutDefault = resolverFor({
        type: 'object',
        properties: objectWith(name, { type: 'string' }) as never,
      });
      expect(applyDefaults(withoutDefault, {}), name).to.deep.equal({});
    }
  });

  it('validate(): only own properties count as data (ajv ownProperties)', async () => {
    for (const name of NAMES.filter((n) => n !== '__proto__')) {
      const el = await renderForm({
        schema: {
          type: 'object',
          properties: objectWith(name, { type: 'string' }) as never,
        },
      });
      expect(el.validate(), `empty "${name}" is valid`).to.deep.equal({ valid: true, errors: [] });
      const required = await renderForm({
        schema: {
          type: 'object',
          required: [name],
          properties: objectWith(name, { type: 'string' }) as never,
        },
      });
      expect(
        required.validate().errors.map((e) => `${e.pointer} ${e.keyword}`),
        `required "${name}"`,
      ).to.deep.equal([`/${name} required`]);
      required.value = objectWith(name, 'given');
      expect(required.validate().valid, `required "${name}" given`).to.equal(true);
    }
  });

  for (const name of NAMES) {
    it(`"${name}": an empty field, the translated title, typed data kept as an own property`, async () => {
      const errors = await collectErrors(async () => {
        const el = await renderForm(definition(name), 'de');
        const control = input(el, name);
        expect(control.value, 'nothing read from Object.prototype').to.equal('');
        expect(control.labels![0].textContent).to.contain('Übersetzter Titel');
        expect(el.value).to.deep.equal({});
        control.value = 'typed';
        control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        expect(JSON.stringify(el.value)).to.equal(JSON.stringify(objectWith(name, 'typed')));
        expect(Object.getPrototypeOf(el.value)).to.equal(Object.prototype);
        el.value = objectWith(name, 'prefilled');
        await el.updateComplete;
        expect(input(el, name).value).to.equal('prefilled');
        expect(JSON.stringify(el.value)).to.equal(JSON.stringify(objectWith(name, 'prefilled')));
      });
      expect(errors).to.deep.equal([]);
    });
  }
});
