/**
 * Maps (issue 19): an object with `additionalProperties` / `patternProperties` gets a key/value
 * editor. Entries are added by a name checked before the entry exists, removed again, reached and
 * used by keyboard, labelled by their names, and their errors show at their own pointer.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { IntakeForm } from '../../src/index.js';
import { control, renderForm, root } from '../helpers/form.js';

const schema = {
  type: 'object',
  properties: {
    fees: {
      type: 'object',
      title: 'Fees',
      properties: { base: { type: 'number', title: 'Base fee' } },
      additionalProperties: { type: 'integer', minimum: 0 },
      propertyNames: { pattern: '^[a-z]+$' },
    },
  },
};

function nameInput(el: IntakeForm): HTMLInputElement {
  return root(el).querySelector<HTMLInputElement>('[data-map-name="/fees"]')!;
}

function status(el: IntakeForm): string {
  return root(el).querySelector('[role="status"][aria-live]')!.textContent!.trim();
}

async function settle(el: IntakeForm) {
  await el.updateComplete;
  await el.updateComplete;
}

describe('maps', () => {
  it('adds an entry by name with the keyboard, labels it by its name and focuses it', async () => {
    const el = await renderForm({ schema });
    const input = nameInput(el);
    const label = root(el).querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).to.contain('Name of a new entry');
    input.focus();
    await sendKeys({ type: 'adult' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.deep.equal({ fees: { adult: null } });
    const entry = control(el, '/fees/adult');
    expect(root(el).activeElement === entry).to.equal(true);
    expect(root(el).querySelector(`label[for="${entry.id}"]`)!.textContent).to.contain('adult');
    expect(status(el)).to.equal('Entry adult added.');
    await sendKeys({ type: '12' });
    expect(el.value).to.deep.equal({ fees: { adult: 12 } });
    expect(el.validate().valid).to.equal(true);
  });

  it('refuses a name that propertyNames, a listed property or an entry already takes', async () => {
    const el = await renderForm({ schema });
    el.value = { fees: { adult: 1 } };
    await settle(el);
    const input = nameInput(el);
    const tryName = async (name: string) => {
      input.value = name;
      root(el).querySelector<HTMLButtonElement>('[data-action="add-entry"]')!.click();
      await settle(el);
      const error = root(el).querySelector<HTMLElement>(`#${input.id}-error`)!;
      return error.hidden ? '' : error.textContent!.replace(/\s+/g, ' ').trim();
    };
    expect(await tryName('Adult')).to.equal('Error: This name is not allowed here.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(await tryName('adult')).to.equal('Error: There is already an entry with this name.');
    expect(await tryName('base')).to.equal('Error: There is already an entry with this name.');
    expect(await tryName('')).to.equal('Error: Enter a name for the new entry.');
    expect(el.value).to.deep.equal({ fees: { adult: 1 } });
    expect(await tryName('child')).to.equal('');
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
    expect(el.value).to.deep.equal({ fees: { adult: 1, child: null } });
  });

  it("shows an entry's error at the entry and removes the entry again", async () => {
    const el = await renderForm({ schema });
    el.value = { fees: { adult: -1 } };
    await settle(el);
    const result = el.validate();
    expect(result.errors.map((e) => e.pointer)).to.deep.equal(['/fees/adult']);
    await settle(el);
    const entry = root(el).querySelector('[data-entry="/fees/adult"]')!;
    expect(entry.querySelector('.error-message')).to.exist;
    expect(control(el, '/fees/adult').getAttribute('aria-invalid')).to.equal('true');
    const remove = entry.querySelector<HTMLButtonElement>('[data-action="remove-entry"]')!;
    expect(remove.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Remove adult');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.deep.equal({ fees: {} });
    expect(status(el)).to.equal('Entry adult removed.');
    expect(root(el).activeElement === nameInput(el)).to.equal(true);
    expect(el.validate().valid).to.equal(true);
  });

  it('gives a map of objects its fields per entry', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          contacts: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: { phone: { type: 'string', title: 'Phone' } },
              required: ['phone'],
            },
          },
        },
      },
    });
    const input = root(el).querySelector<HTMLInputElement>('[data-map-name="/contacts"]')!;
    input.value = 'office';
    root(el).querySelector<HTMLButtonElement>('[data-action="add-entry"]')!.click();
    await settle(el);
    expect(el.value).to.deep.equal({ contacts: { office: {} } });
    expect(
      root(el).querySelector('[data-entry="/contacts/office"] legend')!.textContent,
    ).to.contain('office');
    const result = el.validate();
    expect(result.errors.map((e) => e.pointer)).to.deep.equal(['/contacts/office/phone']);
  });

  describe('defaults of entries', () => {
    const withDefaults = {
      type: 'object',
      properties: {
        rooms: {
          type: 'object',
          title: 'Rooms',
          patternProperties: {
            '^hall': {
              type: 'object',
              properties: {
                seats: { type: 'integer', default: 100 },
                stage: { type: 'boolean', default: true },
              },
            },
          },
          additionalProperties: {
            type: 'object',
            properties: { seats: { type: 'integer', default: 10 }, note: { type: 'string' } },
          },
        },
        tags: {
          type: 'object',
          title: 'Tags',
          additionalProperties: { type: 'string', default: 'none' },
        },
      },
    };

    async function add(el: IntakeForm, pointer: string, name: string) {
      const input = root(el).querySelector<HTMLInputElement>(
        `[data-map-name="${CSS.escape(pointer)}"]`,
      )!;
      input.focus();
      await sendKeys({ type: name });
      await sendKeys({ press: 'Enter' });
      await settle(el);
    }

    it("a new entry starts with its schema's defaults: the matching pattern's, else additionalProperties'", async () => {
      const el = await renderForm({ schema: withDefaults });
      await add(el, '/rooms', 'hallA');
      await add(el, '/rooms', 'kitchen');
      await add(el, '/tags', 'colour');
      expect(el.value).to.deep.equal({
        rooms: { hallA: { seats: 100, stage: true }, kitchen: { seats: 10 } },
        tags: { colour: 'none' },
      });
      expect(control(el, '/rooms/hallA/seats').value).to.equal('100');
      expect(control(el, '/rooms/kitchen/seats').value).to.equal('10');
      expect(control(el, '/tags/colour').value).to.equal('none');
    });

    it("entries in the data get their schema's defaults where they leave a value out", async () => {
      const el = await renderForm({ schema: withDefaults });
      el.value = { rooms: { hallB: { stage: false }, office: { note: 'upstairs' } } };
      await settle(el);
      // Given values stay (stage: false); missing ones are filled from the entry's own schema.
      expect(el.value).to.deep.equal({
        rooms: { hallB: { stage: false, seats: 100 }, office: { note: 'upstairs', seats: 10 } },
      });
      expect(control(el, '/rooms/office/seats').value).to.equal('10');
    });
  });
});
