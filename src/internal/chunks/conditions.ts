/**
 * The conditions part (src/internal/lazy-parts.ts): what only schemas with `if`,
 * `dependentSchemas`, `dependentRequired`, `dependencies`, `oneOf` or `anyOf` need.
 */
export { conditionLogic, withChoices } from '../../model/condition-logic.js';
// Only forms with conditions switch questions on: the defaults of those.
export { withNewlyActiveDefaults } from '../../model/newly-active-defaults.js';
// Only schemas with `oneOf` / `anyOf` make ajv report the noise of alternatives: the filter for
// it, used by the precompiled validators.
export { alternativeNoise } from '../../core/alternative-noise.js';
