import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SchemaObject } from '../../src/index.js';
import { control, controls, renderForm, root, typeInto } from '../helpers/form.js';

const schema: SchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['name', 'email'],
  properties: {
    name: { type: 'string', title: 'Name' },
    notes: { type: 'string', title: 'Notes' },
    email: { type: 'string', format: 'email', title: 'Email' },
    phone: { type: 'string', title: 'Phone' },
    website: { type: 'string', format: 'uri', title: 'Website' },
    age: { type: 'integer', title: 'Age', minimum: 0, maximum: 130 },
    amount: { type: 'number', title: 'Amount', multipleOf: 0.5 },
    birthDate: { type: 'string', format: 'date', title: 'Birth date' },
    time: { type: 'string', format: 'time', title: 'Time' },
    appointment: { type: 'string', format: 'date-time', title: 'Appointment' },
    agree: { type: 'boolean', title: 'I agree' },
    color: { type: 'string', title: 'Colour', enum: ['red', 'green', 'blue'] },
    size: {
      type: 'string',
      title: 'Size',
      oneOf: [
        { const: 's', title: 'Small' },
        { const: 'l', title: 'Large' },
      ],
    },
    languages: {
      type: 'array',
      title: 'Languages',
      uniqueItems: true,
      items: { type: 'string', enum: ['de', 'en', 'ar'] },
    },
    secret: { type: 'string', title: 'Secret' },
    document: { type: 'string', format: 'data-url', title: 'Document' },
    nothingHere: { type: 'null', title: 'Just a note' },
    fixed: { type: 'string', title: 'Fixed', const: 'A', readOnly: true },
  },
};

const ui = {
  notes: { 'ui:widget': 'textarea' },
  phone: { 'ui:widget': 'tel', 'ui:autocomplete': 'tel' },
  name: {
    'ui:autocomplete': 'name',
    'ui:placeholder': 'Jane Doe',
    'ui:help': 'As on your passport',
  },
  email: { 'ui:autocomplete': 'email' },
  size: { 'ui:widget': 'radio' },
  secret: { 'ui:widget': 'hidden' },
  document: { 'ui:options': { accept: '.pdf', maxSize: 1000 } },
};

describe('widgets', () => {
  it('renders one native control per value, named by its JSON Pointer', async () => {
    const el = await renderForm({ schema, ui });
    const expectations: [string, string, string | null][] = [
      ['/name', 'INPUT', 'text'],
      ['/notes', 'TEXTAREA', null],
      ['/email', 'INPUT', 'email'],
      ['/phone', 'INPUT', 'tel'],
      ['/website', 'INPUT', 'url'],
      ['/age', 'INPUT', 'text'],
      ['/amount', 'INPUT', 'text'],
      ['/birthDate', 'INPUT', 'date'],
      ['/time', 'INPUT', 'time'],
      ['/appointment', 'INPUT', 'datetime-local'],
      ['/agree', 'INPUT', 'checkbox'],
      ['/color', 'SELECT', null],
      ['/size', 'INPUT', 'radio'],
      ['/languages', 'INPUT', 'checkbox'],
      ['/secret', 'INPUT', 'hidden'],
      ['/document', 'INPUT', 'file'],
    ];
    for (const [pointer, tag, type] of expectations) {
      const node = control(el, pointer);
      expect(node.tagName, pointer).to.equal(tag);
      if (type) expect(node.getAttribute('type'), pointer).to.equal(type);
    }
    expect(controls(el, '/size')).to.have.length(2);
    expect(controls(el, '/languages')).to.have.length(3);
    expect(root(el).querySelector('[name="/nothingHere"]')).to.equal(null);
  });

  it('draws a slider (a chunk of its own) from the start, within the schema\u2019s limits', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          satisfaction: { type: 'integer', title: 'Satisfaction', minimum: 1, maximum: 5 },
        },
      },
      ui: { satisfaction: { 'ui:widget': 'range' } },
    });
    const slider = control(el, '/satisfaction');
    expect(slider.getAttribute('type')).to.equal('range');
    expect([slider.min, slider.max, slider.step]).to.deep.equal(['1', '5', '1']);
    expect(slider.labels![0].textContent).to.contain('Satisfaction');
    slider.value = '4';
    slider.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ satisfaction: 4 });
  });

  it('gives every visible control a label, and groups a legend', async () => {
    const el = await renderForm({ schema, ui });
    for (const input of root(el).querySelectorAll<HTMLInputElement>(
      'input:not([type=hidden]), select, textarea',
    )) {
      const labels = input.labels ? [...input.labels] : [];
      const legend = input.closest('fieldset')?.querySelector('legend');
      expect(labels.length > 0 || Boolean(legend), `label for ${input.name}`).to.equal(true);
    }
    expect(control(el, '/name').labels![0].textContent).to.contain('Name');
    expect(
      controls(el, '/size')[0].closest('fieldset')!.querySelector('legend')!.textContent,
    ).to.contain('Size');
    expect(controls(el, '/size')[1].labels![0].textContent).to.equal('Large');
  });

  it('carries required, autocomplete, placeholder, help and number limits from the definition', async () => {
    const el = await renderForm({ schema, ui });
    const name = control(el, '/name');
    expect(name.required).to.equal(true);
    expect(name.getAttribute('aria-required')).to.equal('true');
    expect(name.getAttribute('autocomplete')).to.equal('name');
    expect(name.placeholder).to.equal('Jane Doe');
    const hint = root(el).getElementById(name.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(hint.textContent).to.contain('As on your passport');
    expect(control(el, '/email').getAttribute('autocomplete')).to.equal('email');
    expect(control(el, '/phone').getAttribute('autocomplete')).to.equal('tel');
    expect(control(el, '/notes').required).to.equal(false);
    expect(control(el, '/notes').closest('.field')!.querySelector('label')!.textContent).to.contain(
      '(optional)',
    );
    // Numbers: a numeric keyboard, and the limits stated in the hint the control points at.
    const age = control(el, '/age');
    expect(age.inputMode).to.equal('numeric');
    expect(control(el, '/amount').inputMode).to.equal('decimal');
    const ageHint = root(el).getElementById(age.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(ageHint.textContent).to.contain('Enter a number from 0 to 130.');
    expect(control(el, '/document').accept).to.equal('.pdf');
    expect(control(el, '/fixed').readOnly).to.equal(true);
  });

  it('updates value and fires intake-change as the person types, ticks and chooses', async () => {
    const el = await renderForm({ schema, ui });
    const change = oneEvent(el, 'intake-change');
    await typeInto(el, '/name', 'Amal');
    const event = await change;
    expect(event.detail.pointer).to.equal('/name');
    expect(el.value).to.include({ name: 'Amal' });

    await typeInto(el, '/age', '42');
    expect(el.value).to.include({ age: 42 });

    control(el, '/agree').click();
    await el.updateComplete;
    expect(el.value).to.include({ agree: true });

    const select = control<HTMLSelectElement>(el, '/color');
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.value).to.include({ color: 'blue' });

    controls(el, '/size')[1].click();
    await el.updateComplete;
    expect(el.value).to.include({ size: 'l' });

    const languages = controls(el, '/languages');
    languages[2].click();
    languages[0].click();
    await el.updateComplete;
    expect((el.value as Record<string, unknown>).languages).to.deep.equal(['de', 'ar']);

    const appointment = control(el, '/appointment');
    appointment.focus();
    appointment.value = '2026-12-01T09:30';
    appointment.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect((el.value as Record<string, unknown>).appointment).to.equal(
      new Date('2026-12-01T09:30').toISOString(),
    );

    // Clearing a text field removes the value, so `required` can catch it.
    control(el, '/name').focus();
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(el.value).not.to.have.property('name');
  });

  it('keeps typed text that is not a number on screen, and says so once the person leaves', async () => {
    const el = await renderForm({ schema, ui });
    await typeInto(el, '/age', '4x');
    expect(control(el, '/age').value).to.equal('4x');
    expect(el.value).not.to.have.property('age');
    expect(root(el).querySelector('[data-pointer="/age"] .error-message')).to.equal(null);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root(el).querySelector('[data-pointer="/age"] .error-message')!.textContent).to.contain(
      'Please enter a whole number.',
    );
    expect(control(el, '/age').value).to.equal('4x');
  });

  it('turns Arabic-Indic digits into ASCII where only the ASCII text matches the pattern', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          permit: { type: 'string', title: 'Permit number', pattern: '^[A-Z]{2}-[0-9]{4}$' },
          note: { type: 'string', title: 'Note', pattern: '^[^0-9]*$' },
        },
      },
    });
    await typeInto(el, '/permit', 'AB-١٢٣٤');
    // A pattern that rejects ASCII digits keeps what was typed.
    await typeInto(el, '/note', 'رقم ٣');
    expect(el.value).to.deep.equal({ permit: 'AB-1234', note: 'رقم ٣' });
    expect(el.validate().valid).to.equal(true);
  });

  it('accepts Arabic-Indic and Persian digits and a decimal comma, stored as ASCII numbers', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          age: { type: 'integer', title: 'Age' },
          amount: { type: 'number', title: 'Amount' },
          phone: { type: 'string', title: 'Phone' },
          postalCode: { type: 'string', title: 'Postal code', pattern: '^[0-9]{5}$' },
          name: { type: 'string', title: 'Name' },
        },
      },
      ui: { phone: { 'ui:widget': 'tel' } },
    });
    await typeInto(el, '/age', '٤٢');
    await typeInto(el, '/amount', '۱٫۵');
    await typeInto(el, '/phone', '+۴۹ ۲۲۱ ۱۲۳');
    await typeInto(el, '/postalCode', '٥٠٦٦٧');
    await typeInto(el, '/name', 'رقم ٣');
    expect(el.value).to.deep.equal({
      age: 42,
      amount: 1.5,
      phone: '+49 221 123',
      postalCode: '50667',
      name: 'رقم ٣',
    });
    expect(el.validate().valid).to.equal(true);
    const comma = await renderForm(
      { schema: { type: 'object', properties: { n: { type: 'number' } } } },
      'de',
    );
    await typeInto(comma, '/n', '2,75');
    expect(comma.value).to.deep.equal({ n: 2.75 });
    expect(control(comma, '/n').value).to.equal('2,75');
  });

  it('prefills from `value` and keeps data types', async () => {
    const el = await renderForm({ schema, ui });
    el.value = {
      name: 'Olena',
      age: 30,
      agree: true,
      color: 'green',
      size: 's',
      languages: ['en'],
      time: '08:15',
    };
    await el.updateComplete;
    expect(control(el, '/name').value).to.equal('Olena');
    expect(control(el, '/age').value).to.equal('30');
    expect(control(el, '/agree').checked).to.equal(true);
    expect(control<HTMLSelectElement>(el, '/color').selectedOptions[0].text).to.equal('green');
    expect(controls(el, '/size')[0].checked).to.equal(true);
    expect(controls(el, '/languages').map((c) => c.checked)).to.deep.equal([false, true, false]);
    expect(control(el, '/time').value).to.equal('08:15');
    expect(el.value).to.include({ name: 'Olena', age: 30 });
  });

  it('reads a chosen file into a data URL with its name, and refuses one that is too large', async () => {
    const el = await renderForm({ schema, ui });
    const input = control(el, '/document');
    const small = new File(['%PDF-1.4 hello'], 'antrag.pdf', { type: 'application/pdf' });
    const transfer = new DataTransfer();
    transfer.items.add(small);
    input.files = transfer.files;
    const changed = oneEvent(el, 'intake-change');
    input.dispatchEvent(new Event('change'));
    await changed;
    await el.updateComplete;
    const value = (el.value as Record<string, string>).document;
    expect(value).to.match(/^data:application\/pdf;name=antrag\.pdf;base64,/);
    expect(root(el).querySelector('.files')!.textContent).to.contain('antrag.pdf');

    const big = new File(['x'.repeat(5000)], 'big.pdf', { type: 'application/pdf' });
    const transfer2 = new DataTransfer();
    transfer2.items.add(big);
    input.files = transfer2.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const message = root(el).querySelector(
      '[data-pointer="/document"] .error-message',
    )!.textContent!;
    expect(message).to.contain('big.pdf');
    expect(message).to.contain('too large');
    expect(message).to.match(/1 kB/);
    // The earlier file is kept; nothing was replaced by the refused one.
    expect((el.value as Record<string, string>).document).to.equal(value);

    const wrongType = new File(['x'], 'photo.png', { type: 'image/png' });
    const transfer3 = new DataTransfer();
    transfer3.items.add(wrongType);
    input.files = transfer3.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(
      root(el).querySelector('[data-pointer="/document"] .error-message')!.textContent,
    ).to.contain('does not accept');
  });

  it('a file chosen just before sending is sent, not reported missing', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        required: ['proof'],
        properties: { proof: { type: 'string', format: 'data-url', title: 'Proof' } },
      },
      ui: { proof: { 'ui:options': { accept: '.pdf' } } },
    });
    let sent: Record<string, unknown> | undefined;
    el.addEventListener('intake-submit', (event) => {
      event.preventDefault();
      sent = (event as CustomEvent<{ value: Record<string, unknown> }>).detail.value;
    });
    const input = control(el, '/proof');
    // Large enough that reading it takes longer than a click: 4 MB.
    const file = new File(['%PDF-1.4 ' + 'x'.repeat(4_000_000)], 'proof.pdf', {
      type: 'application/pdf',
    });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    // "Send" at once, while the file is still being read.
    const result = await el.submit();
    expect(result.ok, 'sent').to.equal(true);
    expect(String(sent?.proof)).to.match(/^data:application\/pdf;name=proof\.pdf;base64,/);
  });

  it('focuses the field marked ui:autofocus once the form is ready', async () => {
    const el = await renderForm({ schema, ui: { ...ui, email: { 'ui:autofocus': true } } });
    expect(el.shadowRoot!.activeElement).to.equal(control(el, '/email'));
  });

  it('shows hostile text as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const el = await renderForm({
      schema: {
        type: 'object',
        title: evil,
        properties: { x: { type: 'string', title: evil, description: evil, enum: [evil] } },
      },
      ui: { x: { 'ui:placeholder': evil } },
    });
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('script')).to.equal(null);
    expect(control(el, '/x').closest('.field')!.querySelector('label')!.textContent).to.contain(
      '<img',
    );
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
