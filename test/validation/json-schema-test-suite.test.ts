/**
 * The official JSON-Schema-Test-Suite (test/fixtures/json-schema-test-suite/, draft4 to
 * 2020-12) against the project's validator for a raw definition, as the element builds it: the
 * model's reference check (src/model/check-references.ts, which refuses a definition whose
 * `$ref`s it cannot follow) and the runtime compiler (src/validation/ajv-compiler.ts), whose
 * `validate(data)` must be empty exactly where the suite says `valid`.
 *
 * Each group's schema is declared in its draft with `$schema`, as a form author does (the suite
 * leaves it out; without it intake-elements reads 2020-12).
 *
 * Every test where the element disagrees, or refuses the schema, is named in
 * test/fixtures/json-schema-test-suite-expected.json with the rule that explains it. The test
 * fails on a disagreement not named there, and on a named one that now agrees (the list stays
 * true). Where the rule is `ajv`, ajv alone (the project's options, the suite's remote documents
 * added) must disagree with the suite too: the difference is ajv's own, not this project's.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/index.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { createAjv } from '../../src/core/ajv-setup.js';
import { META_SCHEMA, type Dialect } from '../../src/core/dialect.js';
import { referenceTable } from '../../src/core/schema-references.js';
import { checkReferences } from '../../src/model/check-references.js';
import { SchemaResolver } from '../../src/model/schema-resolver.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { compileValidator, type FormValidator } from '../../src/validation/validator.js';

const BASE = new URL('../fixtures/json-schema-test-suite/', import.meta.url);
const EXPECTED_URL = new URL('../fixtures/json-schema-test-suite-expected.json', import.meta.url);

const DRAFTS: Record<string, Dialect> = {
  draft4: 'draft-04',
  draft6: 'draft-06',
  draft7: 'draft-07',
  'draft2019-09': '2019-09',
  'draft2020-12': '2020-12',
};

interface SuiteTest {
  description: string;
  data: JsonValue;
  valid: boolean;
}
interface SuiteGroup {
  description: string;
  schema: SchemaObject | boolean;
  tests: SuiteTest[];
}
type Listing = Record<string, Record<string, Record<string, string>>>;
interface Expected {
  rules: Record<string, string>;
  /** The validator: `<draft>/<file>` → `<i>: <group>` → `<j>: <test>` → rule */
  tests: Listing;
  /** The element, one group per file: the same keys → rule */
  element: Listing;
}

/** What the element does with one test of the suite. */
type Outcome = 'agrees' | 'disagrees' | 'refuses';

async function json<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  expect(response.ok, `${url.pathname}: HTTP ${response.status}`).to.equal(true);
  return (await response.json()) as T;
}

const index = await json<Record<string, string[]>>(new URL('index.json', BASE));
const expected = await json<Expected>(EXPECTED_URL);
const remotes = new Map<string, unknown>();
await Promise.all(
  index.remotes.map(async (path) =>
    remotes.set(`http://localhost:1234/${path}`, await json(new URL(`remotes/${path}`, BASE))),
  ),
);

/** The group's schema declared in its draft, as a definition would be. */
function declared(schema: SchemaObject | boolean, dialect: Dialect): SchemaObject {
  if (typeof schema !== 'object' || schema === null || typeof schema.$schema === 'string')
    return schema as SchemaObject;
  return { $schema: META_SCHEMA[dialect], ...schema };
}

/** The element's validator for a raw schema, or why the element refuses it. */
async function elementValidator(schema: SchemaObject): Promise<FormValidator | string> {
  try {
    if (typeof schema === 'object' && schema !== null) {
      const problem = checkReferences(new SchemaResolver(schema, referenceTable(schema)));
      if (problem) return `model: ${problem.message}`;
    }
    return await compileValidator(schema);
  } catch (error) {
    return `compile: ${(error as Error).message}`;
  }
}

/** ajv alone, with the project's options and the suite's remote documents: its `valid`. */
function ajvAlone(
  schema: SchemaObject,
  dialect: Dialect,
): ((data: unknown) => boolean | undefined) | undefined {
  const ajv = createAjv(dialect, { logger: false });
  for (const [uri, remote] of remotes) {
    try {
      ajv.addSchema(remote as SchemaObject, uri, undefined, false);
    } catch {
      // Two remotes of different drafts may declare one `$id`: the draft's own is enough.
    }
  }
  try {
    const check = ajv.compile(schema);
    return (data) => {
      try {
        return check(data);
      } catch {
        return undefined; // ajv's stack overflow: no answer
      }
    };
  } catch {
    return undefined;
  }
}

function agreementLine(draft: string, counts: Record<Outcome, number>): string {
  const total = counts.agrees + counts.disagrees + counts.refuses;
  return `${draft}: ${counts.agrees} of ${total} agree (${((100 * counts.agrees) / total).toFixed(1)} %), ${counts.disagrees} disagree, ${counts.refuses} refused`;
}

describe('JSON-Schema-Test-Suite', function () {
  this.timeout(120_000);
  const unexpected: Record<string, Record<string, Record<string, string>>> = {};

  for (const [draft, dialect] of Object.entries(DRAFTS)) {
    describe(draft, () => {
      const counts: Record<Outcome, number> = { agrees: 0, disagrees: 0, refuses: 0 };

      for (const file of index[draft]) {
        const key = `${draft}/${file}`;
        it(file, async () => {
          const groups = await json<SuiteGroup[]>(new URL(`tests/${key}`, BASE));
          const listed = expected.tests[key] ?? {};
          const problems: string[] = [];
          for (const [i, group] of groups.entries()) {
            const groupKey = `${i}: ${group.description}`;
            const schema = declared(group.schema, dialect);
            const validator = await elementValidator(schema);
            let alone: ReturnType<typeof ajvAlone> | null = null;
            for (const [j, test] of group.tests.entries()) {
              const testKey = `${j}: ${test.description}`;
              let outcome: Outcome;
              let why = typeof validator === 'string' ? validator : '';
              if (typeof validator === 'string') outcome = 'refuses';
              else {
                let valid: boolean | undefined;
                try {
                  valid = validator.validate(test.data).length === 0;
                } catch (error) {
                  why = `validate: ${(error as Error).message}`;
                  valid = undefined;
                }
                outcome =
                  valid === undefined ? 'refuses' : valid === test.valid ? 'agrees' : 'disagrees';
              }
              counts[outcome] += 1;
              const rule = listed[groupKey]?.[testKey];
              if (outcome === 'agrees') {
                if (rule) problems.push(`${groupKey} / ${testKey}: listed (${rule}) but agrees`);
                continue;
              }
              if (rule === undefined) {
                alone ??= ajvAlone(schema, dialect);
                // ajv alone refuses the schema, overflows, or answers as the element does.
                const ajvToo = alone === undefined || alone(test.data) !== test.valid;
                ((unexpected[key] ??= {})[groupKey] ??= {})[testKey] = ajvToo
                  ? 'ajv'
                  : `?${outcome} ${why}`;
                problems.push(`${groupKey} / ${testKey}: ${outcome}, not listed`);
              } else if (!(rule in expected.rules)) {
                problems.push(`${groupKey} / ${testKey}: unknown rule ${rule}`);
              } else if (rule === 'ajv') {
                alone ??= ajvAlone(schema, dialect);
                if (alone !== undefined && alone(test.data) === test.valid)
                  problems.push(`${groupKey} / ${testKey}: listed as ajv's own, but ajv agrees`);
              }
            }
          }
          expect(problems, problems.join('\n')).to.deep.equal([]);
        });
      }

      after(() => {
        // The numbers for the README's Tests section.
        console.log(agreementLine(draft, counts));
      });
    });
  }

  after(() => {
    if (Object.keys(unexpected).length > 0) console.log(`UNEXPECTED ${JSON.stringify(unexpected)}`);
  });
});

/** A form of the group's schema, ready; or the definition error it shows instead. */
async function formOf(schema: SchemaObject): Promise<IntakeForm | string> {
  const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const outcome = new Promise<string | undefined>((resolve) => {
    el.addEventListener('intake-ready', () => resolve(undefined), { once: true });
    el.addEventListener(
      'intake-error',
      (event) => resolve(String((event as CustomEvent<{ message: string }>).detail.message)),
      { once: true },
    );
  });
  el.definition = { id: 'suite', version: '1', lang: 'en', schema } as FormDefinition;
  const error = await outcome;
  return error ?? el;
}

/**
 * What the element does with a test's data set as `value`: agrees with the suite, or the rule
 * that explains why not (the element's own, or the validator's listed for this test), or `?`
 * for a difference nothing explains.
 */
function elementOutcome(
  el: IntakeForm,
  test: SuiteTest,
  validatorRule: string | undefined,
): string {
  // `validate()` checks the data the element holds at once; rendering is not waited for.
  el.value = test.data;
  const valid = el.validate().valid;
  if (valid === test.valid) return 'agrees';
  // The element keeps the data its form holds (docs/limits.md): data of branches that do not
  // apply and data no field takes are left out, defaults fill gaps, and the value is an object.
  if (JSON.stringify(el.value) !== JSON.stringify(test.data)) return 'element-value-shaped';
  // Otherwise the validator's own difference, listed for the validator above.
  return validatorRule ?? '?disagrees';
}

describe('JSON-Schema-Test-Suite through <intake-form>: one group per file', function () {
  this.timeout(120_000);
  const unexpected: Listing = {};

  for (const draft of Object.keys(DRAFTS)) {
    const dialect = DRAFTS[draft];
    const counts: Record<string, number> = {};
    it(draft, async () => {
      const problems: string[] = [];
      for (const file of index[draft]) {
        const key = `${draft}/${file}`;
        const groups = await json<SuiteGroup[]>(new URL(`tests/${key}`, BASE));
        const i = groups.findIndex((g) => typeof g.schema === 'object');
        if (i === -1) continue;
        const group = groups[i];
        const groupKey = `${i}: ${group.description}`;
        const listed = expected.element[key]?.[groupKey] ?? {};
        const form = await formOf(declared(group.schema, dialect));
        for (const [j, test] of group.tests.entries()) {
          const testKey = `${j}: ${test.description}`;
          const validatorRule = expected.tests[key]?.[groupKey]?.[testKey];
          const outcome =
            typeof form === 'string'
              ? (validatorRule ?? '?refuses')
              : elementOutcome(form, test, validatorRule);
          counts[outcome === 'agrees' ? 'agrees' : 'differs'] =
            (counts[outcome === 'agrees' ? 'agrees' : 'differs'] ?? 0) + 1;
          const rule = listed[testKey];
          if (outcome === 'agrees') {
            if (rule) problems.push(`${key} ${groupKey} / ${testKey}: listed (${rule}) but agrees`);
          } else if (rule !== outcome) {
            ((unexpected[key] ??= {})[groupKey] ??= {})[testKey] = outcome;
            problems.push(`${key} ${groupKey} / ${testKey}: ${outcome}, listed ${rule}`);
          }
        }
        if (typeof form !== 'string') form.remove();
      }
      console.log(`element ${draft}: ${JSON.stringify(counts)}`);
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }

  after(() => {
    if (Object.keys(unexpected).length > 0)
      console.log(`UNEXPECTED-ELEMENT ${JSON.stringify(unexpected)}`);
  });
});
