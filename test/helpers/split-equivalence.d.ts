// Types of split-equivalence.js (plain JavaScript, shared with the Node tests).
import type { Arbitrary } from 'fast-check';

interface Brief {
  pointer: string;
  keyword: string;
}

interface SplitLike<E extends Brief> {
  readonly properties: ReadonlySet<string>;
  shell(value: never): E[];
  property(name: string, value: never): E[];
}

export function splitErrors<E extends Brief>(
  split: SplitLike<E>,
  value: unknown,
  mergeErrors: (...lists: E[][]) => E[],
): E[];

export function differences(whole: Brief[], split: Brief[]): string[];

export function schemaFacts(schema: unknown): { names: string[]; constants: unknown[] };

export function valuesFor(schema: unknown, seeds?: unknown[]): Arbitrary<unknown>;

export const EDGE_CASES: { name: string; schema: Record<string, unknown>; seeds: unknown[] }[];

export const EXAMPLE_DATA: Record<string, Record<string, unknown>>;

export const WHOLE_VALIDATION_LOSES: {
  name: string;
  schema: Record<string, unknown>;
  value: unknown;
  error: string;
}[];
