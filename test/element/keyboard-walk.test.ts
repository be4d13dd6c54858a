/**
 * The example forms walked end to end with the keyboard only, as a person without a mouse would:
 * Tab, Shift+Tab, Space, Enter, arrow keys and typing. Nothing here clicks, sets `.value` or calls
 * `next()` / `back()` / `submit()`; the tests only read state to check what the person would see.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { control, controls, errorText, renderForm, root } from '../helpers/form.js';
import {
  current,
  Deferred,
  describeFocus,
  expectFocusInForm,
  expectNoAxeViolations,
  freshBucket,
  loadDefinition,
  press,
  primary,
  requestsIn,
  reviewRows,
  settle,
  stepTitle,
  summaryLinks,
  tabExpect,
  tabOutOfDate,
  tabTo,
  text,
  type,
  typeDate,
} from '../helpers/keyboard.js';

describe('keyboard-only walk: sprachkurs-anmeldung', () => {
  it('fills, corrects, branches, reviews, changes and sends with the keyboard alone', async () => {
    const bucket = freshBucket('keyboard-sprachkurs');
    const deferred = new Deferred();
    const el = await renderForm(await loadDefinition('sprachkurs-anmeldung'), 'de');
    el.action = `/test-api/${bucket}/submit`;
    await el.updateComplete;
    expect(el.steps).to.deep.equal([
      'Zu Ihrer Person',
      'Aufenthalt',
      'Kurswunsch',
      'Bisherige Kurse',
      'Nachricht und Einwilligung',
    ]);
    await expectNoAxeViolations(el, 'step 1');

    // ---- Step 1: Zu Ihrer Person — leave the town empty on purpose.
    await tabExpect(el, '/givenName');
    await type(el, 'Olena');
    await tabExpect(el, '/familyName');
    await type(el, 'Kovalenko');
    await tabExpect(el, '/birthDate');
    await typeDate(el, '1990-03-04');
    expect(await tabOutOfDate(el)).to.equal('/email');
    await type(el, 'olena@example.org');
    await tabExpect(el, '/phone');
    await type(el, '0221 1234567');
    await tabExpect(el, '/address/street');
    await type(el, 'Hauptstraße 1');
    await tabExpect(el, '/address/postalCode');
    await type(el, '50667');
    await tabExpect(el, '/address/city');
    await tabExpect(el, 'button:Weiter');

    await press(el, 'Enter');
    expect(el.step, 'an error keeps the person on step 1').to.equal(0);
    const summary = root(el).querySelector<HTMLElement>('.error-summary');
    expect(summary, 'error summary').to.exist;
    expect(current(el), 'the error summary has focus').to.equal(summary);
    expect(summaryLinks(el)).to.deep.equal(['Ort: Bitte füllen Sie dieses Feld aus.']);
    expect(errorText(el, '/address/city')).to.equal('Fehler: Bitte füllen Sie dieses Feld aus.');
    await expectNoAxeViolations(el, 'step 1 with an error');

    // Fix it through the summary: Tab to its link, Enter moves focus to the field.
    await tabExpect(el, 'link:Ort: Bitte füllen Sie dieses Feld aus.');
    await press(el, 'Enter');
    expect(describeFocus(el), 'the summary link moves focus to its field').to.equal(
      '/address/city',
    );
    await type(el, 'Köln');
    expect(errorText(el, '/address/city')).to.equal(undefined);
    await tabExpect(el, 'button:Weiter');
    await press(el, 'Enter');

    // ---- Step 2: Aufenthalt.
    expect(el.step).to.equal(1);
    expect(current(el), 'the new step heading has focus').to.equal(stepTitle(el));
    expect(text(stepTitle(el))).to.equal('Aufenthalt');
    expect(root(el).querySelector('.error-summary'), 'no summary on the new step').to.equal(null);
    await expectNoAxeViolations(el, 'step 2');
    expect(controls(el, '/permitExpiry')).to.have.length(0);

    // Choose "Aufenthaltserlaubnis" (needs a permit expiry and asks for its legal basis).
    await tabExpect(el, '/residenceStatus[0]');
    await press(el, 'Space');
    expect(controls(el, '/residenceStatus')[0].checked).to.equal(true);
    expect(describeFocus(el), 'focus stays on the chosen option').to.equal('/residenceStatus[0]');
    expect(controls(el, '/permitExpiry'), 'expiry appears').to.have.length(1);
    expect(controls(el, '/permitParagraph'), 'legal basis appears').to.have.length(1);
    // Arrow keys move through the options: "Niederlassungserlaubnis" needs no expiry …
    await press(el, 'ArrowDown');
    expect(describeFocus(el)).to.equal('/residenceStatus[1]');
    expect(el.value).to.have.property('residenceStatus', 'niederlassungserlaubnis');
    expect(controls(el, '/permitExpiry'), 'expiry goes away').to.have.length(0);
    // … and back up to "Aufenthaltserlaubnis", which does.
    await press(el, 'ArrowUp');
    expect(describeFocus(el)).to.equal('/residenceStatus[0]');
    expect(el.value).to.have.property('residenceStatus', 'aufenthaltserlaubnis');
    expect(controls(el, '/permitExpiry'), 'expiry is back').to.have.length(1);
    await expectNoAxeViolations(el, 'step 2 with the expiry shown');

    await tabExpect(el, '/permitParagraph');
    await type(el, '§ 25 Abs. 2 AufenthG');
    await tabExpect(el, '/permitExpiry');
    await typeDate(el, '2027-06-30');
    expect(await tabOutOfDate(el)).to.equal('/courseEntitlement[0]');
    await press(el, 'Space');
    expect(el.value).to.have.property('courseEntitlement', 'entitled');

    // Back (the button, by keyboard) and forward again: nothing is lost.
    await tabExpect(el, 'button:Zurück');
    await press(el, 'Enter');
    expect(el.step).to.equal(0);
    expect(current(el), 'the heading of step 1 has focus').to.equal(stepTitle(el));
    expect(control(el, '/address/city').value).to.equal('Köln');
    const stepOneStops = await tabTo(el, primary);
    expect(stepOneStops, 'tab order of step 1').to.deep.equal([
      '/givenName',
      '/familyName',
      '/birthDate',
      '/email',
      '/phone',
      '/address/street',
      '/address/postalCode',
      '/address/city',
      'button:Weiter',
    ]);
    await press(el, 'Enter');
    expect(el.step).to.equal(1);
    expect(current(el)).to.equal(stepTitle(el));
    expect(controls(el, '/residenceStatus')[0].checked).to.equal(true);
    expect(control(el, '/permitExpiry').value, 'the expiry is kept').to.equal('2027-06-30');
    expect(control(el, '/permitParagraph').value).to.equal('§ 25 Abs. 2 AufenthG');

    // Now change the status to one that needs no expiry: Tab lands on the chosen option.
    await tabExpect(el, '/residenceStatus[0]');
    await press(el, 'ArrowDown');
    expect(describeFocus(el)).to.equal('/residenceStatus[1]');
    expect(controls(el, '/permitExpiry'), 'expiry has gone').to.have.length(0);
    expect(controls(el, '/permitParagraph'), 'legal basis has gone').to.have.length(0);
    expect(el.value).to.not.have.property('permitExpiry');
    expect(el.value).to.not.have.property('permitParagraph');
    await expectNoAxeViolations(el, 'step 2 without the expiry');
    expect(await tabTo(el, primary)).to.deep.equal([
      '/courseEntitlement[0]',
      'button:Zurück',
      'button:Weiter',
    ]);
    await press(el, 'Enter');

    // ---- Step 3: Kurswunsch.
    expect(el.step).to.equal(2);
    expect(current(el)).to.equal(stepTitle(el));
    expect(text(stepTitle(el))).to.equal('Kurswunsch');
    await expectNoAxeViolations(el, 'step 3');
    await tabExpect(el, '/courseType[0]');
    for (let i = 0; i < 4; i++) await press(el, 'ArrowDown');
    expect(el.value).to.have.property('courseType', 'intensive');
    await tabExpect(el, '/germanLevel[0]');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(el.value).to.have.property('germanLevel', 'A2');
    await tabExpect(el, '/preferredTimes[0]');
    await press(el, 'Space');
    await tabExpect(el, '/preferredTimes[1]');
    await tabExpect(el, '/preferredTimes[2]');
    await press(el, 'Space');
    expect(el.value).to.have.deep.property('preferredTimes', ['morning', 'evening']);
    await tabExpect(el, '/preferredTimes[3]');
    await tabExpect(el, '/childcareNeeded[0]');
    expect(controls(el, '/childrenCount')).to.have.length(0);
    await press(el, 'Space');
    expect(el.value).to.have.property('childcareNeeded', true);
    expect(controls(el, '/childrenCount'), 'number of children appears').to.have.length(1);
    await tabExpect(el, '/childrenCount');
    await type(el, '1');
    expect(el.value).to.have.property('childrenCount', 1);
    // Giving a number asks for the children's ages (dependentSchemas): the list appears with
    // the one entry it needs (minItems), as it would have at load.
    expect(controls(el, '/children/0/age'), 'one entry appears').to.have.length(1);
    expect(controls(el, '/children/1/age')).to.have.length(0);
    await tabExpect(el, '/children/0/age');
    await type(el, '3');
    await tabExpect(el, '/children/0/specialNeeds[0]');
    await tabTo(el, primary);
    await press(el, 'Enter');

    // ---- Step 4: Bisherige Kurse — answering "Ja" asks which course and when.
    expect(el.step).to.equal(3);
    expect(current(el)).to.equal(stepTitle(el));
    await expectNoAxeViolations(el, 'step 4');
    await tabExpect(el, '/attendedCourseBefore[0]');
    expect(controls(el, '/previousCourseType')).to.have.length(0);
    await press(el, 'Space');
    expect(controls(el, '/previousCourseType'), 'which course appears').to.have.length(3);
    expect(controls(el, '/previousCourseYear'), 'when appears').to.have.length(1);
    await expectNoAxeViolations(el, 'step 4 with the follow-up questions');
    await tabExpect(el, '/previousCourseType[0]');
    await press(el, 'Space');
    await tabExpect(el, '/previousCourseYear');
    await type(el, '2023');
    // Enter in a text field moves on, like the primary button.
    await press(el, 'Enter');

    // ---- Step 5: Nachricht und Einwilligung.
    expect(el.step).to.equal(4);
    expect(current(el)).to.equal(stepTitle(el));
    await expectNoAxeViolations(el, 'step 5');
    await tabExpect(el, '/message');
    await type(el, 'Ich kann nur vormittags.');
    await tabExpect(el, '/consent');
    await press(el, 'Space');
    expect(el.value).to.have.property('consent', true);
    expect(await tabTo(el, primary)).to.deep.equal(['button:Zurück', 'button:Weiter']);
    await press(el, 'Enter');

    // ---- Review: choice titles, not codes; dates for de; inactive branches absent.
    expect(el.step, 'on the review').to.equal(-1);
    expect(current(el), 'the review heading has focus').to.equal(stepTitle(el));
    await expectNoAxeViolations(el, 'the review');
    const rows = reviewRows(el);
    // A year is a number, but is written without a thousands separator ("2023", not "2.023").
    deferred.check(() =>
      expect(rows[19], `a year on the review reads ${JSON.stringify(rows[19][1])}`).to.deep.equal([
        'In welchem Jahr haben Sie den Kurs zuletzt besucht?',
        '2023',
      ]),
    );
    expect(
      rows.map(([label, answer], i) => [label, i === 19 ? '(checked above)' : answer]),
    ).to.deep.equal([
      ['Vorname', 'Olena'],
      ['Familienname', 'Kovalenko'],
      ['Geburtsdatum', '4. März 1990'],
      ['E-Mail-Adresse', 'olena@example.org'],
      ['Telefonnummer', '0221 1234567'],
      ['Straße und Hausnummer', 'Hauptstraße 1'],
      ['Postleitzahl', '50667'],
      ['Ort', 'Köln'],
      ['Welchen Aufenthaltsstatus haben Sie?', 'Niederlassungserlaubnis'],
      [
        'Haben Sie ein Schreiben, dass Sie an einem Integrationskurs teilnehmen dürfen oder müssen?',
        'Ja, ich habe eine Teilnahmeberechtigung.',
      ],
      ['Für welchen Kurs möchten Sie sich anmelden?', 'Intensivkurs (schneller lernen)'],
      [
        'Wie gut sprechen Sie schon Deutsch?',
        'A2 – Ich kann mich in einfachen Alltagssituationen verständigen.',
      ],
      ['Wann haben Sie Zeit für den Kurs?', 'Vormittags und Abends'],
      ['Brauchen Sie während des Kurses eine Kinderbetreuung?', 'Ja'],
      ['Für wie viele Kinder brauchen Sie eine Betreuung?', '1'],
      ['Alter der Kinder 1: Alter in Jahren', '3'],
      ['Alter der Kinder 1: Braucht das Kind besondere Unterstützung?', 'Keine Angabe'],
      [
        'Haben Sie schon einmal einen Integrationskurs oder einen anderen Deutschkurs besucht?',
        'Ja',
      ],
      ['Welchen Kurs haben Sie besucht?', 'Integrationskurs'],
      ['In welchem Jahr haben Sie den Kurs zuletzt besucht?', '(checked above)'],
      ['Möchten Sie uns noch etwas mitteilen?', 'Ich kann nur vormittags.'],
      ['Ich bin mit der Verarbeitung meiner Angaben einverstanden.', 'Ja'],
    ]);
    expect(
      text(root(el).querySelector('.review')),
      'no permit expiry on the review',
    ).not.to.contain('Gültig bis');

    // "Change" the German level from the review, by keyboard.
    // Tab walks the "Change" buttons in the order of the answers.
    expect(await tabTo(el, 'button:Ändern Wie gut sprechen Sie schon Deutsch?')).to.deep.equal(
      rows.slice(0, 12).map(([label]) => `button:Ändern ${label}`),
    );
    await press(el, 'Enter');
    expect(el.step).to.equal(2);
    expectFocusInForm(el, 'Change');
    deferred.check(() =>
      expect(
        describeFocus(el),
        '"Change" on a radio question focuses the chosen option, as Tab into the group would',
      ).to.equal('/germanLevel[2]'),
    );
    // Shift+Tab and Tab again land on the chosen option (the browser's own radio-group rule),
    // so the arrow key below moves on from the current answer whatever "Change" focused.
    await press(el, 'Shift+Tab');
    expect(describeFocus(el)).to.equal('/courseType[4]');
    await tabExpect(el, '/germanLevel[2]');
    await press(el, 'ArrowDown');
    expect(el.value).to.have.property('germanLevel', 'B1');
    await tabTo(el, primary);
    await press(el, 'Enter');
    expect(el.step, 'Continue returns to the review').to.equal(-1);
    expect(current(el)).to.equal(stepTitle(el));
    expect(reviewRows(el)[11]).to.deep.equal([
      'Wie gut sprechen Sie schon Deutsch?',
      'B1 – Ich kann mich über vertraute Themen unterhalten.',
    ]);

    // Send.
    const send = await tabTo(el, primary);
    expect(send.slice(-2), 'after the last "Change": Back, then Send').to.deep.equal([
      'button:Zurück',
      'button:Absenden',
    ]);
    const submitted = oneEvent(el, 'intake-submitted');
    await press(el, 'Enter');
    await submitted;
    await settle(el);
    const confirmation = root(el).querySelector('.confirmation');
    expect(confirmation, 'confirmation panel').to.exist;
    expect(current(el), 'the confirmation heading has focus').to.equal(
      root(el).querySelector('.confirmation-title'),
    );
    expect(text(root(el).querySelector('.reference'))).to.equal('T-0001');
    expect(text(confirmation)).to.contain('Vielen Dank für Ihre Anmeldung.');
    await expectNoAxeViolations(el, 'the confirmation');
    await tabExpect(el, 'button:Vorgangsnummer kopieren');

    // Exactly one submission, without the values of the branch that no longer applies.
    const requests = await requestsIn(bucket);
    expect(requests, 'submissions at the receiver').to.have.length(1);
    const envelope = JSON.parse(requests[0].body);
    expect(envelope.form).to.deep.equal({ id: 'sprachkurs-anmeldung', version: '2026-11-01' });
    expect(envelope.locale).to.equal('de');
    expect(envelope.data).to.not.have.property('permitExpiry');
    expect(envelope.data).to.not.have.property('permitParagraph');
    expect(envelope.data).to.deep.equal({
      givenName: 'Olena',
      familyName: 'Kovalenko',
      birthDate: '1990-03-04',
      email: 'olena@example.org',
      phone: '0221 1234567',
      address: { street: 'Hauptstraße 1', postalCode: '50667', city: 'Köln' },
      residenceStatus: 'niederlassungserlaubnis',
      courseEntitlement: 'entitled',
      courseType: 'intensive',
      germanLevel: 'B1',
      preferredTimes: ['morning', 'evening'],
      childcareNeeded: true,
      childrenCount: 1,
      children: [{ age: 3 }],
      attendedCourseBefore: true,
      previousCourseType: 'integration',
      previousCourseYear: 2023,
      message: 'Ich kann nur vormittags.',
      consent: true,
    });
    deferred.report();
  });
});

describe('keyboard-only walk: ki-erstberatung', () => {
  it('fills, hits an error, fixes it from the summary and sends with the keyboard alone', async () => {
    const bucket = freshBucket('keyboard-ki');
    const el = await renderForm(await loadDefinition('ki-erstberatung'), 'de');
    el.action = `/test-api/${bucket}/submit`;
    await el.updateComplete;
    await expectNoAxeViolations(el, 'the empty form');

    await tabExpect(el, '/person/givenName');
    await type(el, 'Amal');
    await tabExpect(el, '/person/familyName');
    await type(el, 'Haddad');
    await tabExpect(el, '/person/birthDate');
    expect(await tabOutOfDate(el), 'an empty date is passed over').to.equal(
      '/person/countryOfOrigin',
    );
    await type(el, 'Syrien');
    await tabExpect(el, '/email'); // left empty on purpose
    await tabExpect(el, '/phone');
    await type(el, '0221 555123');
    await tabExpect(el, '/contactPreference[0]');
    await press(el, 'ArrowDown');
    expect(el.value).to.have.property('contactPreference', 'phone');
    await tabExpect(el, '/address/street');
    await tabExpect(el, '/address/postalCode');
    await tabExpect(el, '/address/city');
    await tabExpect(el, '/topics[0]');
    await press(el, 'Space');
    await tabExpect(el, '/topics[1]');
    await press(el, 'Space');
    expect(el.value).to.have.deep.property('topics', ['residence-law', 'orientation']);
    await tabTo(el, '/interpreterNeeded');
    await press(el, 'Space');
    expect(el.value).to.have.property('interpreterNeeded', true);
    await tabExpect(el, '/interpreterLanguage');
    await press(el, 'ArrowDown');
    expect(el.value).to.have.property('interpreterLanguage', 'ar');
    await tabExpect(el, 'button:Eintrag hinzufügen (Weitere Personen in Ihrem Haushalt)');
    await press(el, 'Enter');
    expect(describeFocus(el), 'adding an entry focuses its first field').to.equal(
      '/householdMembers/0/givenName',
    );
    await type(el, 'Samir');
    await tabExpect(el, '/householdMembers/0/birthYear');
    await type(el, '2015');
    await tabTo(el, '/message');
    await type(el, 'Ich suche eine Wohnung.');
    await tabExpect(el, '/consent');
    await press(el, 'Space');
    await tabExpect(el, 'button:Absenden');

    // Send with the e-mail address missing.
    await press(el, 'Enter');
    const summary = root(el).querySelector<HTMLElement>('.error-summary');
    expect(summary, 'error summary').to.exist;
    expect(current(el), 'the error summary has focus').to.equal(summary);
    expect(summaryLinks(el)).to.deep.equal(['E-Mail-Adresse: Bitte füllen Sie dieses Feld aus.']);
    expect(errorText(el, '/email')).to.equal('Fehler: Bitte füllen Sie dieses Feld aus.');
    expect(await requestsIn(bucket), 'nothing sent while invalid').to.have.length(0);
    await expectNoAxeViolations(el, 'the form with an error');

    await tabExpect(el, 'link:E-Mail-Adresse: Bitte füllen Sie dieses Feld aus.');
    await press(el, 'Enter');
    expect(describeFocus(el), 'the summary link moves focus to its field').to.equal('/email');
    await type(el, 'amal@example.org');

    // Enter in the field sends the form.
    const submitted = oneEvent(el, 'intake-submitted');
    await press(el, 'Enter');
    await submitted;
    await settle(el);
    expect(root(el).querySelector('.confirmation'), 'confirmation panel').to.exist;
    expect(current(el), 'the confirmation heading has focus').to.equal(
      root(el).querySelector('.confirmation-title'),
    );
    expect(text(root(el).querySelector('.reference'))).to.equal('T-0001');
    await expectNoAxeViolations(el, 'the confirmation');

    const requests = await requestsIn(bucket);
    expect(requests, 'submissions at the receiver').to.have.length(1);
    expect(JSON.parse(requests[0].body).data).to.deep.equal({
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
    });
  });
});
