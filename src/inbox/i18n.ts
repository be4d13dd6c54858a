/**
 * The inbox's interface strings, in German and English.
 *
 * A small table of its own, as the builder has (src/builder/i18n.ts): @lit/localize's strings
 * are built into every locale module the form runtime loads, which never shows these, and the
 * inbox needs only the two languages staff work in.
 */
export type InboxLocale = 'de' | 'en';

const EN = {
  appName: 'Staff inbox',
  skipLink: 'Skip to main content',
  language: 'Language',
  signedInAs: (name: string) => `Signed in as ${name}`,
  signOut: 'Sign out',
  navList: 'Submissions',
  navAudit: 'Audit log',
  navLabel: 'Inbox',
  loading: 'Loading…',
  // Sign-in
  signInTitle: 'Sign in to the staff inbox',
  name: 'Name',
  password: 'Password',
  code: 'Code from your authenticator app',
  codeHint: 'Six digits. The code changes every 30 seconds.',
  signIn: 'Sign in',
  signInWith: (label: string) => `Sign in with ${label}`,
  orOidc: 'Or use your organisation’s account:',
  errorSummary: 'There is a problem',
  nameMissing: 'Enter your name.',
  passwordMissing: 'Enter your password.',
  codeMissing: 'Enter the code from your authenticator app.',
  codeNeeded: 'Your account has a second factor: enter the code from your authenticator app.',
  signInFailed: 'The name or the password is not right.',
  locked: (wait: string) => `Too many attempts. Sign-in is locked: try again in ${wait}.`,
  minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  seconds: (n: number) => (n === 1 ? '1 second' : `${n} seconds`),
  sessionEnded: 'Your session has ended. Sign in again to go on.',
  signedOut: 'You have signed out.',
  signedInNotice: (name: string) => `Signed in as ${name}.`,
  // List
  listTitle: 'Submissions',
  filters: 'Filters',
  form: 'Form',
  anyForm: 'All forms',
  status: 'Status',
  anyStatus: 'Any status',
  routeAnswer: 'Town or other routing answer',
  anyRoute: 'Any',
  from: 'Received from',
  to: 'Received until',
  search: 'Search the answers',
  unreadOnly: 'Unread only',
  applyFilters: 'Show',
  resetFilters: 'Reset filters',
  results: (from: number, to: number, total: string) => `Submissions ${from} to ${to} of ${total}`,
  noResults: 'No submissions match these filters.',
  atLeast: (n: number) => `at least ${n}`,
  tableCaption: 'Submissions, newest first',
  reference: 'Reference',
  received: 'Received',
  routing: 'Routing',
  languageUsed: 'Language used',
  read: 'Read',
  unread: 'Unread',
  isRead: 'Read',
  encrypted: 'Encrypted',
  pages: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  export: 'Export these submissions',
  exportAs: (format: string) => `Export as ${format}`,
  listLoaded: (n: number) => (n === 1 ? '1 submission shown.' : `${n} submissions shown.`),
  // Detail
  backToList: 'Back to the list',
  submissionTitle: (reference: string) => `Submission ${reference}`,
  facts: 'About this submission',
  sent: 'Sent by the person',
  statusChanged: 'Status changed',
  validation: 'Validation result',
  valid: 'Valid: the answers met the form’s rules when they arrived.',
  invalid: 'Not valid: the answers broke these rules of the form:',
  changeStatus: 'Change the status',
  saveStatus: 'Save status',
  statusSaved: (label: string) => `Status saved: ${label}.`,
  markUnread: 'Mark as unread',
  markedUnread: 'Marked as unread.',
  printView: 'Print view',
  deleteSubmission: 'Delete this submission',
  deleteAsk: (reference: string) =>
    `Delete ${reference} with its attachments and notes? This cannot be undone; the audit log keeps that it was deleted, not what it said.`,
  deleteConfirm: 'Delete for good',
  cancel: 'Cancel',
  deleted: (reference: string) => `${reference} was deleted.`,
  answers: 'Answers',
  summaryGerman: 'Staff summary (German)',
  originalAnswers: (language: string) => `The person’s answers (${language})`,
  attachments: 'Attachments',
  noAttachments: 'No attachments.',
  download: (name: string) => `Download ${name}`,
  notes: 'Internal notes',
  noNotes: 'No notes yet.',
  newNote: 'New note',
  noteHint: 'Seen by staff only, never by the person. Notes are kept in the audit log.',
  addNote: 'Add note',
  noteMissing: 'Write the note first.',
  noteAdded: 'Note added.',
  noteBy: (author: string, at: string) => `${author}, ${at}`,
  encryptedNote: 'The answers are encrypted for the office’s key; they cannot be shown here.',
  // Decrypting (src/inbox/decrypt-area.ts): the key stays in this browser
  decryptTitle: 'Encrypted answers',
  decryptIntro: (kid: string) =>
    `Only a browser holding the office’s key “${kid}” can read this submission. The key stays in this browser; it is never sent to the server.`,
  keyFile: 'Office key file',
  passphrase: 'Passphrase of the key file',
  importKey: 'Import key into this browser',
  keysImported: (n: number) => (n === 1 ? '1 key imported.' : `${n} keys imported.`),
  keyNotImported: (kid: string, why: string) => `Key ${kid} not imported: ${why}`,
  keyFileMissing: 'Choose the key file and enter its passphrase.',
  decrypt: 'Decrypt',
  decrypted: 'Decrypted in this browser. Nothing of it was sent to the server.',
  decryptFailed: (why: string) => `The submission cannot be opened: ${why}`,
  decryptValid: 'The answers match the form.',
  decryptProblems: 'The answers do not match the form:',
  decryptedLanguage: (name: string) => `Language of the person: ${name}`,
  decryptedExport: 'Download the decrypted answers',
  decryptedExportHint:
    'The file is made in this browser from the decrypted answers; nothing is sent to the server. Cells a spreadsheet would run as formulas begin with an apostrophe.',
  downloadDecrypted: (format: string) => `Download as ${format}`,
  decryptedDownloaded: (format: string) => `${format} file made in this browser.`,
  // Searching inside encrypted submissions (src/inbox/encrypted-search.ts)
  searchMetadataHint:
    'For encrypted submissions the search covers only the public metadata (reference, form, dates, status, routing answers), not their answers. To search their answers, use “Search inside encrypted submissions” below.',
  encryptedSearchTitle: 'Search inside encrypted submissions',
  encryptedSearchIntro: (n: number) =>
    `Decrypts in this browser the encrypted submissions under the current filters (without the search words), at most ${n}, and looks for the text in their answers. Nothing is sent to the server.`,
  encryptedSearchNeedsKey:
    'To search inside encrypted submissions, first import the office’s key file in the Decrypt area of an encrypted submission.',
  encryptedSearchText: 'Text to find in the decrypted answers',
  encryptedSearchStart: 'Search encrypted submissions',
  encryptedSearchCancel: 'Cancel the search',
  encryptedSearchMissing: 'Enter the text to find.',
  encryptedSearchProgress: (done: number, total: number) => `Decrypted ${done} of ${total}…`,
  encryptedSearchDone: (found: number, total: number) =>
    `${found} of ${total} encrypted submissions contain the text.`,
  encryptedSearchCancelled: (done: number, total: number) =>
    `Search cancelled after ${done} of ${total}.`,
  encryptedSearchNone: 'There are no encrypted submissions under these filters.',
  encryptedSearchFailed: (reference: string, why: string) =>
    `${reference} could not be opened: ${why}`,
  encryptedSearchResults: 'Encrypted submissions that contain the text',
  foundInDecrypted: 'text found in the decrypted answers',
  encryptedExportTitle: 'Decrypt and export in this browser',
  encryptedExportIntro: (n: number) =>
    `Decrypts the encrypted submissions under the current filters (without the search words), at most ${n}, and downloads their answers as one file made in this browser. The server’s export (“Export these submissions”) lists them without their answers.`,
  encryptedExportAs: (format: string) => `Decrypt and download as ${format}`,
  encryptedExported: (n: number, format: string) =>
    n === 1
      ? `1 encrypted submission decrypted into a ${format} file made in this browser.`
      : `${n} encrypted submissions decrypted into a ${format} file made in this browser.`,
  encryptedSearchCapped: (n: number) =>
    `Only the newest ${n} encrypted submissions were searched; narrow the filters to search the others.`,
  forgetKeys: 'Remove the office keys from this browser',
  keysForgotten: 'The office keys were removed from this browser.',
  notFound: 'There is no submission with this reference, or it is not in your inbox.',
  // Print
  print: 'Print',
  printedBy: (name: string, at: string) => `Printed by ${name}, ${at}`,
  backToSubmission: 'Back to the submission',
  // Audit
  auditTitle: 'Audit log',
  auditCaption: 'Audit log entries, newest first',
  actor: 'Person',
  action: 'Action',
  at: 'Time',
  detail: 'Detail',
  loadMore: 'Show more entries',
  noEntries: 'No entries.',
  adminsOnly: 'Only administrators can see the audit log.',
  auditLoaded: (n: number) => `${n} entries shown.`,
  // Errors
  failed: (why: string) => `That did not work: ${why}`,
  networkError: 'The server cannot be reached. Check the connection and try again.',
  csrf: 'The page is out of date. Reload it and try again.',
  pageNotFound: 'There is no such page in the inbox.',
  statuses: {
    new: 'New',
    in_progress: 'In progress',
    waiting: 'Waiting for the person',
    done: 'Done',
  } as Record<string, string>,
  actions: {
    'sign-in': 'Signed in',
    'sign-in-failed': 'Sign-in failed',
    'sign-out': 'Signed out',
    view: 'Viewed',
    export: 'Exported',
    status: 'Changed the status',
    note: 'Added a note',
    delete: 'Deleted',
    'retention-delete': 'Deleted (retention period)',
    unread: 'Marked unread',
  } as Record<string, string>,
};

export type Strings = { [K in keyof typeof EN]: (typeof EN)[K] };

const DE: Strings = {
  appName: 'Posteingang',
  skipLink: 'Zum Hauptinhalt springen',
  language: 'Sprache',
  signedInAs: (name) => `Angemeldet als ${name}`,
  signOut: 'Abmelden',
  navList: 'Eingänge',
  navAudit: 'Protokoll',
  navLabel: 'Posteingang',
  loading: 'Wird geladen …',
  signInTitle: 'Anmeldung zum Posteingang',
  name: 'Name',
  password: 'Passwort',
  code: 'Code aus Ihrer Authenticator-App',
  codeHint: 'Sechs Ziffern. Der Code wechselt alle 30 Sekunden.',
  signIn: 'Anmelden',
  signInWith: (label) => `Anmelden mit ${label}`,
  orOidc: 'Oder mit dem Konto Ihrer Organisation:',
  errorSummary: 'Es gibt ein Problem',
  nameMissing: 'Geben Sie Ihren Namen ein.',
  passwordMissing: 'Geben Sie Ihr Passwort ein.',
  codeMissing: 'Geben Sie den Code aus Ihrer Authenticator-App ein.',
  codeNeeded:
    'Ihr Konto hat einen zweiten Faktor: Geben Sie den Code aus Ihrer Authenticator-App ein.',
  signInFailed: 'Name oder Passwort stimmen nicht.',
  locked: (wait) =>
    `Zu viele Versuche. Die Anmeldung ist gesperrt: Versuchen Sie es in ${wait} wieder.`,
  minutes: (n) => (n === 1 ? '1 Minute' : `${n} Minuten`),
  seconds: (n) => (n === 1 ? '1 Sekunde' : `${n} Sekunden`),
  sessionEnded: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um weiterzuarbeiten.',
  signedOut: 'Sie haben sich abgemeldet.',
  signedInNotice: (name) => `Angemeldet als ${name}.`,
  listTitle: 'Eingänge',
  filters: 'Filter',
  form: 'Formular',
  anyForm: 'Alle Formulare',
  status: 'Status',
  anyStatus: 'Jeder Status',
  routeAnswer: 'Kommune oder andere Zuordnung',
  anyRoute: 'Alle',
  from: 'Eingegangen ab',
  to: 'Eingegangen bis',
  search: 'In den Antworten suchen',
  unreadOnly: 'Nur ungelesene',
  applyFilters: 'Anzeigen',
  resetFilters: 'Filter zurücksetzen',
  results: (from, to, total) => `Eingänge ${from} bis ${to} von ${total}`,
  noResults: 'Keine Eingänge passen zu diesen Filtern.',
  atLeast: (n) => `mindestens ${n}`,
  tableCaption: 'Eingänge, die neuesten zuerst',
  reference: 'Aktenzeichen',
  received: 'Eingegangen',
  routing: 'Zuordnung',
  languageUsed: 'Verwendete Sprache',
  read: 'Gelesen',
  unread: 'Ungelesen',
  isRead: 'Gelesen',
  encrypted: 'Verschlüsselt',
  pages: 'Seiten',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  export: 'Diese Eingänge exportieren',
  exportAs: (format) => `Als ${format} exportieren`,
  listLoaded: (n) => (n === 1 ? '1 Eingang angezeigt.' : `${n} Eingänge angezeigt.`),
  backToList: 'Zurück zur Liste',
  submissionTitle: (reference) => `Eingang ${reference}`,
  facts: 'Angaben zum Eingang',
  sent: 'Abgeschickt von der Person',
  statusChanged: 'Status geändert',
  validation: 'Prüfergebnis',
  valid: 'Gültig: Die Antworten erfüllten beim Eingang die Regeln des Formulars.',
  invalid: 'Nicht gültig: Die Antworten verletzten diese Regeln des Formulars:',
  changeStatus: 'Status ändern',
  saveStatus: 'Status speichern',
  statusSaved: (label) => `Status gespeichert: ${label}.`,
  markUnread: 'Als ungelesen markieren',
  markedUnread: 'Als ungelesen markiert.',
  printView: 'Druckansicht',
  deleteSubmission: 'Diesen Eingang löschen',
  deleteAsk: (reference) =>
    `${reference} mit Anhängen und Notizen löschen? Das lässt sich nicht rückgängig machen; das Protokoll behält, dass er gelöscht wurde, nicht seinen Inhalt.`,
  deleteConfirm: 'Endgültig löschen',
  cancel: 'Abbrechen',
  deleted: (reference) => `${reference} wurde gelöscht.`,
  answers: 'Antworten',
  summaryGerman: 'Zusammenfassung für die Sachbearbeitung (Deutsch)',
  originalAnswers: (language) => `Die Antworten der Person (${language})`,
  attachments: 'Anhänge',
  noAttachments: 'Keine Anhänge.',
  download: (name) => `${name} herunterladen`,
  notes: 'Interne Notizen',
  noNotes: 'Noch keine Notizen.',
  newNote: 'Neue Notiz',
  noteHint: 'Nur für Mitarbeitende sichtbar, nie für die Person. Notizen stehen im Protokoll.',
  addNote: 'Notiz hinzufügen',
  noteMissing: 'Schreiben Sie zuerst die Notiz.',
  noteAdded: 'Notiz hinzugefügt.',
  noteBy: (author, at) => `${author}, ${at}`,
  decryptTitle: 'Verschlüsselte Angaben',
  decryptIntro: (kid: string) =>
    `Nur ein Browser mit dem Schlüssel „${kid}“ der Behörde kann diesen Vorgang lesen. Der Schlüssel bleibt in diesem Browser; er wird nie an den Server gesendet.`,
  keyFile: 'Schlüsseldatei der Behörde',
  passphrase: 'Passphrase der Schlüsseldatei',
  importKey: 'Schlüssel in diesen Browser übernehmen',
  keysImported: (n: number) => (n === 1 ? '1 Schlüssel übernommen.' : `${n} Schlüssel übernommen.`),
  keyNotImported: (kid: string, why: string) => `Schlüssel ${kid} nicht übernommen: ${why}`,
  keyFileMissing: 'Wählen Sie die Schlüsseldatei und geben Sie ihre Passphrase ein.',
  decrypt: 'Entschlüsseln',
  decrypted: 'In diesem Browser entschlüsselt. Nichts davon wurde an den Server gesendet.',
  decryptFailed: (why: string) => `Der Vorgang kann nicht geöffnet werden: ${why}`,
  decryptValid: 'Die Angaben passen zum Formular.',
  decryptProblems: 'Die Angaben passen nicht zum Formular:',
  decryptedLanguage: (name: string) => `Sprache der Person: ${name}`,
  decryptedExport: 'Entschlüsselte Angaben herunterladen',
  decryptedExportHint:
    'Die Datei entsteht in diesem Browser aus den entschlüsselten Angaben; nichts davon wird an den Server gesendet. Zellen, die eine Tabellenkalkulation als Formel ausführen würde, beginnen mit einem Apostroph.',
  downloadDecrypted: (format: string) => `Als ${format} herunterladen`,
  decryptedDownloaded: (format: string) => `${format}-Datei in diesem Browser erstellt.`,
  searchMetadataHint:
    'Bei verschlüsselten Eingängen durchsucht die Suche nur die öffentlichen Metadaten (Aktenzeichen, Formular, Daten, Status, Zuständigkeitsangaben), nicht die Antworten. Um ihre Antworten zu durchsuchen, nutzen Sie unten „In verschlüsselten Eingängen suchen“.',
  encryptedSearchTitle: 'In verschlüsselten Eingängen suchen',
  encryptedSearchIntro: (n: number) =>
    `Entschlüsselt in diesem Browser die verschlüsselten Eingänge der aktuellen Filter (ohne die Suchwörter), höchstens ${n}, und sucht den Text in ihren Antworten. Nichts davon wird an den Server gesendet.`,
  encryptedSearchNeedsKey:
    'Um in verschlüsselten Eingängen zu suchen, übernehmen Sie zuerst die Schlüsseldatei der Behörde im Bereich „Entschlüsseln“ eines verschlüsselten Eingangs.',
  encryptedSearchText: 'Text, der in den entschlüsselten Antworten gesucht wird',
  encryptedSearchStart: 'Verschlüsselte Eingänge durchsuchen',
  encryptedSearchCancel: 'Suche abbrechen',
  encryptedSearchMissing: 'Geben Sie den gesuchten Text ein.',
  encryptedSearchProgress: (done: number, total: number) => `${done} von ${total} entschlüsselt …`,
  encryptedSearchDone: (found: number, total: number) =>
    `${found} von ${total} verschlüsselten Eingängen enthalten den Text.`,
  encryptedSearchCancelled: (done: number, total: number) =>
    `Suche nach ${done} von ${total} abgebrochen.`,
  encryptedSearchNone: 'Unter diesen Filtern gibt es keine verschlüsselten Eingänge.',
  encryptedSearchFailed: (reference: string, why: string) =>
    `${reference} konnte nicht geöffnet werden: ${why}`,
  encryptedSearchResults: 'Verschlüsselte Eingänge, die den Text enthalten',
  foundInDecrypted: 'Text in den entschlüsselten Antworten gefunden',
  encryptedExportTitle: 'In diesem Browser entschlüsseln und exportieren',
  encryptedExportIntro: (n: number) =>
    `Entschlüsselt die verschlüsselten Eingänge der aktuellen Filter (ohne die Suchwörter), höchstens ${n}, und lädt ihre Angaben als eine Datei herunter, die in diesem Browser entsteht. Der Export des Servers („Diese Eingänge exportieren“) führt sie ohne ihre Angaben auf.`,
  encryptedExportAs: (format: string) => `Entschlüsseln und als ${format} herunterladen`,
  encryptedExported: (n: number, format: string) =>
    n === 1
      ? `1 verschlüsselter Eingang in eine ${format}-Datei entschlüsselt, die in diesem Browser entstand.`
      : `${n} verschlüsselte Eingänge in eine ${format}-Datei entschlüsselt, die in diesem Browser entstand.`,
  encryptedSearchCapped: (n: number) =>
    `Nur die neuesten ${n} verschlüsselten Eingänge wurden durchsucht; grenzen Sie die Filter ein, um die übrigen zu durchsuchen.`,
  forgetKeys: 'Schlüssel der Behörde aus diesem Browser entfernen',
  keysForgotten: 'Die Schlüssel der Behörde wurden aus diesem Browser entfernt.',
  encryptedNote:
    'Die Antworten sind für den Schlüssel der Stelle verschlüsselt; sie können hier nicht angezeigt werden.',
  notFound:
    'Es gibt keinen Eingang mit diesem Aktenzeichen, oder er ist nicht in Ihrem Posteingang.',
  print: 'Drucken',
  printedBy: (name, at) => `Gedruckt von ${name}, ${at}`,
  backToSubmission: 'Zurück zum Eingang',
  auditTitle: 'Protokoll',
  auditCaption: 'Protokolleinträge, die neuesten zuerst',
  actor: 'Person',
  action: 'Aktion',
  at: 'Zeit',
  detail: 'Einzelheiten',
  loadMore: 'Weitere Einträge anzeigen',
  noEntries: 'Keine Einträge.',
  adminsOnly: 'Nur Administratorinnen und Administratoren sehen das Protokoll.',
  auditLoaded: (n) => `${n} Einträge angezeigt.`,
  failed: (why) => `Das hat nicht geklappt: ${why}`,
  networkError:
    'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  csrf: 'Die Seite ist veraltet. Laden Sie sie neu und versuchen Sie es erneut.',
  pageNotFound: 'Diese Seite gibt es im Posteingang nicht.',
  statuses: {
    new: 'Neu',
    in_progress: 'In Bearbeitung',
    waiting: 'Wartet auf die Person',
    done: 'Erledigt',
  },
  actions: {
    'sign-in': 'Angemeldet',
    'sign-in-failed': 'Anmeldung fehlgeschlagen',
    'sign-out': 'Abgemeldet',
    view: 'Angesehen',
    export: 'Exportiert',
    status: 'Status geändert',
    note: 'Notiz hinzugefügt',
    delete: 'Gelöscht',
    'retention-delete': 'Gelöscht (Aufbewahrungsfrist)',
    unread: 'Als ungelesen markiert',
  },
};

/** The strings of one interface language. */
export function strings(locale: InboxLocale): Strings {
  return locale === 'de' ? DE : EN;
}

/** German when the browser prefers it (or a language the inbox lacks before English), else English. */
export function browserLocale(languages: readonly string[] = navigator.languages): InboxLocale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'de';
}

export const STATUSES = ['new', 'in_progress', 'waiting', 'done'] as const;

/** A date and time in the interface language. */
export function formatTime(iso: string | null | undefined, locale: InboxLocale): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A language's name in the interface language (`tr` → "Türkisch"). */
export function languageName(tag: string | null | undefined, locale: InboxLocale): string {
  if (!tag) return '–';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A file size: 2.4 MB, 380 KB. */
export function formatSize(bytes: number, locale: InboxLocale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
