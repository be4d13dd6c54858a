import { expect } from '@open-wc/testing';
import type { Field } from '../../src/model/field.js';
import {
  newlyActiveDefaults,
  withNewlyActiveDefaults,
} from '../../src/model/newly-active-defaults.js';

/** An index of active fields by pointer (only the keys matter here). */
function active(...pointers: string[]): ReadonlyMap<string, Field> {
  return new Map(pointers.map((pointer) => [pointer, {} as Field]));
}

describe('newlyActiveDefaults', () => {
  it('gives a question that did not apply its default', () => {
    expect(
      newlyActiveDefaults(
        { course: 'german' },
        { course: 'german', level: 'A1' },
        active('', '/course'),
      ),
    ).to.deep.equal([['/level', 'A1']]);
  });

  it('leaves out a question that applied and was cleared', () => {
    expect(
      newlyActiveDefaults(
        { course: 'german' },
        { course: 'german', level: 'A1' },
        active('', '/course', '/level'),
      ),
    ).to.deep.equal([]);
  });

  it('adds a new object or list whole, and inside an active one only what is new', () => {
    const data = { address: {} };
    const withDefaults = {
      address: { country: 'DE', region: 'NRW' },
      learners: [{ language: 'ar' }],
    };
    expect(
      newlyActiveDefaults(data, withDefaults, active('', '/address', '/address/country')),
    ).to.deep.equal([
      ['/address/region', 'NRW'],
      ['/learners', [{ language: 'ar' }]],
    ]);
  });

  it('looks into list entries that exist, and escapes names in pointers', () => {
    expect(
      newlyActiveDefaults(
        { 'a/b': [{ x: 1 }] },
        { 'a/b': [{ x: 1, y: 2 }] },
        active('', '/a~1b', '/a~1b/0', '/a~1b/0/x'),
      ),
    ).to.deep.equal([['/a~1b/0/y', 2]]);
  });

  it('puts them into the data, leaving the data as it was when there are none', () => {
    const data = { course: 'german', learners: [{}] };
    const withDefaults = { course: 'german', level: 'A1', learners: [{ language: 'ar' }] };
    expect(
      withNewlyActiveDefaults(
        data,
        withDefaults,
        active('', '/course', '/learners', '/learners/0'),
      ),
    ).to.deep.equal({ course: 'german', level: 'A1', learners: [{ language: 'ar' }] });
    expect(data, 'not changed in place').to.deep.equal({ course: 'german', learners: [{}] });
    const all = active('', '/course', '/level', '/learners', '/learners/0', '/learners/0/language');
    expect(withNewlyActiveDefaults(data, withDefaults, all)).to.equal(data);
  });
});
