// @ts-check
/**
 * Counts the controls an empty form shows, on the schema alone (the limit and the rules in
 * control-count.js): the element's raw-definition checks (src/model/check-control-count.ts) and
 * `intake-elements check` / `compile` (cli/lib/check-limits.js). A module of its own so that the
 * element's main file, which needs only the limit, does not carry the count.
 */
import { appendPointer } from './json-pointer.js';
import { MAX_CONTROLS, primaryType, startsCollapsed } from './control-count.js';

/**
 * @typedef {object} CountResolver The part of a schema resolver (src/core/schema-resolver.js)
 *   the count needs.
 * @property {() => { schema: any, location: string }} rootAt
 * @property {string} rootLocation
 * @property {(at: { schema: any, location: string }, refs: readonly string[]) => {
 *   schema: Record<string, unknown>, propertyLocations?: Record<string, string>,
 *   refTargets: readonly string[], recursive: boolean }} resolve
 */

/**
 * Counts the controls an empty form of `resolver`'s schema shows (what `startsCollapsed` leaves
 * open), stopping as soon as there are more than {@link MAX_CONTROLS}: costs at most that many
 * visits, however large the schema. Returns where the limit was crossed, or `undefined`.
 *
 * @param {CountResolver} resolver
 * @returns {{ count: number, pointer: string } | undefined}
 */
export function findTooManyControls(resolver) {
  let count = 0;
  /** @type {{ count: number, pointer: string } | undefined} */
  let crossed;
  /** @param {string} pointer */
  const spend = (pointer) => {
    count += 1;
    if (count > MAX_CONTROLS) crossed = { count, pointer };
  };
  /**
   * @param {{ schema: any, location: string }} at
   * @param {string} pointer
   * @param {boolean} required
   * @param {readonly string[]} refs
   */
  const visit = (at, pointer, required, refs) => {
    if (crossed) return;
    const resolved = resolver.resolve(at, refs);
    const { schema } = resolved;
    const type = primaryType(schema);
    if (type !== 'object' && !(type === undefined && schema.properties)) return spend(pointer);
    if (pointer !== '' && startsCollapsed(pointer, required, resolved.recursive, undefined))
      return spend(pointer);
    const requiredNames = new Set(Array.isArray(schema.required) ? schema.required : []);
    const properties = /** @type {Record<string, unknown>} */ (schema.properties ?? {});
    for (const [name, child] of Object.entries(properties)) {
      visit(
        { schema: child, location: resolved.propertyLocations?.[name] ?? at.location },
        appendPointer(pointer, name),
        requiredNames.has(name),
        resolved.refTargets,
      );
      if (crossed) return;
    }
  };
  visit(resolver.rootAt(), '', true, [resolver.rootLocation]);
  return crossed;
}
