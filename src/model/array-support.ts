/**
 * How the field tree and the defaults reach the model of lists (array-model.ts), which is part
 * of the lists chunk: it registers itself here when it arrives. Kept apart so that the main file
 * does not import the chunk.
 */
import type { arrayDefaults, buildArray } from './array-model.js';

/** The model of lists, once its chunk has arrived. */
export interface ArraySupport {
  buildArray: typeof buildArray;
  arrayDefaults: typeof arrayDefaults;
}

let support: ArraySupport | undefined;

/** Called by array-model.ts when it is loaded. */
export function provideArraySupport(provided: ArraySupport): void {
  support = provided;
}

/** The model of lists, or `undefined` where the lists chunk has not been loaded. */
export function arraySupport(): ArraySupport | undefined {
  return support;
}
