import { expect } from '@open-wc/testing';
import {
  displayPointer,
  exposedNames,
  firstShownPerField,
  inFormOrder,
  isExposed,
  nothingExposed,
  type Exposure,
} from '../../src/form/error-visibility.js';
import { summaryEntries } from '../../src/form/error-summary.js';
import type { Field } from '../../src/model/field.js';

const exposure = (
  touched: string[] = [],
  shownNames: string[] = [],
  showAll = false,
): Exposure => ({
  touched: new Set(touched),
  shownNames: new Set(shownNames),
  showAll,
});

/** Rendered fields in form order, each with a label. */
function fields(entries: [pointer: string, label: string][]): Map<string, Field> {
  return new Map(
    entries.map(([pointer, label]) => [pointer, { pointer, label: { text: label } } as Field]),
  );
}

describe('which errors show', () => {
  it('shows nothing before a field is left or the form is checked', () => {
    expect(nothingExposed(exposure())).to.equal(true);
    expect(isExposed('/name', exposure())).to.equal(false);
    expect(nothingExposed(exposure(['/name']))).to.equal(false);
  });

  it('shows the errors of a field left, of the fields inside it and of the group around it', () => {
    const left = exposure(['/address']);
    expect(isExposed('/address', left)).to.equal(true);
    expect(isExposed('/address/city', left)).to.equal(true);
    expect(isExposed('/addressee', left), 'a name that only starts alike').to.equal(false);
    expect(isExposed('', exposure(['/address/city'])), 'the root around it').to.equal(true);
  });

  it('shows a whole step once the person tried to leave it, and everything once checked', () => {
    expect(isExposed('/contact/email', exposure([], ['contact']))).to.equal(true);
    expect(isExposed('/other', exposure([], ['contact']))).to.equal(false);
    expect(isExposed('/other', exposure([], [], true))).to.equal(true);
    expect(exposedNames(exposure(['/address/city'], ['contact']))).to.deep.equal([
      'contact',
      'address',
    ]);
  });

  it('puts an error on the nearest rendered field, and lists errors in form order', () => {
    const rendered = fields([
      ['/name', 'Name'],
      ['/address', 'Address'],
      ['/address/city', 'City'],
    ]);
    expect(displayPointer('/address/zip', rendered)).to.equal('/address');
    expect(displayPointer('/gone/deep', rendered)).to.equal('');
    const errors = [
      { pointer: '/address/city', message: 'c' },
      { pointer: '/name', message: 'n' },
      { pointer: '/address/zip', message: 'z' },
    ];
    expect(inFormOrder(errors, rendered).map((e) => e.message)).to.deep.equal(['n', 'z', 'c']);
  });

  it('keeps the first shown error per field', () => {
    const rendered = fields([['/name', 'Name']]);
    const shown = firstShownPerField(
      [
        { pointer: '/name', keyword: 'minLength', params: {} },
        { pointer: '/name', keyword: 'pattern', params: {} },
        { pointer: '/other', keyword: 'required', params: {} },
      ],
      exposure(['/name']),
      rendered,
    );
    expect([...shown.keys()]).to.deep.equal(['/name']);
    expect(shown.get('/name')?.keyword).to.equal('minLength');
  });
});

describe('the error summary', () => {
  it('gives one "Label: message" per field, without the label’s closing punctuation', () => {
    const rendered = fields([
      ['/consent', 'Ich bin einverstanden.'],
      ['/course', 'Which course?'],
      ['/name', 'Name'],
    ]);
    const entries = summaryEntries(
      [
        { pointer: '/consent', message: 'Bitte bestätigen' },
        { pointer: '/course', message: 'Please choose' },
        { pointer: '/name', message: 'Enter your name' },
        { pointer: '/name', message: 'A second one' },
      ],
      rendered,
      (field) => field.label.text,
    );
    expect(entries).to.deep.equal([
      { pointer: '/consent', message: 'Ich bin einverstanden: Bitte bestätigen' },
      { pointer: '/course', message: 'Which course? Please choose' },
      { pointer: '/name', message: 'Name: Enter your name' },
    ]);
  });
});
