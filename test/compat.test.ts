/**
 * Outside corpus: every react-jsonschema-form (RJSF) playground sample in `test/fixtures/rjsf`
 * (served by the `compatCorpus` middleware of web-test-runner.config.js) is loaded into
 * `<intake-form>`, and its initial value is compared with what RJSF 6.11.1 itself holds after
 * mount (`test/fixtures/rjsf-expected.json`, written by tools/rjsf-oracle, not by our code).
 *
 * Per sample:
 * - the form becomes ready (no `intake-error`), with no console error, no uncaught exception;
 * - `el.value` deep-equals RJSF's initial form state, whether `value` is set before the
 *   definition, after it (while it loads), or again after the form is ready: defaults are
 *   applied on every path;
 * - where the sample's `formData` is valid (`formDataValid`), `validate().valid` is true;
 * - where it is invalid and RJSF's defaults leave it as it is, `validate()` fails, and each error
 *   it reports (pointer + keyword) is one ajv reported for the corpus (`formDataErrors`): ours
 *   may be fewer (alternatives' and `if` noise is dropped), never others.
 *
 * Samples that cannot pass yet are listed in {@link KNOWN_GAPS}, with the reason. For those the
 * test still asserts that they render without error, and that the gap still exists, so that a
 * fixed gap fails the test until it is taken off the list.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { FormDefinition, IntakeForm } from '../src/index.js';

interface Sample {
  name: string;
  schema: FormDefinition['schema'];
  uiSchema: FormDefinition['ui'];
  formData: unknown;
  formDataValid: boolean;
  /** ajv's errors for an invalid `formData` (`required` at the missing property's pointer). */
  formDataErrors?: { pointer: string; keyword: string }[];
}

interface Oracle {
  expected?: unknown;
  formDataValid: boolean;
  note?: string;
  error?: string;
}

/**
 * Samples whose initial value or validity does not match RJSF yet. Keep each reason short and
 * concrete; a sample leaves this list as soon as it passes (the test fails until it does).
 */
const KNOWN_GAPS: Record<string, string> = {
  layoutGrid:
    '`employment` is a `oneOf` of object alternatives told apart by `job_type`: RJSF preselects the ' +
    'first alternative (`job_type: "company"`, `location: {}`); intake-elements leaves that choice ' +
    "to the person, as it does for every choice list. RJSF's own initial state is invalid here " +
    '(required fields inside the prefilled `person`)',
  optionalDataControls:
    '`optionalObjectWithOneofs` is an optional object of `oneOf` alternatives that is absent from ' +
    "the data: RJSF creates it to hold the first alternative's `name` default; intake-elements " +
    'does not create an optional object the person has not started',
};

/** Drops one top-level key from RJSF's expected value. */
function without(key: string): (value: unknown) => unknown {
  return (value) => {
    const copy = { ...(value as Record<string, unknown>) };
    expect(copy, `RJSF prefills "${key}"`).to.have.property(key);
    delete copy[key];
    return copy;
  };
}

const NOT_PRESELECTED =
  'a choice list (`oneOf` of `const` options) starts unanswered: the person must choose; RJSF ' +
  'preselects the first option';

/**
 * Deliberate differences from RJSF (not gaps: they stay, see src/model/apply-defaults.ts). Each
 * maps RJSF's expected value to ours; the rest of the sample must match exactly.
 */
const DELIBERATE_DEVIATIONS: Record<
  string,
  { reason: string; adjust: (value: unknown) => unknown }
> = {
  constField: {
    reason:
      'a boolean `const: true` is not prefilled: it is a consent checkbox the person must tick ' +
      '(RJSF prefills `isVerified: true`)',
    adjust: without('isVerified'),
  },
  alternatives: {
    reason: `${NOT_PRESELECTED} (\`toggleMask\`: Enable / Disable)`,
    adjust: without('toggleMask'),
  },
  widgets: {
    reason: `${NOT_PRESELECTED} (\`selectWidgetOptions2\`: Foo / Bar)`,
    adjust: without('selectWidgetOptions2'),
  },
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const names = await getJson<string[]>('/compat/rjsf/index.json');
const oracle = await getJson<Record<string, Oracle>>('/test/fixtures/rjsf-expected.json');

/** Collects console errors, uncaught exceptions and unhandled rejections while a sample runs. */
function watchErrors(): { problems: string[]; stop: () => void } {
  const problems: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
  const onError = (event: ErrorEvent) => problems.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    problems.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop: () => {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Resolves on `intake-ready`; rejects on `intake-error` or after a timeout. */
function whenReady(el: IntakeForm): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('neither intake-ready nor intake-error')),
      10000,
    );
    el.addEventListener(
      'intake-ready',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    el.addEventListener(
      'intake-error',
      (event) => {
        clearTimeout(timer);
        reject(new Error(`intake-error: ${JSON.stringify((event as CustomEvent).detail)}`));
      },
      { once: true },
    );
  });
}

interface Outcome {
  /** The differences from RJSF, empty when the sample matches. */
  mismatches: string[];
}

/** Loads one sample into a fresh `<intake-form>` and compares it with the oracle. */
async function runSample(sample: Sample, expectation: Oracle): Promise<Outcome> {
  const mismatches: string[] = [];
  const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const ready = whenReady(el);
  // `value` before `definition`: the defaults must be filled in when the definition loads.
  el.value = structuredClone(sample.formData) as IntakeForm['value'];
  el.definition = { id: sample.name, schema: sample.schema, ui: sample.uiSchema ?? {} };
  await ready;
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('form'), 'rendered a <form>').to.exist;

  const deviation = DELIBERATE_DEVIATIONS[sample.name];
  const expected = deviation ? deviation.adjust(expectation.expected) : expectation.expected;
  const describeDiff = (label: string, actual: unknown) => {
    try {
      expect(actual).to.deep.equal(expected);
    } catch {
      mismatches.push(`${label}: ${JSON.stringify(actual)} ≠ RJSF ${JSON.stringify(expected)}`);
    }
  };
  describeDiff('value (set before definition)', el.value);
  // `value` again after the form is ready: defaults are applied on this path too.
  el.value = structuredClone(sample.formData) as IntakeForm['value'];
  await el.updateComplete;
  describeDiff('value (set after ready)', el.value);

  // `definition` first, then `value` while the definition is still loading.
  const other = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const otherReady = whenReady(other);
  other.definition = { id: sample.name, schema: sample.schema, ui: sample.uiSchema ?? {} };
  other.value = structuredClone(sample.formData) as IntakeForm['value'];
  await otherReady;
  describeDiff('value (set after definition, before ready)', other.value);

  if (sample.formDataValid) {
    const result = el.validate();
    await el.updateComplete;
    if (!result.valid) mismatches.push(`validate() errors: ${JSON.stringify(result.errors)}`);
  } else if (sample.formDataErrors) {
    let unchanged = true;
    try {
      expect(sample.formData).to.deep.equal(expectation.expected);
    } catch {
      unchanged = false;
    }
    if (unchanged) {
      const result = el.validate();
      await el.updateComplete;
      const known = new Set(sample.formDataErrors.map((e) => `${e.pointer} ${e.keyword}`));
      const others = result.errors.filter((e) => !known.has(`${e.pointer} ${e.keyword}`));
      if (result.valid) mismatches.push('validate() passes invalid formData');
      if (others.length > 0)
        mismatches.push(`validate() errors ajv did not report: ${JSON.stringify(others)}`);
    }
  }
  return { mismatches };
}

let matching = 0;

describe('compat: react-jsonschema-form playground samples', () => {
  after(() => {
    console.log(
      `compat: ${matching}/${names.length} samples match react-jsonschema-form` +
        ` (${Object.keys(DELIBERATE_DEVIATIONS).length} with deliberate deviations;` +
        ` ${Object.keys(KNOWN_GAPS).length} known gaps: ${Object.keys(KNOWN_GAPS).join(', ')})`,
    );
  });

  it('serves the corpus and has an oracle entry for every sample', () => {
    expect(names.length).to.be.greaterThan(40);
    expect(Object.keys(oracle).sort()).to.deep.equal([...names].sort());
    for (const name of Object.keys(KNOWN_GAPS)) expect(names, 'KNOWN_GAPS').to.include(name);
    for (const name of Object.keys(DELIBERATE_DEVIATIONS))
      expect(names, 'DELIBERATE_DEVIATIONS').to.include(name);
  });

  it('serves nothing but the samples', async () => {
    for (const path of [
      '/compat/rjsf/../README.json',
      '/compat/rjsf/%2e%2e%2fREADME.json',
      '/compat/rjsf/nope.json',
      '/compat/README.md',
      '/compat/rjsf/simple.ts',
    ])
      expect((await fetch(path)).status, path).to.equal(404);
  });

  for (const name of names) {
    it(name, async () => {
      const sample = await getJson<Sample>(`/compat/rjsf/${name}.json`);
      const expectation = oracle[name];
      expect(expectation, 'oracle entry').to.exist;
      expect(expectation.error, 'RJSF itself failed on this sample').to.be.undefined;
      expect(expectation.formDataValid).to.equal(sample.formDataValid);
      const watch = watchErrors();
      let outcome: Outcome;
      try {
        outcome = await runSample(sample, expectation);
        // Let late errors (a rejected promise after render) surface.
        await new Promise((resolve) => setTimeout(resolve, 0));
      } finally {
        watch.stop();
      }
      expect(watch.problems, 'console errors / exceptions').to.deep.equal([]);
      const gap = KNOWN_GAPS[name];
      if (gap) {
        expect(
          outcome.mismatches,
          `"${name}" now matches RJSF: take it off KNOWN_GAPS ("${gap}")`,
        ).not.to.deep.equal([]);
      } else {
        expect(outcome.mismatches, name).to.deep.equal([]);
        matching++;
      }
    });
  }
});
