/**
 * The limit of controls checked on the schema alone, before a raw definition is compiled (part of
 * the raw-definition checks, src/internal/chunks/raw-definition-checks.ts): compiling a schema of
 * 50 000 questions with ajv would itself be a long task. The field tree's budget holds the same
 * limit for every definition, compiled ones too (field-limit.ts).
 */
import { primaryType } from './choose-widget.js';
import { ControlBudget, startsCollapsed } from './field-limit.js';
import { appendPointer } from './json-pointer.js';
import type { SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { Schema } from './types.js';

/**
 * Before anything is compiled: counts the controls an empty form of `resolver`'s schema shows
 * (what `startsCollapsed` leaves open) and throws the definition error beyond the limit. Costs
 * at most {@link MAX_CONTROLS} visits, however large the schema.
 */
export function checkControlCount(resolver: SchemaResolver): void {
  const budget = new ControlBudget();
  const visit = (at: SchemaAt, pointer: string, required: boolean, refs: readonly string[]) => {
    const resolved = resolver.resolve(at, refs);
    const { schema } = resolved;
    const type = primaryType(schema);
    if (type !== 'object' && !(type === undefined && schema.properties)) {
      budget.spend(pointer);
      return;
    }
    if (pointer !== '' && startsCollapsed(pointer, required, resolved.recursive, undefined)) {
      budget.spend(pointer);
      return;
    }
    const requiredNames = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
      visit(
        { schema: child, location: resolved.propertyLocations?.[name] ?? at.location },
        appendPointer(pointer, name),
        requiredNames.has(name),
        resolved.refTargets,
      );
  };
  visit(resolver.rootAt(), '', true, [resolver.rootLocation]);
}
