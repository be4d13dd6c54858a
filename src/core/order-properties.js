// @ts-check
/**
 * Orders an object's properties by `ui:order`; `"*"` stands for every property not named.
 * Names in the order that the schema does not have are ignored rather than fatal, so that a
 * uiSchema shared between versions of a form keeps working. (The element's src/model/ re-exports it.)
 *
 * @param {readonly string[]} names
 * @param {unknown} order
 * @returns {string[]}
 */
export function orderProperties(names, order) {
  if (!Array.isArray(order) || order.length === 0) return [...names];
  const known = new Set(names);
  const listed = order.filter((name) => name !== '*' && known.has(name));
  const listedSet = new Set(listed);
  const rest = names.filter((name) => !listedSet.has(name));
  const star = order.indexOf('*');
  if (star === -1) return [...listed, ...rest];
  const before = order.slice(0, star).filter((name) => known.has(name));
  const after = order.slice(star + 1).filter((name) => known.has(name));
  return [...before, ...rest, ...after];
}
