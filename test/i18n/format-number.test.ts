import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatNumber } from '../../src/i18n/format-number.js';
import { supportedLocales } from '../../src/i18n/localization.js';

/** Every language the library speaks, and some that forms are often translated into. */
const LOCALES = [
  ...supportedLocales,
  'it',
  'nl',
  'pt',
  'el',
  'sr',
  'hr',
  'bs',
  'so',
  'vi',
  'de-AT',
];

describe('formatNumber', () => {
  it('writes every number exactly as Intl.NumberFormat does, in every language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.oneof(
          fc.integer({ min: 0, max: 20_000 }),
          fc.integer({ min: -20_000, max: -1 }),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        ),
        fc.boolean(),
        (locale, value, min2) => {
          const expected = new Intl.NumberFormat(
            locale,
            min2 ? { useGrouping: 'min2' } : {},
          ).format(value);
          expect(formatNumber(value, locale, min2 ? 'min2' : undefined)).to.equal(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes Persian digits in Persian', () => {
    expect(formatNumber(12, 'fa')).to.equal('۱۲');
  });
});
