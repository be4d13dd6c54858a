// @ts-check
/**
 * The limit of controls a form shows at once (docs/limits.md), one rule for the element and the
 * command line: the element refuses a raw definition beyond it before compiling it
 * (count-controls.js, in the raw-definition checks), and its field tree keeps the same budget
 * (src/model/field-limit.ts); `intake-elements check` and `compile` report it with the same
 * number and words (cli/lib/check-limits.js).
 *
 * Plain JavaScript (checked by tsc through its JSDoc): the command line runs it in Node unbuilt.
 */
/** Controls (questions, lists, "Add …" buttons) a form shows at once, all steps together. */
export const MAX_CONTROLS = 5000;

/**
 * The element's words for a form beyond {@link MAX_CONTROLS}: its definition error's message.
 *
 * @param {number} count the controls counted when the limit was crossed
 * @param {string} pointer the data pointer of the control that crossed it
 */
export function tooManyControlsMessage(count, pointer) {
  return `The form needs more than ${MAX_CONTROLS} controls at once (${count} counted before ${pointer || 'the root'}).`;
}

/**
 * The depth of a data pointer (`""` 0, `/a` 1, `/a/b` 2).
 *
 * @param {string} pointer
 */
export function pointerDepth(pointer) {
  let depth = 0;
  for (let i = 0; i < pointer.length; i++) if (pointer.charCodeAt(i) === 47) depth += 1;
  return depth;
}

/**
 * Whether an object without data is shown collapsed ("Add …"): when it is optional and below the
 * top level (top-level sections stay open), or recursive (which could never be shown expanded),
 * unless `ui:options.collapsed` says otherwise.
 *
 * @param {string} pointer
 * @param {boolean} required
 * @param {boolean} recursive
 * @param {unknown} option `ui:options.collapsed`
 */
export function startsCollapsed(pointer, required, recursive, option) {
  if (recursive) return true;
  if (option === true) return !required;
  return option !== false && !required && pointerDepth(pointer) >= 2;
}

/**
 * The type a schema's value has (first non-null entry of a type list), as the element picks its
 * widget (`primaryType` in src/model/choose-widget.ts).
 *
 * @param {Record<string, unknown>} schema
 * @returns {string | undefined}
 */
export function primaryType(schema) {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? type[0];
  if (schema.properties) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if ('const' in schema && schema.const !== null)
    return typeof schema.const === 'object' ? undefined : typeof schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const first = schema.enum.find((v) => v !== null);
    if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean')
      return typeof first;
  }
  return undefined;
}
