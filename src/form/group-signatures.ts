/**
 * Per top-level property, everything besides its fields that its rendering shows: its shown
 * errors and the text typed into its controls that is not (yet) a value. A group whose fields
 * and signature are unchanged is not rendered again (see `renderField`'s `guard`).
 */
import { topLevelName } from '../model/json-pointer.js';

/** What a group's rendering shows besides its fields, as `[pointer, text]` pairs per source. */
export function groupSignatures(
  ...sources: Iterable<readonly [pointer: string, text: string]>[]
): Map<string, string> {
  const signatures = new Map<string, string>();
  for (const source of sources)
    for (const [pointer, text] of source) {
      const name = topLevelName(pointer);
      signatures.set(name, `${signatures.get(name) ?? ''}${pointer}\u0001${text}\u0002`);
    }
  return signatures;
}
