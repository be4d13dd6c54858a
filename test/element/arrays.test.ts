import { expect } from '@open-wc/testing';
import type { SchemaObject } from '../../src/index.js';
import { control, focused, renderForm, root } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  properties: {
    children: {
      type: 'array',
      title: 'Children',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        title: 'Child',
        properties: {
          name: { type: 'string', title: 'Name' },
          year: { type: 'integer', title: 'Birth year', default: 2020 },
        },
      },
    },
    tags: { type: 'array', title: 'Tags', items: { type: 'string', title: 'Tag' } },
  },
};

function button(el: HTMLElement, itemPointer: string | null, action: string): HTMLButtonElement {
  const scope = itemPointer
    ? el.shadowRoot!.querySelector(`[data-item="${itemPointer}"]`)!
    : el.shadowRoot!;
  const found = scope.querySelector<HTMLButtonElement>(
    itemPointer
      ? `:scope > .array-item-actions [data-action="${action}"]`
      : `[data-action="${action}"]`,
  );
  if (!found) throw new Error(`no ${action} button for ${itemPointer}`);
  return found;
}

function status(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent!.trim();
}

describe('arrays', () => {
  it('starts with minItems entries filled from item defaults', async () => {
    const el = await renderForm({ schema });
    expect(el.value).to.deep.equal({ children: [{ year: 2020 }] });
    expect(root(el).querySelectorAll('[data-pointer="/children"] .array-item')).to.have.length(1);
    // At minItems nothing can be removed.
    expect(root(el).querySelector('[data-item="/children/0"] [data-action="remove"]')).to.equal(
      null,
    );
  });

  it('adds entries up to maxItems, focuses the new entry and announces it', async () => {
    const el = await renderForm({ schema });
    const add = () =>
      root(el).querySelector<HTMLButtonElement>('[data-pointer="/children"] > [data-action="add"]');
    add()!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect((el.value as { children: unknown[] }).children).to.deep.equal([
      { year: 2020 },
      { year: 2020 },
    ]);
    expect(focused(el)).to.equal(control(el, '/children/1/name'));
    expect(status(el)).to.equal('Entry 2 added.');
    add()!.click();
    await el.updateComplete;
    expect(add()).to.equal(null);
  });

  it('removes an entry, keeps the others and moves focus to the next one', async () => {
    const el = await renderForm({ schema });
    el.value = { children: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] };
    await el.updateComplete;
    button(el, '/children/1', 'remove').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(
      (el.value as { children: { name: string }[] }).children.map((c) => c.name),
    ).to.deep.equal(['A', 'C']);
    expect(focused(el)).to.equal(control(el, '/children/1/name'));
    expect(control(el, '/children/1/name').value).to.equal('C');
    expect(status(el)).to.equal('Entry 2 removed.');
  });

  it('moves entries up and down, keeping focus on the moved entry', async () => {
    const el = await renderForm({ schema });
    el.value = { children: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] };
    await el.updateComplete;
    expect(button(el, '/children/0', 'up').disabled).to.equal(true);
    expect(button(el, '/children/2', 'down').disabled).to.equal(true);
    button(el, '/children/2', 'up').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(
      (el.value as { children: { name: string }[] }).children.map((c) => c.name),
    ).to.deep.equal(['A', 'C', 'B']);
    expect(focused(el)).to.equal(button(el, '/children/1', 'up'));
    expect(status(el)).to.equal('Entry moved to position 2.');
    button(el, '/children/1', 'up').click();
    await el.updateComplete;
    await el.updateComplete;
    // At the top "up" is disabled, so focus goes to "down" of the same entry.
    expect(focused(el)).to.equal(button(el, '/children/0', 'down'));
    expect(
      (el.value as { children: { name: string }[] }).children.map((c) => c.name),
    ).to.deep.equal(['C', 'A', 'B']);
  });

  it('edits primitive items by pointer', async () => {
    const el = await renderForm({ schema });
    root(el)
      .querySelector<HTMLButtonElement>('[data-pointer="/tags"] > [data-action="add"]')!
      .click();
    await el.updateComplete;
    const tag = control(el, '/tags/0');
    tag.value = 'urgent';
    tag.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect((el.value as { tags: string[] }).tags).to.deep.equal(['urgent']);
    expect(tag.labels![0].textContent).to.contain('Tag 1');
  });
});
