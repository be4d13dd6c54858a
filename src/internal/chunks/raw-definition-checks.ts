/**
 * The raw-definition part (src/internal/lazy-parts.ts): what a raw definition (JSON, not
 * compiled) is checked for before it is used: its size (limits that keep a hostile definition
 * from freezing the page) and its `$ref`s. A compiled definition was checked when it was compiled.
 */
export { checkDefinitionLimits } from '../../model/definition-limits.js';
export { checkReferences } from '../../model/check-references.js';
// Where each `$ref` leads, worked out as the command line does it for a compiled module.
export { referenceTable } from '../../core/schema-references.js';
// The limit of controls at once, before the schema is compiled.
export { checkControlCount } from '../../model/check-control-count.js';
