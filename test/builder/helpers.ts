/** Helpers of the builder's tests: loading the example definitions and the RJSF samples. */
import type { Json } from '../../src/builder/core/json.js';
import { isObject } from '../../src/builder/core/json.js';
import { RJSF_SAMPLES } from './rjsf-names.js';

/** The definitions in schemas/ (the format's own schema included: it is JSON too). */
export const SCHEMA_FILES = [
  'ki-erstberatung.json',
  'sprachkurs-anmeldung.json',
  'intake-definition.schema.json',
];

export async function loadJson(url: string): Promise<Json> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Json;
}

/**
 * The first-contact example with its English translations inline (they ship as a file next to
 * it, like every language): the builder's tests of inline tables use it.
 */
export async function exampleWithInlineEnglish(): Promise<Json> {
  const definition = (await loadJson('/schemas/ki-erstberatung.json')) as Record<string, Json>;
  const english = await loadJson('/schemas/translations/ki-erstberatung.en.json');
  const translations = definition.translations as Record<string, Json>;
  return { ...definition, translations: { ...translations, en: english } };
}

/** Every definition the round-trip tests open: the examples, and each RJSF sample as one. */
export async function allDefinitions(): Promise<[string, Json][]> {
  const out: [string, Json][] = [];
  for (const file of SCHEMA_FILES) out.push([file, await loadJson(`/schemas/${file}`)]);
  for (const name of RJSF_SAMPLES) {
    const sample = await loadJson(`/test/fixtures/rjsf/${name}.json`);
    if (!isObject(sample)) throw new Error(name);
    out.push([
      `rjsf ${name}`,
      { id: name, version: '1', lang: 'en', schema: sample.schema, ui: sample.uiSchema },
    ]);
    out.push([`rjsf file ${name}`, sample]);
  }
  return out;
}

/** The JSON Pointers where two JSON values differ (a changed leaf, an added or removed key). */
export function differences(a: unknown, b: unknown, pointer = ''): string[] {
  if (a === b) return [];
  const bothObjects =
    typeof a === 'object' &&
    a !== null &&
    typeof b === 'object' &&
    b !== null &&
    Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return [pointer];
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  const out: string[] = [];
  for (const key of keys) {
    const token = key.replace(/~/g, '~0').replace(/\//g, '~1');
    out.push(...differences(ra[key], rb[key], `${pointer}/${token}`));
  }
  return out;
}
