import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { getAt, type Json } from '../../src/builder/core/json.js';
import { itemId } from '../../src/builder/ui/question-list.js';
import { loadJson } from './helpers.js';

async function builder(definition?: Json): Promise<IntakeFormBuilder> {
  const el = await fixture<IntakeFormBuilder>(
    html`<intake-form-builder locale="en"></intake-form-builder>`,
  );
  if (definition) el.definition = definition;
  await el.updateComplete;
  return el;
}

function order(el: IntakeFormBuilder): string[] {
  return [
    ...el.shadowRoot!.querySelectorAll('section.list > ul.tree > li.item > .row > button.select'),
  ].map((b) => b.id);
}

describe('builder: the question list', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));

  it('moves the selected question with Alt+Arrow keys, keeping the focus on it', async () => {
    const el = await builder(await loadJson('/schemas/ki-erstberatung.json'));
    const email = el.shadowRoot!.querySelector<HTMLButtonElement>(`#${itemId(['email'])}`)!;
    email.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Alt+ArrowDown' });
    await el.updateComplete;
    expect((getAt(el.definition, '/ui/ui:order') as string[]).slice(0, 3)).to.deep.equal([
      'person',
      'phone',
      'email',
    ]);
    expect(el.shadowRoot!.activeElement?.id).to.equal(itemId(['email']));
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
      'moved to position 3',
    );
    await sendKeys({ press: 'Alt+ArrowUp' });
    await el.updateComplete;
    expect(getAt(el.definition, '/ui/ui:order')).to.deep.equal(
      getAt(await loadJson('/schemas/ki-erstberatung.json'), '/ui/ui:order'),
    );
  });

  it('moves a question by dragging it onto another in the same list', async () => {
    const el = await builder(await loadJson('/schemas/sprachkurs-anmeldung.json'));
    const before = order(el);
    const items = el.shadowRoot!.querySelectorAll<HTMLElement>('.tree > .item');
    const data = new DataTransfer();
    items[0].dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    items[2].dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
    await el.updateComplete;
    const after = order(el);
    expect(after.slice(0, 3)).to.deep.equal([before[1], before[2], before[0]]);
  });

  it('keeps unexported work in this browser and brings it back', async () => {
    const first = await builder();
    first.shadowRoot!.querySelector<HTMLInputElement>('#add-title')!.value = 'Vorname';
    first.shadowRoot!.querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
    await first.updateComplete;
    const second = await builder();
    expect(getAt(second.definition, '/schema/properties/vorname/title')).to.equal('Vorname');
    expect(second.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('restored');
  });
});
