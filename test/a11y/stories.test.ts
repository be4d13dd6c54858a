/**
 * One list feeds the stories and the tests: every example of stories/examples.ts has a story
 * in Storybook (and so is opened, rendered and checked with axe by scripts/test-storybook.js),
 * and every example story names an existing example.
 */
import { expect } from '@open-wc/testing';
import { examples } from '../../stories/examples.js';
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
