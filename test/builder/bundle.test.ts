/**
 * The form runtime never loads builder code: following every static and dynamic import from
 * dist/intake-elements.js finds no module of the builder. Needs `npm run build` (npm test builds
 * before the browser tests).
 */
import { expect } from '@open-wc/testing';

/** Strings only the builder's code holds (its tag, its events, its storage key). */
const BUILDER_MARKERS = ['intake-form-builder', 'intake-builder-change', 'intake-builder-ready'];

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.ok, `${url} is missing: run \`npm run build\` first`).to.equal(true);
  return response.text();
}

/** Every module reachable from an entry, by URL. */
async function moduleGraph(entry: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [new URL(entry, location.href).href];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    const source = await text(url);
    seen.set(url, source);
    const specifiers = [
      ...source.matchAll(/(?:import|export)\s*(?:[\w$*{},\s]*from\s*)?["'](\.{1,2}\/[^"']+)["']/g),
      ...source.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g),
    ].map((m) => m[1]);
    for (const specifier of specifiers) queue.push(new URL(specifier, url).href);
  }
  return seen;
}

describe('builder bundle', () => {
  it('is not reachable from the form runtime', async () => {
    const runtime = await moduleGraph('/dist/intake-elements.js');
    expect(runtime.size).to.be.greaterThan(3);
    for (const [url, source] of runtime) {
      for (const marker of BUILDER_MARKERS)
        expect(source.includes(marker), `${marker} in ${url}`).to.equal(false);
    }
  });

  it('is its own entry, which uses the runtime for the preview', async () => {
    const builder = await moduleGraph('/dist/intake-form-builder.js');
    const urls = [...builder.keys()];
    expect(urls.some((u) => u.endsWith('/dist/intake-elements.js'))).to.equal(true);
    const entry = builder.get(new URL('/dist/intake-form-builder.js', location.href).href) ?? '';
    for (const marker of BUILDER_MARKERS) expect(entry).to.contain(marker);
  });

  it('runs from dist: opens a definition, checks it and shows the preview', async () => {
    const url = '/dist/intake-form-builder.js';
    await import(/* @vite-ignore */ url);
    const el = document.createElement('intake-form-builder') as HTMLElement & {
      definition: unknown;
      check(): unknown[];
    };
    const definition = await (await fetch('/schemas/sprachkurs-anmeldung.json')).json();
    const ready = new Promise((resolve) => el.addEventListener('intake-builder-ready', resolve));
    el.definition = definition;
    document.body.append(el);
    await ready;
    expect(el.definition).to.deep.equal(definition);
    expect(el.check()).to.deep.equal([]);
    const form = el.shadowRoot?.querySelector('intake-form');
    expect(form?.constructor.name).to.not.equal('HTMLElement');
    el.remove();
  });
});
