/**
 * The strings of the deliveries page (deliveries.ts), its hint on the list page
 * (delivery-hint.ts) and its navigation link, in German and English. A table of their own,
 * beside i18n.ts, so that the page can be read (and changed) in one place.
 */
import type { InboxLocale } from './i18n.js';

const EN = {
  navDeliveries: 'Deliveries',
  title: 'Deliveries',
  intro:
    'What the inbox sends on when a submission arrives: the hand-off to the case-management ' +
    'system (webhook) and the e-mail notice to the team. A delivery that keeps failing stops ' +
    'after its last try; “Try again now” sends it once more.',
  filters: 'Which deliveries',
  state: 'State',
  kind: 'Kind',
  anyKind: 'Hand-offs and e-mails',
  show: 'Show',
  states: {
    failed: 'Failed',
    pending: 'Waiting for the next try',
    delivered: 'Delivered',
  } as Record<string, string>,
  kinds: {
    webhook: 'Hand-offs to case management (webhook)',
    email: 'E-mail notices to teams',
  } as Record<string, string>,
  caption: (kind: string, state: string) => `${kind}: ${state}, newest first`,
  reference: 'Reference',
  form: 'Form',
  target: 'Sent to',
  attempts: 'Tries',
  lastError: 'Last error',
  nextTry: 'Next try',
  action: 'Action',
  none: 'None.',
  noError: '–',
  answered: (status: number) => `answered ${status}`,
  retry: 'Try again now',
  /** Read after the button's text, so that each button says which delivery it sends. */
  retryFor: (reference: string) => `(${reference})`,
  retrying: (reference: string) => `Sending ${reference} again…`,
  delivered: (reference: string, target: string) => `${reference} was delivered to ${target}.`,
  notDelivered: (reference: string, why: string, next: string) =>
    `${reference} was not delivered: ${why}. Next try: ${next}.`,
  notDeliveredFinal: (reference: string, why: string) => `${reference} was not delivered: ${why}.`,
  gone: 'This delivery is no longer there: its submission was deleted meanwhile.',
  arrivedAlready: 'This delivery has arrived already.',
  noSender:
    'Nothing is set up any more to send it (no webhook for this form, or no mail server). ' +
    'Ask the administrator.',
  loaded: (n: number) => (n === 1 ? '1 delivery shown.' : `${n} deliveries shown.`),
  loadMore: 'Show more',
  hint: (n: number) =>
    n === 1
      ? '1 delivery has failed: a case-management system or a team has not got a submission.'
      : `${n} deliveries have failed: a case-management system or a team has not got a submission.`,
  hintLink: 'Show the failed deliveries',
};

export type DeliveryStrings = { [K in keyof typeof EN]: (typeof EN)[K] };

const DE: DeliveryStrings = {
  navDeliveries: 'Zustellungen',
  title: 'Zustellungen',
  intro:
    'Was der Posteingang weitergibt, wenn eine Anfrage eingeht: die Übergabe an das ' +
    'Fachverfahren (Webhook) und die E-Mail an das Team. Eine Zustellung, die immer wieder ' +
    'scheitert, endet nach dem letzten Versuch; „Jetzt erneut versuchen“ sendet sie noch einmal.',
  filters: 'Welche Zustellungen',
  state: 'Stand',
  kind: 'Art',
  anyKind: 'Übergaben und E-Mails',
  show: 'Anzeigen',
  states: {
    failed: 'Fehlgeschlagen',
    pending: 'Wartet auf den nächsten Versuch',
    delivered: 'Zugestellt',
  },
  kinds: {
    webhook: 'Übergaben an das Fachverfahren (Webhook)',
    email: 'E-Mails an Teams',
  },
  caption: (kind, state) => `${kind}: ${state}, neueste zuerst`,
  reference: 'Aktenzeichen',
  form: 'Formular',
  target: 'Gesendet an',
  attempts: 'Versuche',
  lastError: 'Letzter Fehler',
  nextTry: 'Nächster Versuch',
  action: 'Aktion',
  none: 'Keine.',
  noError: '–',
  answered: (status) => `Antwort ${status}`,
  retry: 'Jetzt erneut versuchen',
  retryFor: (reference) => `(${reference})`,
  retrying: (reference) => `${reference} wird erneut gesendet …`,
  delivered: (reference, target) => `${reference} wurde an ${target} zugestellt.`,
  notDelivered: (reference, why, next) =>
    `${reference} wurde nicht zugestellt: ${why}. Nächster Versuch: ${next}.`,
  notDeliveredFinal: (reference, why) => `${reference} wurde nicht zugestellt: ${why}.`,
  gone: 'Diese Zustellung gibt es nicht mehr: ihre Anfrage wurde inzwischen gelöscht.',
  arrivedAlready: 'Diese Zustellung ist schon angekommen.',
  noSender:
    'Zum Senden ist nichts mehr eingerichtet (kein Webhook für dieses Formular oder kein ' +
    'Mailserver). Wenden Sie sich an die Administration.',
  loaded: (n) => (n === 1 ? '1 Zustellung angezeigt.' : `${n} Zustellungen angezeigt.`),
  loadMore: 'Mehr anzeigen',
  hint: (n) =>
    n === 1
      ? '1 Zustellung ist fehlgeschlagen: ein Fachverfahren oder ein Team hat eine Anfrage nicht erhalten.'
      : `${n} Zustellungen sind fehlgeschlagen: ein Fachverfahren oder ein Team hat eine Anfrage nicht erhalten.`,
  hintLink: 'Fehlgeschlagene Zustellungen anzeigen',
};

/** The deliveries strings of one interface language. */
export function deliveryStrings(locale: InboxLocale): DeliveryStrings {
  return locale === 'de' ? DE : EN;
}
