/**
 * The order of an object's properties under `ui:order` (with `"*"` for the rest): the rule lives
 * once, in src/core/order-properties.js, shared with the staff summary.
 */
export { orderProperties } from '../core/order-properties.js';
