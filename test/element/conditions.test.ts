import { expect } from '@open-wc/testing';
import type { SchemaObject } from '../../src/index.js';
import { control, controls, renderForm, root } from '../helpers/form.js';

const schema: SchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    status: {
      title: 'Status',
      oneOf: [
        { const: 'permit', title: 'Residence permit' },
        { const: 'other', title: 'Other' },
      ],
    },
    childcare: { type: 'boolean', title: 'Childcare needed' },
    email: { type: 'string', title: 'Email' },
  },
  allOf: [
    {
      if: { properties: { status: { const: 'permit' } }, required: ['status'] },
      then: {
        properties: {
          permitExpiry: { type: 'string', format: 'date', title: 'Permit valid until' },
        },
        required: ['permitExpiry'],
      },
      else: { properties: { note: { type: 'string', title: 'Tell us more' } } },
    },
  ],
  dependentRequired: { email: ['phone'] },
  dependentSchemas: {
    childcare: {
      properties: { children: { type: 'integer', title: 'Number of children', minimum: 1 } },
    },
  },
};

function has(el: HTMLElement, pointer: string): boolean {
  return el.shadowRoot!.querySelector(`[name="${pointer}"]`) !== null;
}

async function choose(
  el: HTMLElement & { updateComplete: Promise<boolean> },
  pointer: string,
  index: number,
) {
  controls(el as never, pointer)[index].click();
  await el.updateComplete;
}

describe('conditional questions', () => {
  it('shows the then-branch only while its condition holds, with required markers updated at once', async () => {
    const el = await renderForm({
      schema: {
        ...schema,
        properties: { ...schema.properties, phone: { type: 'string', title: 'Phone' } },
      },
      ui: { status: { 'ui:widget': 'radio' } },
    });
    expect(has(el, '/permitExpiry')).to.equal(false);
    expect(has(el, '/note')).to.equal(true); // else-branch: status is not "permit"
    await choose(el, '/status', 0);
    expect(has(el, '/permitExpiry')).to.equal(true);
    expect(has(el, '/note')).to.equal(false);
    expect(control(el, '/permitExpiry').required).to.equal(true);
    await choose(el, '/status', 1);
    expect(has(el, '/permitExpiry')).to.equal(false);
  });

  it('keeps a switched-off branch’s answers in memory but leaves them out of value and validation', async () => {
    const el = await renderForm({ schema, ui: { status: { 'ui:widget': 'radio' } } });
    await choose(el, '/status', 0);
    const expiry = control(el, '/permitExpiry');
    expiry.value = '2027-01-31';
    expiry.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ status: 'permit', permitExpiry: '2027-01-31' });
    await choose(el, '/status', 1);
    expect(el.value).to.deep.equal({ status: 'other' });
    expect(el.validate().valid).to.equal(true);
    await choose(el, '/status', 0);
    expect(control(el, '/permitExpiry').value).to.equal('2027-01-31');
    expect(el.value).to.deep.equal({ status: 'permit', permitExpiry: '2027-01-31' });
  });

  it('requires the then-branch’s fields only while it applies', async () => {
    const el = await renderForm({ schema, ui: { status: { 'ui:widget': 'radio' } } });
    await choose(el, '/status', 0);
    const { errors } = el.validate();
    expect(errors.map((e) => `${e.pointer} ${e.keyword}`)).to.deep.equal([
      '/permitExpiry required',
    ]);
  });

  it('dependentRequired and dependentSchemas follow the answers they depend on', async () => {
    const el = await renderForm({
      schema: {
        ...schema,
        properties: { ...schema.properties, phone: { type: 'string', title: 'Phone' } },
      },
    });
    expect(control(el, '/phone').required).to.equal(false);
    control(el, '/email').value = 'a@b.de';
    control(el, '/email').dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(control(el, '/phone').required).to.equal(true);
    expect(el.validate().errors.map((e) => `${e.pointer} ${e.keyword}`)).to.deep.equal([
      '/phone dependentRequired',
    ]);
    expect(has(el, '/children')).to.equal(false);
    control(el, '/childcare').click();
    await el.updateComplete;
    expect(has(el, '/children')).to.equal(true);
  });

  it('fills the defaults of questions a condition switches on, and never refills one the person cleared', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          course: { type: 'string', title: 'Course', enum: ['german', 'orientation'] },
        },
        if: { properties: { course: { const: 'german' } }, required: ['course'] },
        then: {
          properties: {
            level: { type: 'string', title: 'Level', default: 'A1' },
            learners: {
              type: 'array',
              title: 'Learners',
              minItems: 1,
              items: {
                type: 'object',
                properties: { language: { type: 'string', title: 'Language', default: 'ar' } },
              },
            },
          },
        },
      },
    });
    expect(has(el, '/level')).to.equal(false);
    const course = control<HTMLSelectElement>(el, '/course');
    course.value = [...course.options].find((o) => o.textContent?.trim() === 'german')!.value;
    course.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await el.updateComplete;
    // As if the form had been loaded with "german" chosen.
    expect(control(el, '/level').value).to.equal('A1');
    expect(control(el, '/learners/0/language').value).to.equal('ar');
    expect(el.value).to.deep.equal({
      course: 'german',
      level: 'A1',
      learners: [{ language: 'ar' }],
    });
    // The person empties the level; a later change elsewhere does not bring the default back.
    const level = control(el, '/level');
    level.value = '';
    level.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const language = control(el, '/learners/0/language');
    language.value = 'fa';
    language.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(control(el, '/level').value).to.equal('');
    expect(el.value).to.deep.equal({ course: 'german', learners: [{ language: 'fa' }] });
  });

  it('picks an object alternative by its const discriminator, offered as a choice', async () => {
    const el = await renderForm(
      {
        schema: {
          type: 'object',
          properties: {
            contact: {
              title: 'Contact',
              type: 'object',
              oneOf: [
                {
                  title: 'By email',
                  properties: {
                    kind: { const: 'email' },
                    address: { type: 'string', title: 'Email address' },
                  },
                  required: ['kind', 'address'],
                },
                {
                  title: 'By phone',
                  properties: {
                    kind: { const: 'phone' },
                    number: { type: 'string', title: 'Phone number' },
                  },
                  required: ['kind', 'number'],
                },
              ],
            },
          },
        },
        ui: { contact: { kind: { 'ui:widget': 'radio' } } },
        translations: { de: { '/schema/properties/contact/oneOf/1/title': 'Per Telefon' } },
      },
      'de',
    );
    const options = controls(el, '/contact/kind');
    expect(options.map((o) => o.labels![0].textContent)).to.deep.equal(['By email', 'Per Telefon']);
    expect(has(el, '/contact/address')).to.equal(false);
    options[1].click();
    await el.updateComplete;
    expect(has(el, '/contact/number')).to.equal(true);
    expect(has(el, '/contact/address')).to.equal(false);
    const number = control(el, '/contact/number');
    number.value = '0221 123';
    number.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ contact: { kind: 'phone', number: '0221 123' } });
    expect(el.validate().valid).to.equal(true);
  });

  it('offers a choice between alternatives that nothing in the data tells apart', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          id: {
            title: 'Identification',
            type: 'object',
            oneOf: [
              {
                title: 'Passport',
                type: 'object',
                properties: { passportNumber: { type: 'string', title: 'Passport number' } },
                required: ['passportNumber'],
              },
              {
                title: 'Residence card',
                type: 'object',
                properties: {
                  cardNumber: { type: 'string', title: 'Card number' },
                  issuedBy: { type: 'string', title: 'Issued by', default: 'Ausländerbehörde' },
                },
                required: ['cardNumber'],
              },
            ],
          },
        },
      },
    });
    expect(has(el, '/id/passportNumber')).to.equal(true);
    const select = root(el).querySelector<HTMLSelectElement>('select')!;
    expect(select.labels![0].textContent).to.equal('Choose an option');
    select.value = '1';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(has(el, '/id/cardNumber')).to.equal(true);
    expect(has(el, '/id/passportNumber')).to.equal(false);
    // The picked alternative's defaults come with its questions.
    expect(control(el, '/id/issuedBy').value).to.equal('Ausländerbehörde');
    expect(el.value).to.deep.equal({ id: { issuedBy: 'Ausländerbehörde' } });
  });
});
