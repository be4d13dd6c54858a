/**
 * Follows `$ref` and merges `allOf`, so that the field tree sees one plain schema per value.
 * Remembers where in the definition document each piece was written, because translations are
 * keyed by that location.
 *
 * The rules live once, in src/core/schema-resolver.js (shared with the staff summary and the
 * command line); this module gives them the model's types and reports a `$ref` that cannot be
 * followed as a {@link DefinitionError}.
 */
import { BaseSchemaResolver } from '../core/schema-resolver.js';
import { DefinitionError } from './definition-error.js';
import type { Schema, SchemaObject } from './types.js';

/** A schema together with its location in the definition document. */
export interface SchemaAt {
  schema: Schema;
  /** JSON Pointer into the definition document, e.g. `/schema/$defs/address`. */
  location: string;
}

/** A schema with `$ref` followed and `allOf` merged. */
export interface ResolvedSchema {
  schema: SchemaObject;
  /** For each keyword, the location of the schema object it was taken from. */
  origins: Record<string, string>;
  /** For each property, the location of its (unresolved) schema. */
  propertyLocations: Record<string, string>;
  /** Locations of every `$ref` target followed to get here; used to stop recursive expansion. */
  refTargets: string[];
  /**
   * Whether this resolution followed a `$ref` to a target already expanded on the way here (one
   * of the inherited `refTargets`): the schema recurses at this point.
   */
  recursive: boolean;
}

/**
 * Where each `$ref` of a document leads: the location of the schema that holds it → the location
 * of its target (src/core/schema-references.js).
 */
export type ReferenceTable = Readonly<Record<string, string>>;

// The resolver's index walk and the reference check skip the same places as every other walk.
export { descends, SCHEMA_MAPS } from '../core/schema-keywords.js';

/** Follows references inside one schema document. Create one per definition. */
export interface SchemaResolver {
  readonly root: SchemaObject;
  readonly rootLocation: string;
  /** Every `format` value written anywhere in the document. */
  readonly formats: Set<string>;
  /** Every `type` written anywhere in the document (`"array"`: the form needs the lists chunk). */
  readonly types: Set<string>;
  /**
   * Whether `keyword` is written anywhere in the schema document (as a keyword, not as a property
   * name): decides which parts of the library a form needs, such as the condition logic.
   */
  uses(keyword: string): boolean;
  /** The root schema as a {@link SchemaAt}. */
  rootAt(): SchemaAt;
  /**
   * Finds the target of `reference`, the `$ref` of `site.schema`; throws a {@link DefinitionError}
   * if there is none.
   */
  lookup(reference: string, site: SchemaAt): SchemaAt;
  /**
   * Follows `$ref` chains and merges `allOf` members into one schema (a `$ref`'s siblings combine
   * with its target, see src/core/schema-resolver.js); `inheritedRefs` are the targets already
   * expanded on the way from the root, so that callers can detect recursion.
   */
  resolve(at: SchemaAt, inheritedRefs?: readonly string[]): ResolvedSchema;
}

/** The core resolver, reporting a `$ref` it cannot follow as the element reports definitions. */
class ModelSchemaResolver extends BaseSchemaResolver {
  override refError(
    code: 'unresolvable-ref' | 'cyclic-ref',
    message: string,
    where: { ref: string; pointer: string },
  ): Error {
    return new DefinitionError(code, message, { ref: where.ref }, where.pointer);
  }
}

/**
 * Creates the resolver of one definition's `schema`.
 *
 * @param refs where each `$ref` leads (`referenceTable`); without it, a `$ref` is reported as
 *   unresolvable
 */
export const SchemaResolver = ModelSchemaResolver as new (
  root: SchemaObject,
  refs?: ReferenceTable,
  rootLocation?: string,
) => SchemaResolver;
