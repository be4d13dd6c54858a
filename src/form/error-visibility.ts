/**
 * Which errors show: an error shows once the person left its field (or a field around or inside
 * it), tried to leave its step, or asked to check the whole form. Errors show at the nearest
 * field that is rendered, in the order people read the form.
 */
import { isPointerWithin, parentPointer, topLevelName } from '../model/json-pointer.js';
import type { FieldError } from '../model/types.js';

/** What the person did that lets errors show. */
export interface Exposure {
  /** The whole form was checked (`validate()`, sending, the server's answer). */
  readonly showAll: boolean;
  /** Top-level properties whose errors show although untouched (the person tried to leave their step). */
  readonly shownNames: ReadonlySet<string>;
  /** Pointers of the controls the person left. */
  readonly touched: ReadonlySet<string>;
}

/** Whether nothing can show yet (no field left, nothing checked). */
export function nothingExposed(exposure: Exposure): boolean {
  return !exposure.showAll && exposure.shownNames.size === 0 && exposure.touched.size === 0;
}

/** Whether an error at `pointer` shows. */
export function isExposed(pointer: string, exposure: Exposure): boolean {
  if (exposure.showAll || exposure.shownNames.has(topLevelName(pointer))) return true;
  for (const touched of exposure.touched)
    if (isPointerWithin(touched, pointer) || isPointerWithin(pointer, touched)) return true;
  return false;
}

/** The top-level properties whose errors may show (the only ones worth validating). */
export function exposedNames(exposure: Exposure): string[] {
  return [...exposure.shownNames, ...[...exposure.touched].map((pointer) => topLevelName(pointer))];
}

/** The pointer of the field that shows an error at `pointer`: itself, or its nearest rendered ancestor. */
export function displayPointer(pointer: string, fields: ReadonlyMap<string, unknown>): string {
  let current = pointer;
  while (current !== '' && !fields.has(current)) current = parentPointer(current);
  return current;
}

/** `errors` in the order of the form's fields (`fields` is in that order), stable otherwise. */
export function inFormOrder<T extends { pointer: string }>(
  errors: readonly T[],
  fields: ReadonlyMap<string, unknown>,
): T[] {
  const order = new Map<string, number>();
  for (const pointer of fields.keys()) if (pointer !== '') order.set(pointer, order.size);
  const rank = (pointer: string) => order.get(displayPointer(pointer, fields)) ?? Infinity;
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => rank(a.error.pointer) - rank(b.error.pointer) || a.index - b.index)
    .map(({ error }) => error);
}

/** The first exposed error per displaying field. */
export function firstShownPerField(
  errors: Iterable<FieldError>,
  exposure: Exposure,
  fields: ReadonlyMap<string, unknown>,
): Map<string, FieldError> {
  const map = new Map<string, FieldError>();
  for (const error of errors) {
    const at = displayPointer(error.pointer, fields);
    if (!map.has(at) && isExposed(error.pointer, exposure)) map.set(at, error);
  }
  return map;
}
