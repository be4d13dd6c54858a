/**
 * A problem with a form definition. `code` and `params` let the element word a localized message;
 * `pointer` says where in the definition document the problem is.
 */
export type DefinitionErrorCode =
  | 'fetch-failed'
  | 'not-json'
  | 'not-object'
  | 'bad-shape'
  | 'unresolvable-ref'
  | 'cyclic-ref'
  | 'invalid-schema'
  | 'unsupported-dialect'
  | 'too-many-controls';

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';

  constructor(
    readonly code: DefinitionErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly pointer?: string,
  ) {
    super(message);
  }
}
