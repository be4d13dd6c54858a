import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { collectErrors } from '../helpers/form.js';

async function failing(
  setup: (el: IntakeForm) => void,
  locale = 'en',
): Promise<{ el: IntakeForm; detail: { type: string; message: string } }> {
  const el = await fixture<IntakeForm>(html`<intake-form locale=${locale}></intake-form>`);
  const error = new Promise<CustomEvent>((resolve) =>
    el.addEventListener('intake-error', (e) => resolve(e as CustomEvent), { once: true }),
  );
  setup(el);
  const event = await error;
  await el.updateComplete;
  return { el, detail: event.detail };
}

function shownMessage(el: IntakeForm): string {
  const box = el.shadowRoot!.querySelector('[role="alert"]');
  return box ? box.querySelector('p')!.textContent! : '';
}

describe('malformed definitions', () => {
  const cases: [string, (el: IntakeForm) => void, RegExp][] = [
    [
      'a src that answers 404',
      (el) => (el.src = '/test/fixtures/definitions/does-not-exist.json'),
      /could not be loaded \(HTTP 404\)/,
    ],
    [
      'a src that is not JSON',
      (el) => (el.src = '/test/fixtures/definitions/not-json.json'),
      /not valid JSON/,
    ],
    [
      'a definition that is not an object',
      (el) => (el.definition = [] as unknown as FormDefinition),
      /expected structure/,
    ],
    [
      'a schema that is not an object',
      (el) => (el.definition = { id: 'x', schema: 'nope' } as unknown as FormDefinition),
      /expected structure/,
    ],
    [
      'an unresolvable $ref',
      (el) =>
        (el.definition = {
          id: 'x',
          schema: { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } },
        }),
      /refers to a part that does not exist \(#\/\$defs\/missing\)/,
    ],
    [
      'a $ref cycle',
      (el) =>
        (el.definition = {
          id: 'x',
          schema: {
            $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
            properties: { x: { $ref: '#/$defs/a' } },
          },
        }),
      /refers to itself in a loop/,
    ],
    [
      'an invalid regular expression',
      (el) =>
        (el.definition = {
          id: 'x',
          schema: { type: 'object', properties: { a: { type: 'string', pattern: '([' } } },
        }),
      /contains an error/,
    ],
    [
      'an unknown $schema',
      (el) =>
        (el.definition = {
          id: 'x',
          schema: { $schema: 'https://example.org/my-schema', type: 'object' },
        }),
      /unsupported JSON Schema version/,
    ],
  ];

  for (const [name, setup, message] of cases) {
    it(`${name}: a clear message in the form's place and intake-error 'definition'`, async () => {
      let result: Awaited<ReturnType<typeof failing>> | undefined;
      const errors = await collectErrors(async () => {
        result = await failing(setup);
      });
      expect(errors, 'no uncaught errors').to.deep.equal([]);
      expect(result!.detail.type).to.equal('definition');
      expect(result!.detail.message).to.match(message);
      expect(shownMessage(result!.el)).to.match(message);
      expect(result!.el.shadowRoot!.querySelector('h2')!.textContent).to.equal(
        'This form cannot be shown',
      );
    });
  }

  it('words the message in the chosen language', async () => {
    const { el, detail } = await failing(
      (form) => (form.src = '/test/fixtures/definitions/does-not-exist.json'),
      'de',
    );
    expect(detail.message).to.equal('Das Formular konnte nicht geladen werden (HTTP 404).');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(
      'Dieses Formular kann nicht angezeigt werden',
    );
  });

  it('recovers when a good definition follows a bad one', async () => {
    const { el } = await failing(
      (form) => (form.definition = { id: 'x', schema: 'nope' } as unknown as FormDefinition),
    );
    const ready = new Promise((resolve) =>
      el.addEventListener('intake-ready', resolve, { once: true }),
    );
    el.definition = {
      id: 'ok',
      schema: { type: 'object', properties: { a: { type: 'string', title: 'A' } } },
    };
    await ready;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[name="/a"]')).to.exist;
  });
});

describe('loading', () => {
  it('registers once even when imported twice', async () => {
    await import('../../src/index.js');
    await import('../../src/index.js?again' as string).catch(() => undefined);
    expect(customElements.get('intake-form')).to.exist;
  });

  it('keeps entered data when the schema is replaced, where the pointer still exists', async () => {
    const el = await fixture<IntakeForm>(html`<intake-form></intake-form>`);
    const ready = new Promise((resolve) =>
      el.addEventListener('intake-ready', resolve, { once: true }),
    );
    el.definition = {
      id: 'x',
      schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
    };
    await ready;
    el.value = { a: 'kept', b: 'also kept' };
    // A host that swaps the definition is told when the new form is shown.
    const readyAgain = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('intake-ready', (e) => resolve(e as CustomEvent), { once: true }),
    );
    el.schema = {
      type: 'object',
      properties: {
        a: { type: 'string', title: 'A again' },
        c: { type: 'string', default: 'new' },
      },
    };
    const again = (await readyAgain).detail as { id: string; version?: string; validator: string };
    expect(again).to.include({ id: 'x', version: undefined });
    // A raw schema: compiled now, or its code kept from an earlier test in this browser.
    expect(again.validator).to.be.oneOf(['compiled', 'cached']);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain('A again');
    expect(el.shadowRoot!.querySelector('[name="/a"]')).to.exist;
    expect((el.shadowRoot!.querySelector('[name="/a"]') as HTMLInputElement).value).to.equal(
      'kept',
    );
    expect(el.value).to.include({ a: 'kept', c: 'new' });
  });

  it('loads a definition from src and renders the example form', async () => {
    const el = await fixture<IntakeForm>(
      html`<intake-form src="/schemas/ki-erstberatung.json"></intake-form>`,
    );
    const detail = await new Promise<{ id: string; version: string; validator: string }>(
      (resolve) =>
        el.addEventListener('intake-ready', (e) => resolve((e as CustomEvent).detail), {
          once: true,
        }),
    );
    expect(detail).to.include({ id: 'ki-erstberatung', version: '2026-11-01' });
    expect(detail.validator).to.be.oneOf(['compiled', 'cached']);
    expect(el.shadowRoot!.querySelector('form')!.getAttribute('lang')).to.equal('de');
  });
});
