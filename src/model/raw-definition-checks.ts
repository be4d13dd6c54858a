/**
 * What a raw definition (JSON, not compiled) is checked for before it is used: its size (limits
 * that keep a hostile definition from freezing the page) and its `$ref`s. A chunk of its own: a
 * compiled definition was checked when it was compiled, and most sites use those.
 */
export { checkDefinitionLimits } from './definition-limits.js';
export { checkReferences } from './check-references.js';
// Where each `$ref` leads, worked out as the command line does it for a compiled module.
export { referenceTable } from '../core/schema-references.js';
