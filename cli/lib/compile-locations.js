// The key scheme of a compiled module's validators lives with the element, which also writes it
// when it keeps a raw definition's validators across visits (src/validation/validator-cache.ts).
export {
  PROPERTY_KEY_PREFIX,
  propertyKey,
  SHELL_KEY,
  validatorLocations,
  WHOLE_KEY,
} from '../../src/core/validator-locations.js';
