// Checks the translations of every form definition shipped in schemas/.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import {
  localeSource,
  readDefinition,
  readHashes,
  readLocaleTranslations,
} from './lib/definition-files.js';
import { findTranslatableStrings } from './lib/find-strings.js';
import { getAtPointer } from './lib/json-pointer.js';
import { localeStatus } from './lib/translation-state.js';

const schemasDir = fileURLToPath(new URL('../schemas/', import.meta.url));
const definitionFiles = readdirSync(schemasDir)
  // The JSON Schema of the definition format lives beside the definitions; it is not one.
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => join(schemasDir, name));

/** Locales the example form must come with, complete. */
const EXAMPLE_LOCALES = ['en', 'ar', 'fa', 'uk', 'tr', 'ru'];

/** Letters that give away the wrong language or script. */
const WRONG_LETTERS = {
  fa: /[\u064A\u0643\u0649]/u, // Arabic yeh, kaf, alef maksura instead of Persian ی ک
  ar: /[\u06CC\u06A9\u067E\u0686\u0698\u06AF]/u, // Persian ی ک پ چ ژ گ
  uk: /[ыэъё]/iu,
  ru: /[іїєґ]/iu,
};

describe('translations of the definitions in schemas/', () => {
  assert.ok(definitionFiles.length > 0);
  /** Translation files the definitions name. */
  const referenced = new Set(
    definitionFiles.flatMap((path) => {
      const file = readDefinition(path);
      return Object.keys(file.definition.translations ?? {})
        .map((locale) => localeSource(file, locale))
        .filter((source) => source.kind === 'file')
        .map((source) => source.file);
    }),
  );

  for (const path of definitionFiles) {
    const file = readDefinition(path);
    const strings = findTranslatableStrings(file.definition);

    describe(file.id, () => {
      for (const locale of Object.keys(file.definition.translations ?? {})) {
        it(`${locale}: every value is a string and every key is a translatable string of the definition`, () => {
          const source = localeSource(file, locale);
          const { translations, exists } = readLocaleTranslations(file, source);
          assert.ok(exists, `${source.file} exists`);
          const known = new Set(strings.map((s) => s.pointer));
          for (const [key, value] of Object.entries(translations)) {
            assert.equal(typeof value, 'string', `${locale} ${key}: value is a string`);
            assert.notEqual(
              /** @type {string} */ (value).trim(),
              '',
              `${locale} ${key}: not empty`,
            );
            assert.equal(
              typeof getAtPointer(file.definition, key),
              'string',
              `${locale} ${key} resolves to a string`,
            );
            assert.ok(known.has(key), `${locale} ${key} is a translatable string`);
          }
          const wrong = WRONG_LETTERS[/** @type {keyof typeof WRONG_LETTERS} */ (locale)];
          if (wrong)
            for (const [key, value] of Object.entries(translations))
              assert.doesNotMatch(/** @type {string} */ (value), wrong, `${locale} ${key}`);
        });
      }
    });

    if (file.id === 'ki-erstberatung') {
      it(`ki-erstberatung is completely translated into ${EXAMPLE_LOCALES.join(', ')}, none outdated`, () => {
        for (const locale of EXAMPLE_LOCALES) {
          const source = localeSource(file, locale);
          assert.notEqual(source.kind, 'none', locale);
          const { translations } = readLocaleTranslations(file, source);
          const status = localeStatus(file.definition, strings, translations, readHashes(source));
          assert.deepEqual(
            status.missing.map((s) => s.pointer),
            [],
            `${locale}: missing`,
          );
          assert.deepEqual(
            status.outdated.map((s) => s.pointer),
            [],
            `${locale}: outdated`,
          );
          assert.deepEqual(status.invalid, [], `${locale}: invalid`);
          assert.equal(status.translated, strings.length, locale);
        }
        // Every language is a file next to the definition (English too: a visitor who reads
        // another language does not download it inside the compiled module).
        for (const locale of EXAMPLE_LOCALES)
          assert.equal(
            file.definition.translations[locale],
            `translations/ki-erstberatung.${locale}.json`,
          );
      });
    }
  }

  it('every translations file in schemas/translations is referenced by a definition', () => {
    const dir = join(schemasDir, 'translations');
    /** @type {string[]} */
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.filter((n) => n.endsWith('.json') && !n.endsWith('.meta.json')))
      assert.ok(referenced.has(join(dir, name)), `${name} is referenced`);
  });
});
