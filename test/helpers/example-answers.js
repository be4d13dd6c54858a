// Complete, valid answers to the example definitions in schemas/, in one place for the stories
// (stories/form-examples.ts), the browser tests and the Node tests (plain JavaScript, no imports,
// so that every one of them can load it).

/** Complete, valid answers to schemas/sprachkurs-anmeldung.json (the keyboard walk's). */
export const SPRACHKURS_ANSWERS = {
  givenName: 'Olena',
  familyName: 'Kovalenko',
  birthDate: '1990-03-04',
  email: 'olena@example.org',
  phone: '0221 1234567',
  address: { street: 'Hauptstraße 1', postalCode: '50667', city: 'Köln' },
  residenceStatus: 'aufenthaltserlaubnis',
  permitParagraph: '§ 25 Abs. 2 AufenthG',
  permitExpiry: '2027-06-30',
  courseEntitlement: 'entitled',
  courseType: 'intensive',
  germanLevel: 'A2',
  preferredTimes: ['morning', 'evening'],
  childcareNeeded: true,
  childrenCount: 1,
  children: [{ age: 3 }],
  attendedCourseBefore: true,
  previousCourseType: 'integration',
  previousCourseYear: 2023,
  message: 'Ich kann nur vormittags.',
  consent: true,
};

/** The same, with a child's special needs answered too (the conditional questions inside). */
export const SPRACHKURS_ANSWERS_WITH_NEEDS = {
  ...SPRACHKURS_ANSWERS,
  children: [{ age: 3, specialNeeds: true, specialNeedsDetails: 'Rollstuhl' }],
};

/** Complete, valid answers to schemas/ki-erstberatung.json. */
export const KI_ANSWERS = {
  person: { givenName: 'Amal', familyName: 'Haddad', countryOfOrigin: 'Syrien' },
  email: 'amal@example.org',
  phone: '0221 555123',
  contactPreference: 'phone',
  topics: ['residence-law', 'orientation'],
  interpreterNeeded: true,
  interpreterLanguage: 'ar',
  householdMembers: [{ givenName: 'Samir', birthYear: 2015 }],
  message: 'Ich suche eine Wohnung.',
  consent: true,
};
