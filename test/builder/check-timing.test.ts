import { expect, fixture, html } from '@open-wc/testing';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { getAt, setAt, type Json } from '../../src/builder/core/json.js';
import { listQuestions } from '../../src/builder/core/questions.js';
import { loadJson } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A reference that leads nowhere: one error. */
const breakStep = (d: Json): Json =>
  setAt(d, '/schema/properties/broken', { $ref: '#/$defs/nowhere' });

describe('builder: checks while editing', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));

  it('runs the checks once after a burst of edits, when the author pauses', async () => {
    const el = await fixture<IntakeFormBuilder>(
      html`<intake-form-builder locale="en"></intake-form-builder>`,
    );
    el.definition = await loadJson('/schemas/ki-erstberatung.json');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.item .select')!.click();
    await el.updateComplete;
    const runs = el.checkRuns;
    const header = () => el.shadowRoot!.querySelector('header .count')!.textContent!.trim();
    expect(header()).to.equal(el.s.noProblems);
    // Twelve edits of the question text, as fast as a person changes fields.
    for (let i = 1; i <= 12; i++) {
      const title = el.shadowRoot!.querySelector<HTMLInputElement>('#q-title')!;
      title.value = `Frage ${i}`;
      title.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await pause(20);
    }
    expect(el.checkRuns, 'no check during the burst').to.equal(runs);
    const first = listQuestions(el.definition)[0];
    expect(getAt(el.definition, `${first.schemaPointer}/title`)).to.equal('Frage 12');
    await pause(600);
    expect(el.checkRuns, 'one check after it').to.equal(runs + 1);
    // A problem made in a burst shows once the checks ran.
    el.edit(breakStep);
    await el.updateComplete;
    expect(header(), 'not yet checked').to.equal(el.s.noProblems);
    await pause(600);
    await el.updateComplete;
    expect(el.checkRuns).to.equal(runs + 2);
    expect(header()).to.equal(el.s.problemsCount('1'));
  });

  it('check() answers for the current state at once, even right after an edit', async () => {
    const el = await fixture<IntakeFormBuilder>(
      html`<intake-form-builder locale="en"></intake-form-builder>`,
    );
    el.definition = await loadJson('/schemas/ki-erstberatung.json');
    el.locale = 'de';
    await el.updateComplete;
    expect(el.check()).to.deep.equal([]);
    el.edit(breakStep);
    expect(el.check().map((p) => p.message)).to.deep.equal([
      'Der Verweis „#/$defs/nowhere“ führt ins Leere.',
    ]);
  });

  it('shows what check() found, also when it replaced the run an edit had scheduled', async () => {
    const el = await fixture<IntakeFormBuilder>(
      html`<intake-form-builder locale="en"></intake-form-builder>`,
    );
    el.definition = await loadJson('/schemas/ki-erstberatung.json');
    await el.updateComplete;
    el.edit(breakStep);
    // The edit's render shows the last result and schedules the next run…
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.count')!.textContent!.trim()).to.equal(el.s.noProblems);
    // …which check() runs now instead.
    expect(el.check()).to.have.length(1);
    await pause(600);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.count')!.textContent!.trim()).to.equal(
      el.s.problemsCount('1'),
    );
  });
});
