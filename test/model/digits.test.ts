/**
 * Digits typed in Arabic-Indic or Persian script into a text field whose pattern accepts ASCII
 * digits only become ASCII digits, as in number fields; elsewhere the text stays as typed.
 */
import { expect } from '@open-wc/testing';
import { acceptsOnlyAsciiDigits, expectsDigits, typedDigits } from '../../src/i18n/digits.js';

describe('digits in another script', () => {
  it('reads which patterns accept ASCII digits only', () => {
    for (const pattern of [
      '^[0-9]{5}$',
      '^\\d+$',
      '[0-9]{4,5}',
      '^\\d{3}-\\d{4}$',
      '^[1-9][0-9]{4}$',
      '^(\\+49)?[0-9 ]+$',
      '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$',
      '^(?:\\d{5}|\\d{3} \\d{2})$',
    ])
      expect(acceptsOnlyAsciiDigits(pattern), pattern).to.equal(true);
    for (const pattern of [
      '^[A-Z]{2}[0-9]+$',
      '^\\w+$',
      '^\\d.\\d$',
      '^[0-9a-f]+$',
      '^.+$',
      'abc',
      '',
      undefined,
      5,
    ])
      expect(acceptsOnlyAsciiDigits(pattern), String(pattern)).to.equal(false);
  });

  it('a postal code typed in Arabic-Indic or Persian digits is stored in ASCII', () => {
    const expects = expectsDigits('text', undefined, '^[0-9]{5}$');
    expect(expects).to.equal(true);
    expect(typedDigits('١٢٣٤٥', expects, '^[0-9]{5}$')).to.equal('12345');
    expect(typedDigits('۱۲۳', expects, '^[0-9]{5}$')).to.equal('123');
    const phone = '^\\d{3}-\\d{4}$';
    expect(typedDigits('٥٥٥-١٢٣٤', expectsDigits('text', undefined, phone), phone)).to.equal(
      '555-1234',
    );
  });

  it('an intricate pattern: normalised once the ASCII text matches and the typed one does not', () => {
    const pattern = '^(?=\\d)[\\d]{3}$';
    const expects = expectsDigits('text', undefined, pattern);
    expect(expects).to.equal(false);
    expect(typedDigits('١٢٣', expects, pattern)).to.equal('123');
    expect(typedDigits('١٢', expects, pattern)).to.equal('١٢');
  });

  it('leaves text as typed where the pattern accepts it, or there is no digit rule', () => {
    const arabic = '^[\\u0660-\\u0669]+$';
    expect(typedDigits('١٢٣', expectsDigits('text', undefined, arabic), arabic)).to.equal('١٢٣');
    expect(typedDigits('شارع ١٢', false, undefined)).to.equal('شارع ١٢');
    expect(typedDigits('١٢', false, '([')).to.equal('١٢');
  });
});
