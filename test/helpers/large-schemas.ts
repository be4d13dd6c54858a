/**
 * A generator of large and recursive schemas (issue 19), with the number of fields each could
 * show if every optional part were opened ("potential fields"):
 * - `wide(n)`: n questions at the top level;
 * - `grouped(groups, size)`: `groups` objects of `size` questions each at the top level (the shape
 *   of `npm run bench`'s form);
 * - `chain(levels, branching, leaves)`: distinct `$defs` referring to the next, `levels` deep,
 *   each level `branching` times (no `$ref` repeats, so no recursion stops the expansion);
 * - `recursive(leaves)`: one node that refers to itself through an object and a list;
 * - `recursiveData(depth)`: data for `recursive` nested `depth` levels deep.
 */
import type { JsonValue, SchemaObject } from '../../src/model/types.js';

export interface Generated {
  name: string;
  schema: SchemaObject;
  /** Fields the schema describes if every optional part were opened (recursion: to depth 10). */
  potential: number;
}

export function wide(fields: number): Generated {
  const properties: Record<string, SchemaObject> = {};
  for (let i = 0; i < fields; i++) properties[`q${i}`] = { type: 'string', title: `Question ${i}` };
  return { name: `wide ${fields}`, schema: { type: 'object', properties }, potential: fields };
}

export function grouped(groups: number, size: number): Generated {
  const properties: Record<string, SchemaObject> = {};
  for (let g = 0; g < groups; g++) {
    const questions: Record<string, SchemaObject> = {};
    for (let i = 0; i < size; i++)
      questions[`q${i}`] = { type: 'string', title: `Question ${g * size + i + 1}` };
    properties[`g${g}`] = { type: 'object', title: `Group ${g + 1}`, properties: questions };
  }
  return {
    name: `grouped ${groups}x${size}`,
    schema: { type: 'object', properties },
    potential: groups * size,
  };
}

export function chain(levels: number, branching: number, leaves: number): Generated {
  const $defs: Record<string, SchemaObject> = {};
  let potential = 0;
  let count = 1;
  for (let level = 0; level < levels; level++) {
    const properties: Record<string, SchemaObject> = {};
    for (let i = 0; i < leaves; i++) properties[`f${i}`] = { type: 'string', title: `Field ${i}` };
    if (level < levels - 1)
      for (let b = 0; b < branching; b++)
        properties[`part${b}`] = { $ref: `#/$defs/level${level + 1}`, title: `Part ${b}` };
    $defs[`level${level}`] = { type: 'object', title: `Level ${level}`, properties };
    potential += count * leaves;
    count *= branching;
  }
  return {
    name: `chain ${levels}x${branching}x${leaves}`,
    schema: { $defs, type: 'object', properties: { top: { $ref: '#/$defs/level0' } } },
    potential,
  };
}

export function recursive(leaves: number): Generated {
  const properties: Record<string, SchemaObject> = {};
  for (let i = 0; i < leaves; i++) properties[`f${i}`] = { type: 'string' };
  properties.next = { $ref: '#/$defs/node' };
  properties.children = { type: 'array', items: { $ref: '#/$defs/node' } };
  return {
    name: `recursive ${leaves}`,
    schema: {
      $defs: { node: { type: 'object', title: 'Node', properties } },
      type: 'object',
      properties: { root: { $ref: '#/$defs/node' } },
    },
    // Ten levels of "next": the depth the issue asks for.
    potential: leaves * 10,
  };
}

/** `{ root: { f0: "…", next: { … } } }`, `depth` levels of `next`. */
export function recursiveData(depth: number): JsonValue {
  let node: JsonValue = { f0: `level ${depth}` };
  for (let level = depth - 1; level >= 0; level--) node = { f0: `level ${level}`, next: node };
  return { root: node };
}
