/**
 * The theming contract stays documented: every part rendered by any example and every custom
 * property the styles define appear in docs/theming.md, and themes/default.css sets every
 * property (so a copy of it is a complete starting point).
 */
import { expect } from '@open-wc/testing';
import { intakeFormStyles } from '../../src/intake-form.styles.js';
import { cleanup, deepElements, examples, mountExample } from './a11y-helpers.js';

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.ok, url).to.equal(true);
  return response.text();
}

/** The custom properties the element's styles give a default to (on `:host`). */
function definedProperties(): string[] {
  const css = intakeFormStyles.cssText;
  const host = css.slice(css.indexOf(':host {'), css.indexOf('}', css.indexOf(':host {')));
  return [...new Set([...host.matchAll(/(--intake-[a-z-]+)\s*:/g)].map((m) => m[1]))];
}

describe('theming documentation', () => {
  afterEach(cleanup);

  it('documents every custom property, and themes/default.css sets each', async () => {
    const docs = await text('/docs/theming.md');
    const theme = await text('/themes/default.css');
    const properties = definedProperties();
    expect(properties.length).to.be.greaterThan(20);
    expect(
      properties.filter((p) => !docs.includes(`\`${p}\``)),
      'in docs/theming.md',
    ).to.deep.equal([]);
    const setByTheme = properties.filter((p) => p !== '--intake-focus-ring');
    expect(
      setByTheme.filter((p) => !theme.includes(`${p}:`)),
      'in themes/default.css',
    ).to.deep.equal([]);
  });

  it('documents every part that any example renders', async () => {
    const docs = await text('/docs/theming.md');
    const parts = new Set<string>();
    for (const ex of examples.filter(
      (e) => !e.id.startsWith('widgets/') || e.id.endsWith('/filled'),
    )) {
      const form = await mountExample(ex);
      for (const el of deepElements(form.shadowRoot!)) {
        for (const part of el.part) parts.add(part);
      }
      await cleanup();
    }
    expect(parts.size).to.be.greaterThan(20);
    expect([...parts].filter((part) => !docs.includes(`\`${part}\``))).to.deep.equal([]);
  });
});
