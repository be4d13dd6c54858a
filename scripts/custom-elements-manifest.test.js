// The custom-elements manifest (custom-elements.json), which package.json names in
// `customElements` so that editors and design-system tools find the elements' API: `npm run build`
// writes it (`cem analyze`, .storybook/cem.config.mjs) and the package ships it.
//
// Run after `npm run build`: `node --test scripts/custom-elements-manifest.test.js`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const MANIFEST = path.join(ROOT, PACKAGE.customElements ?? 'custom-elements.json');

/** The declaration of the element `tag`, wherever the manifest has it. */
function declarationOf(manifest, tag) {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tag) return { module, declaration };
    }
  }
  return undefined;
}

function readManifest() {
  assert.equal(PACKAGE.customElements, 'custom-elements.json');
  assert.ok(existsSync(MANIFEST), 'custom-elements.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(MANIFEST, 'utf8'));
}

test('<intake-form> is listed with the attributes and events of API.md, each described', () => {
  const found = declarationOf(readManifest(), 'intake-form');
  assert.ok(found, 'custom-elements.json has no <intake-form>');
  const { module, declaration } = found;
  assert.equal(declaration.customElement, true);
  assert.ok(declaration.summary, 'the element has a summary');
  // The class is exported by its module (src/index.ts registers it under the tag).
  assert.ok(
    module.exports?.some((e) => e.kind === 'js' && e.name === declaration.name),
    'the element class is exported',
  );

  const attributes = new Map((declaration.attributes ?? []).map((a) => [a.name, a]));
  for (const name of ['src', 'locale', 'action', 'draft']) {
    assert.ok(attributes.has(name), `attribute "${name}" is listed`);
    assert.ok(attributes.get(name).description, `attribute "${name}" is described`);
  }
  const members = new Set((declaration.members ?? []).map((m) => m.name));
  for (const name of ['definition', 'value', 'headers', 'step', 'steps', 'submit']) {
    assert.ok(members.has(name), `member "${name}" is listed`);
  }
  // Private state and Lit's lifecycle stay out of the public API.
  assert.ok(![...members].some((name) => name.startsWith('#') || name === 'render'));

  const events = new Map((declaration.events ?? []).map((e) => [e.name, e]));
  for (const name of [
    'intake-ready',
    'intake-change',
    'intake-step',
    'intake-submit',
    'intake-submitted',
    'intake-error',
  ]) {
    assert.ok(events.has(name), `event "${name}" is listed`);
    assert.ok(events.get(name).description, `event "${name}" is described`);
  }
});

test('<intake-language-picker> is listed with its "for" attribute and its event', () => {
  const found = declarationOf(readManifest(), 'intake-language-picker');
  assert.ok(found, 'custom-elements.json has no <intake-language-picker>');
  const { declaration } = found;
  assert.ok(declaration.attributes?.some((a) => a.name === 'for'));
  assert.ok(declaration.events?.some((e) => e.name === 'intake-language' && e.description));
});

test('the package ships custom-elements.json', () => {
  readManifest();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const output = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [packed] = JSON.parse(output);
  const files = packed.files.map((file) => file.path);
  assert.ok(files.includes('custom-elements.json'), 'custom-elements.json is in the package');
});
