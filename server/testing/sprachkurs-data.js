// Answers for the shipped schemas/sprachkurs-anmeldung.json, shared by the receiver's tests
// (through ./harness.js) and the load benchmark (bench/receiver-load.js). No dependencies, so
// that bench/ can import it.

/** Data that is valid for the shipped schemas/sprachkurs-anmeldung.json. */
export function sprachkursData(overrides = {}) {
  return {
    givenName: 'Olena',
    familyName: 'Koval',
    birthDate: '1985-12-31',
    email: 'olena@example.org',
    address: { street: 'Hauptstr. 1', postalCode: '50667', city: 'Köln' },
    residenceStatus: 'aufenthaltserlaubnis',
    permitParagraph: '§ 24 AufenthG',
    permitExpiry: '2027-06-30',
    courseEntitlement: 'entitled',
    courseType: 'parents-women',
    germanLevel: 'A1',
    preferredTimes: ['morning', 'weekend'],
    childcareNeeded: true,
    childrenCount: 2,
    children: [{ age: 4, specialNeeds: true, specialNeedsDetails: 'Nussallergie' }, { age: 0 }],
    attendedCourseBefore: true,
    previousCourseType: 'job-related',
    previousCourseYear: 2024,
    message: 'Ich kann nur dienstags.',
    consent: true,
    ...overrides,
  };
}
