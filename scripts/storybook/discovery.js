// What scripts/test-storybook.js checks: the stories and docs pages of a Storybook build's
// index.json, the names an API docs page must show (custom-elements.json), the stories each
// example definition in schemas/ must have, and how the stories are dealt out to the pages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Stories (not docs pages) of a Storybook index.json. */
export function storiesOf(index) {
  return Object.values(index.entries ?? index.stories ?? {}).filter(
    (entry) => (entry.type ?? 'story') === 'story',
  );
}

/** Docs pages of a Storybook index.json. */
export function docsOf(index) {
  return Object.values(index.entries ?? {}).filter((entry) => entry.type === 'docs');
}

/**
 * The names an `API/<tag>` docs page must show: every public attribute, property, method, event,
 * custom property and part of <tag> in the custom-elements manifest.
 */
export function apiNames(manifest, tagName) {
  const declaration = (manifest?.modules ?? [])
    .flatMap((module) => module.declarations ?? [])
    .find((d) => d.tagName === tagName);
  if (!declaration) return undefined;
  const names = [
    ...(declaration.attributes ?? []),
    ...(declaration.members ?? []).filter((m) => !m.static && m.privacy !== 'private'),
    ...(declaration.events ?? []),
    ...(declaration.slots ?? []),
    ...(declaration.cssProperties ?? []),
    ...(declaration.cssParts ?? []),
  ].map((item) => item.name);
  return [...new Set(names.filter(Boolean))];
}

/**
 * What the issue asks of the example definitions in schemas/: each has a story group
 * `Example forms/<Name>` (ids `example-forms-<file name>--…`) with every step (`step-1` …), the
 * review (multi-step forms and `ui:review`), the confirmation and the queued-offline and
 * draft-restored notices. Returns one line per missing story.
 * @param {{ entries?: object }} index the build's index.json
 * @param {{ file: string, definition: any }[]} definitions the form definitions in schemas/
 */
export function missingExampleStories(index, definitions) {
  const ids = new Set(storiesOf(index).map((s) => s.id));
  const missing = [];
  for (const { file, definition } of definitions) {
    const prefix = `example-forms-${path.basename(file, '.json').toLowerCase()}--`;
    const steps = definition.ui?.['ui:steps']?.length ?? 0;
    const wanted = [
      ...Array.from({ length: steps }, (_, i) => `step-${i + 1}`),
      ...(steps > 0 || definition.ui?.['ui:review'] === true ? ['review'] : []),
      'confirmation',
      'queued-offline',
      'draft-restored',
    ];
    if (![...ids].some((id) => id.startsWith(prefix))) {
      missing.push(`${file}: no stories (expected ids ${prefix}…)`);
      continue;
    }
    for (const name of wanted) {
      if (!ids.has(prefix + name)) missing.push(`${file}: no story ${prefix}${name}`);
    }
  }
  return missing;
}

/** The form definitions among schemas/*.json (files with a `schema` object). */
export async function exampleDefinitions(dir) {
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const definitions = [];
  for (const file of files) {
    const definition = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    if (definition && typeof definition.schema === 'object') {
      definitions.push({ file: `${path.basename(dir)}/${file}`, definition });
    }
  }
  return definitions;
}

/**
 * Deals `items` out to `count` workers in turn (0, 1, …, 0, 1, …): every run gives each worker
 * the same stories in the same order, so a failure that depends on the story before it repeats.
 */
export function deal(items, count) {
  const hands = Array.from({ length: Math.max(1, count) }, () => []);
  items.forEach((item, i) => hands[i % hands.length].push(item));
  return hands.filter((hand) => hand.length > 0);
}
