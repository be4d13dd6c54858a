/**
 * Every definition the round-trip tests use, opened in the element: each question's panel and each
 * tab is shown without an error, and looking changes nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { deepEqual, type Json } from '../../src/builder/core/json.js';
import { allDefinitions } from './helpers.js';

describe('builder: opening every example and RJSF sample', () => {
  let definitions: [string, Json][];
  before(async () => {
    localStorage.removeItem(STORAGE_KEY);
    definitions = (await allDefinitions()).filter(([name]) => !name.startsWith('rjsf file'));
  });

  it('shows every question panel and tab, and leaves the definition as it was', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent): void => {
      errors.push(String(event.message));
    };
    window.addEventListener('error', onError);
    const el = await fixture<IntakeFormBuilder>(html`<intake-form-builder></intake-form-builder>`);
    try {
      for (const [name, definition] of definitions) {
        el.definition = definition;
        await el.updateComplete;
        const items = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.item .select');
        for (const item of items) {
          item.click();
          await el.updateComplete;
          expect(el.shadowRoot!.querySelector('#panel-heading'), name).to.not.equal(null);
        }
        for (const tab of ['form', 'translations', 'json', 'questions']) {
          el.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${tab}`)!.click();
          await el.updateComplete;
        }
        expect(deepEqual(el.definition, definition), name).to.equal(true);
        expect(el.check(), name).to.be.an('array');
      }
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});
