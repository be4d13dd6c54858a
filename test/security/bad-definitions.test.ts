/**
 * Broken and oversized definitions: each gives a clear, localized message in the form's place and
 * `intake-error` with `type: 'definition'` (or renders, where the input is merely large) — never
 * an uncaught exception, a console error or a frozen tab. The limits are documented in
 * docs/limits.md; the timings logged here are the ones recorded there.
 *
 * The corpus of broken files is test/fixtures/broken-definitions/ (one problem per file, listed in
 * its expected.json with the element's expected answer); the large inputs are generated here.
 */
import { MAX_CONTROLS } from '../../src/model/field-limit.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FormDefinition, IntakeForm, SchemaObject } from '../../src/index.js';
import { MAX_CHOICES, MAX_DEFINITION_DEPTH } from '../../src/model/definition-limits.js';
import { collectErrors, root } from '../helpers/form.js';

const CORPUS = '/test/fixtures/broken-definitions';

interface Expected {
  problem: string;
  element: { code: string; pointer?: string } | null;
}

/** The message each DefinitionError code shows, in English and German. */
const MESSAGES: Record<string, { en: RegExp; de: RegExp }> = {
  'too-many-controls': {
    en: /^The form has more questions than can be shown at once \(at most 5000\)\.$/,
    de: /^Das Formular hat mehr Fragen, als auf einmal angezeigt werden können \(höchstens 5000\)\.$/,
  },
  'not-json': {
    en: /^The form definition is not valid JSON\.$/,
    de: /^Die Formulardefinition ist kein gültiges JSON\.$/,
  },
  'not-object': {
    en: /^The form definition does not have the expected structure\.$/,
    de: /^Die Formulardefinition hat nicht den erwarteten Aufbau\.$/,
  },
  'bad-shape': {
    en: /^The form definition does not have the expected structure\.$/,
    de: /^Die Formulardefinition hat nicht den erwarteten Aufbau\.$/,
  },
  'unresolvable-ref': {
    en: /^The form definition refers to a part that does not exist \(.+\)\.$/,
    de: /^Die Formulardefinition verweist auf einen Teil, den es nicht gibt \(.+\)\.$/,
  },
  'cyclic-ref': {
    en: /^The form definition refers to itself in a loop \(.+\)\.$/,
    de: /^Die Formulardefinition verweist im Kreis auf sich selbst \(.+\)\.$/,
  },
  'unsupported-dialect': {
    en: /^The form definition uses an unsupported JSON Schema version \(.+\)\.$/,
    de: /^Die Formulardefinition verwendet eine nicht unterstützte JSON-Schema-Version \(.+\)\.$/,
  },
  'invalid-schema': {
    en: /^The form definition contains an error\.$/,
    de: /^Die Formulardefinition enthält einen Fehler\.$/,
  },
};

const HEADINGS = {
  en: 'This form cannot be shown',
  de: 'Dieses Formular kann nicht angezeigt werden',
};

type Outcome =
  | { kind: 'ready'; el: IntakeForm; ms: number }
  | { kind: 'error'; el: IntakeForm; ms: number; detail: { type: string; message: string } };

/** Loads a definition (`src` URL or object) and waits for `intake-ready` or `intake-error`. */
async function load(source: string | FormDefinition, locale: string): Promise<Outcome> {
  const el = await fixture<IntakeForm>(html`<intake-form locale=${locale}></intake-form>`);
  const start = performance.now();
  const outcome = new Promise<Outcome>((resolve) => {
    el.addEventListener('intake-ready', () => resolve({ kind: 'ready', el, ms: 0 }), {
      once: true,
    });
    el.addEventListener(
      'intake-error',
      (event) => resolve({ kind: 'error', el, ms: 0, detail: (event as CustomEvent).detail }),
      { once: true },
    );
  });
  if (typeof source === 'string') el.src = source;
  else el.definition = source;
  const result = await outcome;
  await el.updateComplete;
  // Until the next frame: the form (or its message) is laid out and on screen.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  result.ms = performance.now() - start;
  return result;
}

/** Asserts the definition error shown in the form's place, worded in `locale`. */
function expectDefinitionError(
  outcome: Outcome,
  locale: 'en' | 'de',
  code: string,
  pointer?: string,
): void {
  expect(outcome.kind, 'intake-error, not intake-ready').to.equal('error');
  if (outcome.kind !== 'error') return;
  expect(outcome.detail.type).to.equal('definition');
  expect(outcome.detail.message).to.match(MESSAGES[code][locale]);
  const box = root(outcome.el).querySelector('[role="alert"]')!;
  expect(box, 'the message in the form’s place').to.exist;
  expect(box.querySelector('h2')!.textContent).to.equal(HEADINGS[locale]);
  expect(box.querySelector('p')!.textContent).to.equal(outcome.detail.message);
  expect(root(outcome.el).querySelector('form'), 'no form').to.equal(null);
  if (pointer !== undefined) {
    expect(box.querySelector('details code')?.textContent ?? '', 'pointer in the details').to.equal(
      pointer,
    );
  }
}

describe('broken definitions (test/fixtures/broken-definitions)', () => {
  let expected: Record<string, Expected> = {};
  before(async () => {
    const all = (await (await fetch(`${CORPUS}/expected.json`)).json()) as Record<string, unknown>;
    delete all.$comment;
    expected = all as Record<string, Expected>;
  });

  it('the corpus is there (the list is not empty)', () => {
    expect(Object.keys(expected).length).to.be.greaterThan(40);
  });

  it('each refused one: a clear message in en and de, intake-error "definition", nothing uncaught', async function () {
    this.timeout(300_000);
    const refused = Object.entries(expected).filter(([, e]) => e.element !== null);
    expect(refused.length).to.be.greaterThan(15);
    for (const [name, { element }] of refused) {
      for (const locale of ['en', 'de'] as const) {
        let outcome: Outcome | undefined;
        const errors = await collectErrors(async () => {
          outcome = await load(`${CORPUS}/${name}.json`, locale);
        });
        const context = `${name} (${locale})`;
        expect(errors, `${context}: console errors and uncaught exceptions`).to.deep.equal([]);
        try {
          expectDefinitionError(outcome!, locale, element!.code, element!.pointer);
        } catch (error) {
          (error as Error).message = `${context}: ${(error as Error).message}`;
          throw error;
        }
        outcome!.el.remove();
      }
    }
  });

  it('each accepted one (ui, step and translation mistakes): renders, nothing uncaught', async function () {
    this.timeout(300_000);
    const accepted = Object.entries(expected).filter(([, e]) => e.element === null);
    expect(accepted.length).to.be.greaterThan(15);
    for (const [name] of accepted) {
      let outcome: Outcome | undefined;
      const errors = await collectErrors(async () => {
        outcome = await load(`${CORPUS}/${name}.json`, 'en');
      });
      expect(errors, `${name}: console errors and uncaught exceptions`).to.deep.equal([]);
      expect(outcome!.kind, name).to.equal('ready');
      expect(root(outcome!.el).querySelector('form [name]'), `${name}: controls`).to.exist;
      outcome!.el.remove();
    }
  });
});

// ---- generated inputs ---------------------------------------------------------------------------

function manyFields(count: number): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (let i = 0; i < count; i++) properties[`f${i}`] = { type: 'string', title: `Field ${i + 1}` };
  return { type: 'object', properties };
}

/** Objects nested `depth` levels deep: `/n/n/…/n` is a text field at the bottom. */
function nested(depth: number): SchemaObject {
  let schema: SchemaObject = { type: 'string', title: 'Bottom' };
  // Each level required: optional objects without data would show as "Add …" (issue 19).
  for (let i = depth; i > 0; i--)
    schema = { type: 'object', title: `Level ${i}`, properties: { n: schema }, required: ['n'] };
  return schema;
}

/** The same, built without recursion, for depths no recursive walk survives. */
function nestedLoosely(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = { type: 'object' };
  let current = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = { type: 'object' };
    current.properties = { n: next };
    current = next;
  }
  return root;
}

function definition(id: string, schema: SchemaObject, extra: Partial<FormDefinition> = {}) {
  return { id, version: '1', lang: 'en', schema, ...extra } as FormDefinition;
}

const timings: Record<string, number> = {};
after(() => {
  const rounded = Object.entries(timings).map(([k, v]) => `${k}: ${Math.round(v)} ms`);
  console.log(`bad-definitions timings — ${rounded.join('; ')}`);
});

describe('large definitions', () => {
  afterEach(() => document.querySelectorAll('intake-form').forEach((el) => el.remove()));

  it('5 000 fields render; 10 000 fields are a clear definition error within a second', async function () {
    this.timeout(600_000);
    let outcome: Outcome | undefined;
    let errors = await collectErrors(async () => {
      outcome = await load(definition('fields-5000', manyFields(MAX_CONTROLS)), 'en');
    });
    expect(errors).to.deep.equal([]);
    expect(outcome!.kind).to.equal('ready');
    timings['5 000 fields'] = outcome!.ms;
    const shadow = root(outcome!.el);
    // A long step is drawn 200 controls a task (src/form/progressive.ts): all of them soon after.
    const drawn = () => shadow.querySelectorAll('input[name]').length;
    const drawing = performance.now();
    while (drawn() < MAX_CONTROLS && performance.now() < drawing + 60_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
    timings['5 000 fields, the rest drawn'] = performance.now() - drawing;
    expect(drawn()).to.equal(MAX_CONTROLS);
    // Typing into the last field still works and reaches the value.
    const last = shadow.querySelector<HTMLInputElement>('[name="/f4999"]')!;
    const start = performance.now();
    last.value = 'last';
    last.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await outcome!.el.updateComplete;
    timings['5 000 fields: one input'] = performance.now() - start;
    expect(outcome!.el.value).to.deep.equal({ f4999: 'last' });
    for (const locale of ['en', 'de'] as const) {
      errors = await collectErrors(async () => {
        outcome = await load(definition('fields-10000', manyFields(10_000)), locale);
      });
      expect(errors, locale).to.deep.equal([]);
      expectDefinitionError(outcome!, locale, 'too-many-controls');
      expect(outcome!.ms, locale).to.be.below(1000);
      expect(root(outcome!.el).querySelector('.definition-error')!.textContent).to.contain('5000');
    }
  });

  it('objects nested 100 levels deep: renders, down to the bottom field', async function () {
    this.timeout(120_000);
    let outcome: Outcome | undefined;
    const errors = await collectErrors(async () => {
      outcome = await load(definition('depth-100', nested(100)), 'en');
    });
    expect(errors).to.deep.equal([]);
    expect(outcome!.kind).to.equal('ready');
    timings['100 levels'] = outcome!.ms;
    const bottom = `${'/n'.repeat(100)}`;
    const shadow = root(outcome!.el);
    // The outermost object is the form itself; the 99 inside it are fieldsets.
    expect(shadow.querySelectorAll('fieldset').length).to.equal(99);
    const input = [...shadow.querySelectorAll<HTMLInputElement>('input[name]')].find(
      (i) => i.name === bottom,
    );
    expect(input, 'the bottom field').to.exist;
    expect(input!.labels![0].textContent).to.contain('Bottom');
  });

  for (const depth of [200, 100_000]) {
    it(`objects nested ${depth} levels deep: a clear message (en, de), no stack overflow`, async function () {
      this.timeout(120_000);
      for (const locale of ['en', 'de'] as const) {
        let outcome: Outcome | undefined;
        const errors = await collectErrors(async () => {
          outcome = await load(
            definition(`depth-${depth}`, nestedLoosely(depth) as SchemaObject),
            locale,
          );
        });
        expect(errors, locale).to.deep.equal([]);
        expectDefinitionError(outcome!, locale, 'invalid-schema');
        const details = root(outcome!.el).querySelector('details')!.textContent!;
        expect(details).to.contain(`nested more than ${MAX_DEFINITION_DEPTH} levels deep`);
        expect(outcome!.ms, 'time to the message').to.be.below(3000);
        timings[`${depth} levels (message, ${locale})`] = outcome!.ms;
      }
    });
  }

  it(`an enum of 50 000 values: a clear message (en, de) within seconds; at most ${MAX_CHOICES}`, async function () {
    this.timeout(120_000);
    const values = Array.from({ length: 50_000 }, (_, i) => `Value ${i + 1}`);
    for (const locale of ['en', 'de'] as const) {
      let outcome: Outcome | undefined;
      const errors = await collectErrors(async () => {
        outcome = await load(
          definition('enum-50000', {
            type: 'object',
            properties: { town: { type: 'string', title: 'Town', enum: values } },
          }),
          locale,
        );
      });
      expect(errors, locale).to.deep.equal([]);
      expectDefinitionError(outcome!, locale, 'invalid-schema', '/schema/properties/town/enum');
      expect(root(outcome!.el).querySelector('details')!.textContent).to.contain(
        `has 50000 entries; at most ${MAX_CHOICES} are supported`,
      );
      expect(outcome!.ms, 'time to the message').to.be.below(3000);
      timings[`enum of 50 000 (message, ${locale})`] = outcome!.ms;
    }
  });

  it('a oneOf of 50 000 titled options: the same message', async () => {
    const options = Array.from({ length: 50_000 }, (_, i) => ({ const: i, title: `Option ${i}` }));
    const outcome = await load(
      definition('oneof-50000', {
        type: 'object',
        properties: { pick: { type: 'integer', oneOf: options } },
      }),
      'en',
    );
    expectDefinitionError(outcome, 'en', 'invalid-schema', '/schema/properties/pick/oneOf');
  });

  it(`an enum of ${MAX_CHOICES} values (the limit): renders as a select (time recorded)`, async function () {
    this.timeout(300_000);
    const values = Array.from({ length: MAX_CHOICES }, (_, i) => `Value ${i + 1}`);
    let outcome: Outcome | undefined;
    const errors = await collectErrors(async () => {
      outcome = await load(
        definition('enum-limit', {
          type: 'object',
          properties: { town: { type: 'string', title: 'Town', enum: values } },
        }),
        'en',
      );
    });
    expect(errors).to.deep.equal([]);
    expect(outcome!.kind).to.equal('ready');
    timings[`enum of ${MAX_CHOICES}`] = outcome!.ms;
    const select = root(outcome!.el).querySelector<HTMLSelectElement>('select[name="/town"]')!;
    expect(select.options.length).to.equal(MAX_CHOICES + 1);
    select.value = String(MAX_CHOICES - 1);
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await outcome!.el.updateComplete;
    expect(outcome!.el.value).to.deep.equal({ town: `Value ${MAX_CHOICES}` });
  });

  it('ui entries for 1 000 fields that do not exist: ignored, the form renders its own fields', async () => {
    const ui: Record<string, unknown> = { 'ui:order': ['b', 'ghost', 'a', '*'] };
    for (let i = 0; i < 1000; i++)
      ui[`ghost${i}`] = { 'ui:widget': 'textarea', nested: { 'ui:help': 'x' } };
    ui.a = { deeper: { 'ui:title': 'never shown' }, items: { 'ui:widget': 'radio' } };
    let outcome: Outcome | undefined;
    const errors = await collectErrors(async () => {
      outcome = await load(
        definition(
          'ghost-ui',
          {
            type: 'object',
            properties: { a: { type: 'string', title: 'A' }, b: { type: 'string', title: 'B' } },
          },
          { ui },
        ),
        'en',
      );
    });
    expect(errors).to.deep.equal([]);
    expect(outcome!.kind).to.equal('ready');
    const names = [...root(outcome!.el).querySelectorAll<HTMLInputElement>('[name]')].map(
      (c) => c.name,
    );
    expect(names).to.deep.equal(['/b', '/a']);
  });

  it('a property name with a lone surrogate: a clear message (ajv cannot compile it)', async () => {
    for (const locale of ['en', 'de'] as const) {
      let outcome: Outcome | undefined;
      const errors = await collectErrors(async () => {
        outcome = await load(
          definition('lone-surrogate-name', {
            type: 'object',
            properties: { 'name\uD800': { type: 'string' } },
          }),
          locale,
        );
      });
      expect(errors, locale).to.deep.equal([]);
      expectDefinitionError(outcome!, locale, 'invalid-schema', '/schema');
      expect(root(outcome!.el).querySelector('details')!.textContent).to.contain(
        'not well-formed Unicode',
      );
    }
  });

  it('wrong types where objects belong, as objects given directly (not as JSON)', async () => {
    const cases: [unknown, string][] = [
      [42, 'not-object'],
      [true, 'not-object'],
      [{ id: 'x', schema: [] }, 'bad-shape'],
      [{ id: 'x', schema: {}, ui: 'nope' }, 'bad-shape'],
      [{ id: 'x', schema: {}, translations: [] }, 'bad-shape'],
      [{ id: 'x', schema: { type: 'object', properties: { a: 7 } } }, 'invalid-schema'],
      [
        { id: 'x', schema: { type: 'object', properties: { a: { type: 'strnig' } } } },
        'invalid-schema',
      ],
      [
        { id: 'x', schema: { type: 'object', properties: { a: { pattern: '(?<' } } } },
        'invalid-schema',
      ],
      [
        { id: 'x', schema: { $schema: 'https://example.org/other', type: 'object' } },
        'unsupported-dialect',
      ],
    ];
    for (const [candidate, code] of cases) {
      let outcome: Outcome | undefined;
      const errors = await collectErrors(async () => {
        outcome = await load(candidate as FormDefinition, 'de');
      });
      const context = JSON.stringify(candidate);
      expect(errors, context).to.deep.equal([]);
      try {
        expectDefinitionError(outcome!, 'de', code);
      } catch (error) {
        (error as Error).message = `${context}: ${(error as Error).message}`;
        throw error;
      }
      outcome!.el.remove();
    }
  });
});
