/**
 * The command line's check problems in the builder's interface language. The command line words
 * them in English; in German the builder says the same per problem kind (`code`), keeping the
 * names the English message quotes, and the English detail where the kind alone says too little.
 */
import type { CheckProblem } from './definition-check.js';

function quoted(message: string): string[] {
  return [...message.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

const GERMAN: Record<string, (q: string[], english: string) => string> = {
  'not-object': () => 'Eine Formulardefinition muss ein JSON-Objekt sein.',
  'not-json': (_, e) => `Kein gültiges JSON (${e}).`,
  'missing-key': (q) => `Die Angabe „${q[0] ?? ''}“ fehlt.`,
  'unknown-key': (q) =>
    `Unbekannter Schlüssel „${q[0] ?? ''}“${q[1] ? ` (gemeint: „${q[1]}“?)` : ''}.`,
  'wrong-type': (_, e) => `Falscher Typ (${e}).`,
  'bad-key': (_, e) => `Ungültiger Name (${e}).`,
  'bad-value': (_, e) =>
    e === 'must not be empty' ? 'Darf nicht leer sein.' : `Ungültiger Wert (${e}).`,
  duplicate: () => 'Ein Eintrag kommt doppelt vor.',
  'invalid-schema': (_, e) => `Das JSON Schema ist ungültig (${e}).`,
  'invalid-pattern': (_, e) => `Das Muster (regulärer Ausdruck) ist ungültig (${e}).`,
  'unsupported-dialect': () => 'Diese JSON-Schema-Version wird nicht unterstützt.',
  'unresolvable-ref': (q) => `Der Verweis „${q[0] ?? ''}“ führt ins Leere.`,
  'unknown-format': (q) => `Unbekanntes Format „${q[0] ?? ''}“ (wird nicht geprüft).`,
  'ui-unknown-property': (q) => `Die Darstellung nennt die unbekannte Frage „${q[0] ?? ''}“.`,
  'step-unknown-field': (q) => `Ein Schritt nennt die unbekannte Frage „${q[0] ?? ''}“.`,
  'step-duplicate-field': (q) => `Die Frage „${q[0] ?? ''}“ steht in mehr als einem Schritt.`,
  'translation-unknown-key': (q) => `Die Übersetzung „${q[0] ?? ''}“ gehört zu keinem Text.`,
  'translation-not-text': (q) => `Die Übersetzung „${q[0] ?? ''}“ zeigt auf keinen Text.`,
  'translation-bad-key': (q) => `„${q[0] ?? ''}“ ist kein JSON Pointer.`,
  'condition-unknown-question': (q) =>
    `Eine Bedingung prüft die Frage „${q[0] ?? ''}“, die es hier nicht (mehr) gibt: sie trifft nie zu.`,
  'condition-refused-by-additional': (q) =>
    `„${q[0] ?? ''}“ wird unter einer Bedingung gezeigt, aber additionalProperties: false lehnt die Antwort hier immer ab: nutzen Sie unevaluatedProperties: false (JSON Schema 2019-09 oder neuer).`,
  'too-deep': () => 'Die Definition ist zu tief verschachtelt.',
  'too-many-choices': () => 'Eine Frage hat zu viele Antworten zur Auswahl.',
};

/** A problem's message in `locale` (`en`: the command line's own words). */
export function problemMessage(problem: CheckProblem, locale: string): string {
  if (locale === 'en') return problem.message;
  const word = GERMAN[problem.code];
  return word
    ? word(quoted(problem.message), problem.message)
    : `${problem.message} (${problem.code})`;
}
