/**
 * Which lazily loaded parts of the library a definition needs before it can be shown. Most forms
 * need none: no lists, conditions, alternatives, Markdown or drafts.
 */
import { FORMAT_WIDGETS, WIDGET_ALIASES } from '../model/choose-widget.js';
import { hasMarkdown } from '../model/has-markdown.js';
import type { SchemaResolver } from '../model/schema-resolver.js';
import type { FormDefinition } from '../model/types.js';

/** A part that a definition may need. */
export type NeededPart =
  'conditions' | 'alternatives' | 'lists' | 'maps' | 'markdown' | 'drafts' | 'encryption';

/** Keywords that make a schema need the condition logic. */
const CONDITION_KEYWORDS = [
  'if',
  'dependentSchemas',
  'dependentRequired',
  'dependencies',
  'oneOf',
  'anyOf',
];

/** Keywords that make a schema (probably) have lists. */
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'additionalItems'];

/**
 * Whether a schema has maps: `patternProperties`, or `additionalProperties` that allows entries
 * (`additionalProperties: false`, the common case, needs no map editor).
 */
export function hasMaps(schema: unknown): boolean {
  const walk = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || depth > 256) return false;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'patternProperties' && typeof child === 'object' && child !== null) return true;
      if (
        key === 'additionalProperties' &&
        (child === true || (typeof child === 'object' && child !== null))
      )
        return true;
      if (walk(child, depth + 1)) return true;
    }
    return false;
  };
  return walk(schema, 0);
}

/** Whether a schema has alternatives (`oneOf` / `anyOf`). */
export function hasAlternatives(resolver: SchemaResolver): boolean {
  return resolver.uses('oneOf') || resolver.uses('anyOf');
}

/**
 * Whether a schema's `oneOf` / `anyOf` may be a choice between alternatives that the person
 * selects, rather than a choice list whose every member fixes one value (`const`, or a one-value
 * `enum`: a select or radio buttons, src/core/choices.js). Anything else, a `$ref` among them,
 * counts as alternatives.
 */
export function hasObjectAlternatives(schema: unknown): boolean {
  const fixesValue = (member: unknown) => {
    if (typeof member !== 'object' || member === null) return false;
    const { enum: values } = member as { enum?: unknown };
    return 'const' in member || (Array.isArray(values) && values.length === 1);
  };
  const walk = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || depth > 256) return false;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(child) && !child.every(fixesValue))
        return true;
      if (walk(child, depth + 1)) return true;
    }
    return false;
  };
  return walk(schema, 0);
}

/** Whether a definition's descriptions and help texts (in `translations` too) use Markdown. */
export function usesMarkdown(
  node: unknown,
  translations: Record<string, string> | undefined,
): boolean {
  const texts = new Set(['description', 'ui:description', 'ui:help']);
  const walk = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || depth > 64) return false;
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' ? texts.has(key) && hasMarkdown(child) : walk(child, depth + 1))
        return true;
    }
    return false;
  };
  return (
    walk(node, 0) ||
    Object.entries(translations ?? {}).some(
      ([key, text]) =>
        typeof text === 'string' &&
        texts.has(key.slice(key.lastIndexOf('/') + 1)) &&
        hasMarkdown(text),
    )
  );
}

/** The parts `definition` needs, shown in `locale`, with drafts on this device or not. */
export function neededParts(
  definition: FormDefinition,
  resolver: SchemaResolver,
  options: { locale: string; drafts: boolean },
): Set<NeededPart> {
  const parts = new Set<NeededPart>();
  if (CONDITION_KEYWORDS.some((keyword) => resolver.uses(keyword))) parts.add('conditions');
  // The selector between alternatives; a form whose `oneOf`s are all choice lists needs only
  // the filter of their errors, which comes with the conditions.
  if (hasAlternatives(resolver) && hasObjectAlternatives(definition.schema))
    parts.add('alternatives');
  if (resolver.types.has('array') || ARRAY_KEYWORDS.some((keyword) => resolver.uses(keyword)))
    parts.add('lists');
  if (
    (resolver.uses('additionalProperties') || resolver.uses('patternProperties')) &&
    hasMaps(definition.schema)
  )
    parts.add('maps');
  const inline = definition.translations?.[options.locale];
  if (
    usesMarkdown(
      { schema: definition.schema, ui: definition.ui },
      typeof inline === 'object' ? inline : undefined,
    )
  )
    parts.add('markdown');
  if (options.drafts) parts.add('drafts');
  // Loaded with the form, not at sending: a person who goes offline after the form appeared
  // can still have their answers encrypted and queued.
  if (definition.encryption) parts.add('encryption');
  return parts;
}

/**
 * The widgets a definition probably shows, read from its `ui:widget`s, formats and lists of
 * distinct choices before its fields are built, so that their code can be asked for together
 * with the definition's parts. A guess that is wrong costs a small download, not correctness:
 * the form loads the widgets its fields actually use before it is shown.
 */
export function likelyWidgets(definition: FormDefinition, resolver: SchemaResolver): string[] {
  const text = JSON.stringify([definition.schema, definition.ui ?? {}]);
  const names = [...text.matchAll(/"ui:widget":"([^"]+)"/g)].map(
    ([, name]) => WIDGET_ALIASES[name] ?? name,
  );
  for (const format of resolver.formats) names.push(FORMAT_WIDGETS[format] ?? '');
  if (resolver.uses('uniqueItems')) names.push('checkboxes');
  return names;
}
