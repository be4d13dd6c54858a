/**
 * A caseworker builds a small form from an empty one with the keyboard only (Tab, arrow keys,
 * Space, Enter and typing): a section, a repeatable group, a consent, two conditions, two steps and
 * a translation. The result is checked by behaviour in the builder's own preview, and axe runs
 * on every state visited. Nothing here clicks or sets values (focus() only gives a starting point);
 * the test reads state to check what the caseworker would see.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { itemId } from '../../src/builder/ui/question-list.js';
import { getAt } from '../../src/builder/core/json.js';
import { ajvValid } from '../security/direct-ajv.js';
import { axeViolations } from '../helpers/axe.js';

let el: IntakeFormBuilder;

async function settle(): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await el.updateComplete;
}

function active(): HTMLElement | null {
  return el.shadowRoot!.activeElement as HTMLElement | null;
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle();
}

async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
  await settle();
}

/** Presses Tab (or Shift+Tab) until the builder's focused element matches `selector`. */
async function tabTo(selector: string, backwards = false): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const node = active();
    if (node?.matches(selector)) return node;
    await press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector} (focus: ${active()?.outerHTML.slice(0, 80)})`);
}

async function expectAccessible(state: string): Promise<void> {
  expect(await axeViolations(el), state).to.deep.equal([]);
}

/** Adds a question with the add form: kind by typing its name into the select, then its text. */
async function addQuestion(kindPrefix: string, kind: string, title: string, parentDowns = 0) {
  await tabTo('#add-kind', true);
  await type(kindPrefix);
  expect((active() as HTMLSelectElement).value, kindPrefix).to.equal(kind);
  await press('Tab');
  expect(active()?.id).to.equal('add-title');
  await type(title);
  if (parentDowns > 0) {
    await press('Tab');
    for (let i = 0; i < parentDowns; i++) await press('ArrowDown');
    // Enter does not submit from a select: on to the "Add" button.
    await press('Tab');
  }
  await press('Enter');
  // Adding a question opens its panel with the focus on its text.
  expect(active()?.id).to.equal('q-title');
}

async function selectQuestion(path: string[]): Promise<void> {
  await tabTo(`#${itemId(path)}`, true);
  await press('Enter');
}

/** Waits until `check` holds (the preview loads its validator and steps asynchronously). */
async function waitFor(what: string, check: () => boolean): Promise<void> {
  const end = Date.now() + 10000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The preview's form and its shadow root. */
function preview(): { form: HTMLElement & { updateComplete: Promise<unknown> }; root: ShadowRoot } {
  const form = el.shadowRoot!.querySelector('intake-form') as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  return { form, root: form.shadowRoot! };
}

describe('builder: a small form from empty, keyboard only', () => {
  before(async () => {
    localStorage.removeItem(STORAGE_KEY);
    // Not a fixture: those are removed after each test, and the second test goes on from the first.
    el = document.createElement('intake-form-builder');
    document.body.append(el);
    await settle();
  });

  after(() => el.remove());

  it('builds the questions, a condition, two steps and a translation', async () => {
    await expectAccessible('empty');
    el.shadowRoot!.querySelector<HTMLElement>('h1')!.setAttribute('tabindex', '-1');
    el.shadowRoot!.querySelector<HTMLElement>('h1')!.focus();

    await addQuestion('Abschnitt', 'section', 'Angaben zur Person');
    await addQuestion('Kurzer', 'shortText', 'Vorname', 1);
    await tabTo('#q-required');
    await press('Space');
    await expectAccessible('a question in a section');

    await addQuestion('Ja', 'yesNo', 'Kinder im Haushalt');
    await addQuestion('Wieder', 'group', 'Kinder');
    await addQuestion('Kurzer', 'shortText', 'Vorname des Kindes', 2);
    await addQuestion('Einw', 'consent', 'Ich stimme zu');
    await tabTo('#q-required');
    await press('Space');

    // "Show Kinder only when Kinder im Haushalt is yes."
    await selectQuestion(['kinder']);
    await tabTo('#cond-kind');
    await tabTo('#cond-subject');
    expect((active() as HTMLSelectElement).value).to.equal('kinderImHaushalt');
    await tabTo('.cond-add button[type="submit"]');
    await press('Enter');
    const words = el.shadowRoot!.querySelector('#cond-list')!.textContent!.replace(/\s+/g, ' ');
    expect(words).to.contain('„Kinder“ anzeigen, wenn „Kinder im Haushalt“ gleich ja.');
    await expectAccessible('a condition');

    // "Telefon is required only when Kinder im Haushalt is yes."
    await addQuestion('Tel', 'phone', 'Telefon');
    await tabTo('#cond-kind');
    await press('ArrowDown');
    expect((active() as HTMLSelectElement).value).to.equal('require');
    await tabTo('#cond-subject');
    expect((active() as HTMLSelectElement).value).to.equal('kinderImHaushalt');
    await tabTo('.cond-add button[type="submit"]');
    await press('Enter');
    expect(
      el.shadowRoot!.querySelector('#cond-list')!.textContent!.replace(/\s+/g, ' '),
    ).to.contain('„Telefon“ ist Pflicht, wenn „Kinder im Haushalt“ gleich ja.');

    // Two steps, on the "form and steps" tab (arrow keys move between tabs).
    await tabTo('#tab-questions', true);
    await press('ArrowRight');
    expect(active()?.id).to.equal('tab-form');
    for (const title of ['Person', 'Familie']) {
      await tabTo('#new-step');
      await type(title);
      await press('Enter');
    }
    await expectAccessible('two steps');
    await tabTo('#tab-form', true);
    await press('ArrowLeft');
    const assign: [string[], number][] = [
      [['angabenZurPerson'], 1],
      [['kinderImHaushalt'], 2],
      [['kinder'], 2],
      [['ichStimmeZu'], 2],
      [['telefon'], 2],
    ];
    for (const [path, downs] of assign) {
      await selectQuestion(path);
      await tabTo('#q-step');
      for (let i = 0; i < downs; i++) await press('ArrowDown');
    }
    expect(getAt(el.definition, '/ui/ui:steps')).to.deep.equal([
      { title: 'Person', fields: ['angabenZurPerson'] },
      { title: 'Familie', fields: ['kinderImHaushalt', 'kinder', 'ichStimmeZu', 'telefon'] },
    ]);

    // A translation into English.
    await tabTo('#tab-questions', true);
    await press('ArrowRight');
    await press('ArrowRight');
    expect(active()?.id).to.equal('tab-translations');
    await tabTo('#tr-new');
    await type('en');
    await press('Enter');
    expect(active()?.tagName).to.equal('TEXTAREA');
    await type('New form');
    await press('Tab');
    expect(getAt(el.definition, '/translations/en')).to.deep.equal({ '/schema/title': 'New form' });
    const status = el.shadowRoot!.querySelector('#tr-table tbody tr td.status')!;
    expect(status.textContent!.trim()).to.equal('übersetzt');
    expect(el.shadowRoot!.querySelector('#tr-summary')!.textContent).to.match(
      /^\s*1 von \d+ übersetzt/,
    );
    await expectAccessible('translations');

    expect(el.check()).to.deep.equal([]);
  });

  it('gives a form that works as built, in the preview', async () => {
    const schema = getAt(el.definition, '/schema') as object;
    // Validation by meaning: the first name is required, the consent must be given.
    const person = { angabenZurPerson: { vorname: 'Amina' } };
    expect(ajvValid(schema, { ...person, ichStimmeZu: true })).to.equal(true);
    expect(ajvValid(schema, { ...person, ichStimmeZu: false })).to.equal(false);
    expect(ajvValid(schema, { angabenZurPerson: {}, ichStimmeZu: true })).to.equal(false);
    // The second condition: a phone number only when there are children.
    const consented = { ...person, ichStimmeZu: true };
    expect(ajvValid(schema, { ...consented, kinderImHaushalt: false })).to.equal(true);
    expect(ajvValid(schema, { ...consented, kinderImHaushalt: true })).to.equal(false);
    expect(
      ajvValid(schema, { ...consented, kinderImHaushalt: true, telefon: '02307 123456' }),
    ).to.equal(true);

    let { form, root } = preview();
    await form.updateComplete;
    expect(root.querySelector('[data-pointer="/angabenZurPerson/vorname"]')).to.not.equal(null);
    // Fill step 1 with the keyboard and continue.
    root.querySelector<HTMLInputElement>('[name="/angabenZurPerson/vorname"]')!.focus();
    await type('Amina');
    root.querySelector<HTMLButtonElement>('[part~="next"]')!.focus();
    await press('Enter');
    await waitFor(
      'step 2',
      () => root.querySelector('[data-pointer="/kinderImHaushalt"]') !== null,
    );
    // The condition: the group shows only when "Kinder im Haushalt" is ticked.
    expect(root.querySelector('[data-pointer="/kinder"]')).to.equal(null);
    root.querySelector<HTMLInputElement>('[name="/kinderImHaushalt"]')!.focus();
    await press('Space');
    await waitFor('the group', () => root.querySelector('[data-pointer="/kinder"]') !== null);
    await press('Space');
    await waitFor('no group', () => root.querySelector('[data-pointer="/kinder"]') === null);
    // Sending without the consent is refused, with the error on the consent.
    // The last step leads on to the review: leaving it checks the step.
    root.querySelector<HTMLButtonElement>('.actions button[type="submit"]')!.focus();
    await press('Enter');
    await waitFor(
      'the consent error',
      () => root.querySelector('[name="/ichStimmeZu"]')?.getAttribute('aria-invalid') === 'true',
    );
    await expectAccessible('preview on step 2');

    // The preview in English shows the translation.
    await tabTo('#pv-locale');
    await press('ArrowDown');
    ({ form, root } = preview());
    expect(form.getAttribute('locale')).to.equal('en');
    await waitFor('the English title', () => root.textContent!.includes('New form'));
  });
});
