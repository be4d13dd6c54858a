/**
 * One list feeds the stories and the tests: every example of stories/examples.ts has a story
 * in Storybook (and so is opened, rendered and checked with axe by scripts/test-storybook.js),
 * and every example story names an existing example.
 */
import { expect } from '@open-wc/testing';
import type { IntakeForm } from '../../src/index.js';
import { allLocales } from '../../src/generated/locale-codes.js';
import {
  examples,
  example,
  KI_ANSWERS,
  WIDGETS,
  WIDGET_STATES,
  type WidgetState,
} from '../../stories/examples.js';
import { IntakePlayground } from '../../stories/playground.js';
import { DIRECTION_ITEMS, LOCALE_ITEMS, pageLanguage } from '../../.storybook/toolbar.js';
import { apiArgTypes, type Manifest } from '../../.storybook/api-docs.js';
import { cleanup, deepElements, mountExample } from './a11y-helpers.js';
import * as s0 from '../../stories/arrays.stories.js';
import * as s1 from '../../stories/intake-form.stories.js';
import * as s2 from '../../stories/ki-erstberatung.stories.js';
import * as s3 from '../../stories/playground.stories.js';
import * as s4 from '../../stories/sprachkurs-anmeldung.stories.js';
import * as s5 from '../../stories/theming.stories.js';
import * as s6 from '../../stories/widget-checkbox.stories.js';
import * as s7 from '../../stories/widget-checkboxes.stories.js';
import * as s8 from '../../stories/widget-color.stories.js';
import * as s9 from '../../stories/widget-date.stories.js';
import * as s10 from '../../stories/widget-datetime-local.stories.js';
import * as s11 from '../../stories/widget-email.stories.js';
import * as s12 from '../../stories/widget-file.stories.js';
import * as s13 from '../../stories/widget-files.stories.js';
import * as s14 from '../../stories/widget-multi-select.stories.js';
import * as s15 from '../../stories/widget-number.stories.js';
import * as s16 from '../../stories/widget-password.stories.js';
import * as s17 from '../../stories/widget-radio.stories.js';
import * as s18 from '../../stories/widget-range.stories.js';
import * as s19 from '../../stories/widget-select.stories.js';
import * as s20 from '../../stories/widget-tel.stories.js';
import * as s21 from '../../stories/widget-text.stories.js';
import * as s22 from '../../stories/widget-textarea.stories.js';
import * as s23 from '../../stories/widget-time.stories.js';
import * as s24 from '../../stories/widget-url.stories.js';
import * as s25 from '../../stories/intake-language-picker.stories.js';

const modules: Record<string, unknown>[] = [
  s0,
  s1,
  s2,
  s3,
  s4,
  s5,
  s6,
  s7,
  s8,
  s9,
  s10,
  s11,
  s12,
  s13,
  s14,
  s15,
  s16,
  s17,
  s18,
  s19,
  s20,
  s21,
  s22,
  s23,
  s24,
  s25,
];

function storyExamples(): string[] {
  const ids: string[] = [];
  for (const module of modules) {
    for (const [name, story] of Object.entries(module)) {
      if (name === 'default' || typeof story !== 'object' || story === null) continue;
      const id = (story as { parameters?: { example?: string } }).parameters?.example;
      if (id) ids.push(id);
    }
  }
  return ids;
}

describe('examples and stories', () => {
  it('every example has a story', () => {
    const shown = new Set(storyExamples());
    expect(examples.filter((ex) => !shown.has(ex.id)).map((ex) => ex.id)).to.deep.equal([]);
  });

  it('every example story names an existing example', () => {
    const known = new Set(examples.map((ex) => ex.id));
    expect(storyExamples().filter((id) => !known.has(id))).to.deep.equal([]);
  });

  it('example ids are unique', () => {
    const ids = examples.map((ex) => ex.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).to.deep.equal([]);
  });
});

// ---- each story shows what its name says ---------------------------------------------------

/** The native control each widget is (its stories must show that control). */
const CONTROL: Record<string, string> = {
  text: 'input[type="text"]',
  email: 'input[type="email"]',
  tel: 'input[type="tel"]',
  url: 'input[type="url"]',
  password: 'input[type="password"]',
  color: 'input[type="color"]',
  number: 'input',
  range: 'input[type="range"]',
  date: 'input[type="date"]',
  time: 'input[type="time"]',
  'datetime-local': 'input[type="datetime-local"]',
  textarea: 'textarea',
  select: 'select:not([multiple])',
  radio: 'input[type="radio"]',
  checkboxes: 'input[type="checkbox"]',
  checkbox: 'input[type="checkbox"]',
  'multi-select': 'select[multiple]',
  file: 'input[type="file"]:not([multiple])',
  files: 'input[type="file"][multiple]',
};

const parts = (form: IntakeForm, part: string) =>
  deepElements(form.shadowRoot!).filter((el) =>
    (el.getAttribute('part') ?? '').split(/\s+/).includes(part),
  );
const text = (elements: Element[]) => elements.map((el) => el.textContent ?? '').join(' ');
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

describe('every widget story shows its widget in the state it is named after', () => {
  afterEach(cleanup);

  it('every widget shown has its native control listed here', () => {
    expect(Object.keys(WIDGETS).sort()).to.deep.equal(Object.keys(CONTROL).sort());
  });

  for (const widget of Object.keys(WIDGETS)) {
    for (const state of WIDGET_STATES as readonly WidgetState[]) {
      it(`widgets/${widget}/${state}`, async () => {
        const form = await mountExample(example(`widgets/${widget}/${state}`));
        const controls = parts(form, 'control') as Control[];
        const native = form.shadowRoot!.querySelector(CONTROL[widget]);
        expect(native, `${CONTROL[widget]} in the form`).to.exist;
        expect(controls.length, 'controls').to.be.greaterThan(0);
        const locked = (c: Control) => c.disabled || ('readOnly' in c && c.readOnly);
        switch (state) {
          case 'empty':
            expect(parts(form, 'error'), 'no error shown before sending').to.have.length(0);
            expect(form.validate().valid, 'an empty required answer is invalid').to.equal(false);
            break;
          case 'filled':
            expect(controls.some(locked), 'nothing locked').to.equal(false);
            expect(form.validate().valid, 'the filled answer is valid').to.equal(true);
            break;
          case 'error':
            expect(text(parts(form, 'error')).trim(), 'an error message').not.to.equal('');
            expect(text(parts(form, 'summary')).trim(), 'the error summary').not.to.equal('');
            break;
          case 'disabled':
            expect(
              controls.every((c) => c.disabled),
              'every control disabled',
            ).to.equal(true);
            break;
          case 'read-only':
            expect(controls.every(locked), 'every control read-only').to.equal(true);
            expect(form.validate().valid, 'the answer shown is valid').to.equal(true);
            break;
          case 'with-help': {
            const hints = text(parts(form, 'hint'));
            expect(hints).to.contain(WIDGETS[widget].description);
            expect(hints).to.contain(WIDGETS[widget].help);
            break;
          }
        }
      });
    }
  }
});

describe('the example-form stories show the state they are named after', () => {
  afterEach(cleanup);

  for (const step of [1, 2, 3, 4, 5]) {
    it(`sprachkurs-anmeldung/step-${step} is step ${step} of 5`, async () => {
      const form = await mountExample(example(`sprachkurs-anmeldung/step-${step}`));
      expect(form.steps).to.have.length(5);
      expect(form.step).to.equal(step - 1);
    });
  }

  it('sprachkurs-anmeldung/review shows the review', async () => {
    const form = await mountExample(example('sprachkurs-anmeldung/review'));
    expect(form.step).to.equal(-1);
    expect(parts(form, 'review')).to.have.length(1);
  });

  for (const id of ['ki-erstberatung/confirmation', 'sprachkurs-anmeldung/confirmation']) {
    it(`${id} shows the reference number`, async () => {
      const form = await mountExample(example(id));
      expect(parts(form, 'confirmation')).to.have.length(1);
      expect(text(parts(form, 'reference'))).to.match(/(KI|SK)-2026-\d+/);
    });
  }

  for (const id of ['ki-erstberatung/queued-offline', 'sprachkurs-anmeldung/queued-offline']) {
    it(`${id} shows the submission waiting on this device`, async () => {
      const form = await mountExample(example(id));
      expect(parts(form, 'queued')).to.have.length(1);
    });
  }

  for (const id of ['ki-erstberatung/draft-restored', 'sprachkurs-anmeldung/draft-restored']) {
    it(`${id} is a new form with the saved answers back`, async () => {
      const ex = example(id);
      const form = await mountExample(ex);
      expect(parts(form, 'delete-draft'), 'the notice offers to delete the draft').to.have.length(
        1,
      );
      const saved = ex.value as Record<string, unknown>;
      const shown = form.value as Record<string, unknown>;
      for (const key of Object.keys(saved)) expect(shown[key], key).to.deep.equal(saved[key]);
    });
  }

  it('ki-erstberatung/errors shows the summary and a message per missing answer', async () => {
    const form = await mountExample(example('ki-erstberatung/errors'));
    expect(parts(form, 'summary')).to.have.length(1);
    expect(parts(form, 'error').length).to.be.greaterThan(1);
  });

  it('ki-erstberatung/filled is complete and valid', async () => {
    const form = await mountExample(example('ki-erstberatung/filled'));
    expect(form.validate().valid).to.equal(true);
    expect(form.value).to.deep.include({ email: (KI_ANSWERS as { email: string }).email });
  });
});

// ---- the author's playground ---------------------------------------------------------------

describe("the author's playground", () => {
  let playground: IntakePlayground;

  beforeEach(async () => {
    playground = document.createElement('intake-playground') as IntakePlayground;
    document.body.append(playground);
    await playground.prepared;
  });
  afterEach(() => {
    playground.remove();
    return cleanup();
  });

  const paste = async (value: string) => {
    const textarea = playground.shadowRoot!.querySelector('textarea')!;
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await playground.updateComplete;
    playground.shadowRoot!.querySelector('button')!.click();
    await playground.updateComplete;
  };
  const problem = () => playground.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();
  /** `intake-ready` comes once per element; a later definition is there when its title shows. */
  const shows = async (title: string) => {
    const form = playground.form!;
    for (let i = 0; i < 100 && !text(parts(form, 'title')).includes(title); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await form.updateComplete;
    return text(parts(form, 'title'));
  };

  it('previews a pasted definition', async () => {
    const form = playground.form!;
    await paste(
      JSON.stringify({
        lang: 'en',
        schema: {
          title: 'Bulky waste collection',
          type: 'object',
          properties: { street: { type: 'string', title: 'Street' } },
        },
      }),
    );
    expect(await shows('Bulky waste collection')).to.contain('Bulky waste collection');
    expect(problem()).to.equal('');
    expect(text(parts(form, 'label'))).to.contain('Street');
  });

  it('takes a bare JSON Schema too', async () => {
    await paste('{"title": "Dog licence", "type": "object", "properties": {}}');
    expect(await shows('Dog licence')).to.contain('Dog licence');
  });

  it('says what is wrong with text that is not JSON, and keeps the last preview', async () => {
    const before = text(parts(playground.form!, 'title'));
    await paste('{ "schema": ');
    expect(problem()).to.match(/^The text is not a usable definition: /);
    expect(text(parts(playground.form!, 'title'))).to.equal(before);
  });
});

// ---- the toolbar ---------------------------------------------------------------------------

describe('the Storybook toolbar', () => {
  it('offers every locale the library has strings in, and the form’s own', () => {
    const offered = LOCALE_ITEMS.map((item) => item.value);
    expect(offered).to.include('');
    expect([...allLocales].filter((locale) => !offered.includes(locale))).to.deep.equal([]);
  });

  it('marks the right-to-left locales and sets the page’s direction from them', () => {
    const rtl = LOCALE_ITEMS.filter((item) => item.right === 'rtl').map((item) => item.value);
    expect(rtl.sort()).to.deep.equal(['ar', 'fa', 'ps']);
    expect(pageLanguage({ locale: 'fa' })).to.deep.equal({ lang: 'fa', dir: 'rtl' });
    expect(pageLanguage({ locale: '' })).to.deep.equal({ lang: 'en', dir: 'ltr' });
  });

  it('lets the direction be forced either way', () => {
    expect(DIRECTION_ITEMS.map((item) => item.value)).to.deep.equal(['', 'ltr', 'rtl']);
    expect(pageLanguage({ locale: 'ar', dir: 'ltr' }).dir).to.equal('ltr');
    expect(pageLanguage({ locale: 'de', dir: 'rtl' }).dir).to.equal('rtl');
  });
});

// ---- the API docs --------------------------------------------------------------------------

describe('the API tables of the docs pages', () => {
  const manifest: Manifest = {
    modules: [
      {
        declarations: [
          {
            tagName: 'x-form',
            attributes: [
              { name: 'draft', description: 'Keep a draft.', fieldName: 'draft' },
              { name: 'draft-days', description: 'Days.', fieldName: 'draftDays' },
            ],
            members: [
              { kind: 'field', name: 'draft', attribute: 'draft' },
              { kind: 'field', name: 'draftDays', attribute: 'draft-days' },
              { kind: 'field', name: 'value', description: 'The data.' },
              { kind: 'method', name: 'submit', description: 'Sends.' },
              { kind: 'field', name: 'secret', privacy: 'private' },
            ],
            events: [{ name: 'x-ready', description: 'Loaded.' }],
            cssParts: [{ name: 'draft', description: 'The draft notice.' }],
          },
        ],
      },
    ],
  };

  it('keeps a part named like an attribute apart from it, and list properties, methods, events', () => {
    const argTypes = apiArgTypes(manifest, 'x-form')!;
    const rows = Object.values(argTypes)
      .filter((a) => !a.table.disable)
      .map((a) => `${a.table.category}: ${a.name}`);
    expect(rows).to.deep.equal([
      'attributes: draft',
      'attributes: draft-days',
      'properties: value',
      'methods: submit',
      'events: x-ready',
      'css shadow parts: draft',
    ]);
    expect(argTypes['draft-days'].description).to.contain('`draftDays`');
    expect(Object.values(argTypes).some((a) => a.action === 'x-ready')).to.equal(true);
    expect(apiArgTypes(manifest, 'y-form')).to.equal(undefined);
  });
});
