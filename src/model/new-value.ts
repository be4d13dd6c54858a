/**
 * The value a part of the form starts with when the person asks for it ("Add …" on an optional
 * object, a new entry of a map): its schema's defaults, else the empty value of its type. A map
 * entry must hold something to exist: `""` for text, `null` where the person still has to answer.
 */
import { computeDefaults } from './apply-defaults.js';
import { primaryType } from './choose-widget.js';
import type { ConditionLogic } from './condition-logic.js';
import type { ListModel } from './array-model.js';
import type { SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { JsonValue } from './types.js';

/** The starting value of the schema at `at`, expanded once even where it is recursive. */
export function newValue(
  resolver: SchemaResolver,
  at: SchemaAt,
  conditions?: ConditionLogic,
  lists?: ListModel,
): JsonValue {
  const value = computeDefaults(resolver, at, undefined, undefined, [], true, conditions, lists);
  if (value !== undefined) return value;
  const type = primaryType(resolver.resolve(at, []).schema);
  if (type === 'object') return {};
  if (type === 'array') return [];
  return type === 'string' || type === undefined ? '' : null;
}
