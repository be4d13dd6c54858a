/** What each kind of question must accept and refuse: the core's and the element's tests share it. */
import type { QuestionKind } from '../../src/builder/core/kinds.js';

/** Answers that each kind must accept and refuse. */
export const CASES: Record<QuestionKind, { good: unknown[]; bad: unknown[] }> = {
  shortText: { good: ['Anna'], bad: [3, 'x'.repeat(201)] },
  longText: { good: ['Zeile 1\nZeile 2'], bad: ['x'.repeat(2001)] },
  number: { good: [1.5, -2], bad: ['1'] },
  wholeNumber: { good: [3], bad: [3.5] },
  date: { good: ['2026-12-04'], bad: ['04.12.2026'] },
  time: { good: ['09:30'], bad: ['9 Uhr'] },
  yesNo: { good: [true, false], bad: ['ja'] },
  consent: { good: [true], bad: [false] },
  oneChoice: { good: ['a'], bad: ['b'] },
  // Required lists: one answer at least (the form starts them empty, so [] is what "missing" is).
  severalChoices: { good: [['a']], bad: [['a', 'a'], ['z'], []] },
  email: { good: ['a@example.org'], bad: ['no mail'] },
  phone: { good: ['+49 221 1234567'], bad: ['call me'] },
  postalCode: { good: ['50667'], bad: ['5066', '506677', 'abcde'] },
  file: { good: ['data:application/pdf;base64,JVBERg=='], bad: ['hello'] },
  group: { good: [[{}]], bad: [Array.from({ length: 11 }, () => ({})), [{ extra: 1 }], []] },
  section: { good: [{}], bad: ['x'] },
  person: { good: [{ givenName: 'A', familyName: 'B' }], bad: [{ givenName: 'A' }] },
  address: {
    good: [{ street: 'Markt 1', postalCode: '59192', city: 'Bergkamen' }],
    bad: [{ street: 'Markt 1', postalCode: '5919', city: 'Bergkamen' }],
  },
};
