/**
 * A second check, after ajv, that `data` holds no property the form does not declare where the
 * form forbids extras (`additionalProperties: false`, `unevaluatedProperties: false`).
 *
 * Why it exists: ajv 8 (8.20.0) records which properties `unevaluatedProperties` may skip in a
 * plain object (`props = {}`, then `!props[key]`), so every name `Object.prototype` answers —
 * `constructor`, `toString`, `__proto__`, … — counts as evaluated, and a 9 MiB `constructor` was
 * stored in a form with `unevaluatedProperties: false`. Parsing the body into null-prototype
 * objects would not help: the lookup is into ajv's own `{}`. This check reads the schema itself,
 * with own properties only, so it holds whatever ajv does with such names.
 *
 * It follows the annotations of JSON Schema 2020-12 (and draft-07): a property is evaluated at
 * an instance by `properties`, `patternProperties`, `additionalProperties` and
 * `unevaluatedProperties` of every schema applied there that succeeds: the schema itself, `$ref`
 * targets, `allOf`, the branches of `anyOf`/`oneOf` the value matches, `if` with `then` or
 * `else`, `dependentSchemas`. Which branch matches is asked of ajv (`matches`); a name from
 * `Object.prototype` can only make ajv say "matches" more often, which makes this check look at
 * more branches, never fewer. Where the schema uses something this walk does not follow
 * (`$dynamicRef`, `$recursiveRef`, an unresolved `$ref`), it trusts ajv for that value.
 */
import { appendPointer } from '../src/core/json-pointer.js';
import { referenceTable } from '../src/core/schema-references.js';

/** A property set that means "every property" (the walk cannot tell, so ajv decides). */
const EVERYTHING = true;

/** Deeper than this the walk stops (the body is at most 100 levels deep; `$ref` cycles). */
const MAX_STEPS = 400;

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An own value only: `properties.constructor` must not find `Object`. */
const own = (object, key) => (isObject(object) && hasOwn(object, key) ? object[key] : undefined);

/**
 * @param {Record<string, unknown>} schema the root schema, as compiled
 * @param {{ dialect: 'draft-07' | '2020-12',
 *   matches: (location: string, value: unknown) => boolean }} options `matches` validates a value
 *   against the schema at a location (a JSON Pointer into `schema`)
 * @returns {(data: unknown) => Array<{ pointer: string, keyword: string }>}
 */
export function createDeclaredCheck(schema, { dialect, matches }) {
  const refs = referenceTable(schema, '');
  const modern = dialect === '2020-12';
  // Keywords of the other dialect are not keywords here (ajv ignores them too).
  const mapKeywords = modern ? ['dependentSchemas'] : ['dependencies'];
  const patterns = new Map();
  const regex = (source) => {
    if (!patterns.has(source)) patterns.set(source, new RegExp(source, 'u'));
    return patterns.get(source);
  };

  return (data) => {
    const errors = new Map();
    let steps = 0;

    /**
     * Which own properties of `value` the schema at `location` evaluates; reports those it
     * forbids, and walks into every value it applies a schema to.
     *
     * @returns {Set<string> | true}
     */
    function walk(node, location, value, pointer, depth) {
      if (!isObject(node) || depth > MAX_STEPS || ++steps > 200_000) return new Set();
      const evaluated = new Set();
      let all = false;
      const merge = (names) => {
        if (names === EVERYTHING) all = true;
        else for (const name of names) evaluated.add(name);
      };
      const at = (...tokens) => tokens.reduce((l, t) => appendPointer(l, t), location);

      // In-place applicators: they look at the same value.
      if (typeof node.$ref === 'string') {
        const target = refs[location];
        if (target === undefined) return EVERYTHING;
        merge(walk(pointAt(schema, target), target, value, pointer, depth + 1));
        // draft-07: a schema with `$ref` is only its reference.
        if (dialect === 'draft-07') return all ? EVERYTHING : evaluated;
      }
      if (node.$dynamicRef !== undefined || node.$recursiveRef !== undefined) return EVERYTHING;
      for (const [keyword, every] of [
        ['allOf', true],
        ['anyOf', false],
        ['oneOf', false],
      ]) {
        const list = own(node, keyword);
        if (!Array.isArray(list)) continue;
        list.forEach((sub, i) => {
          const place = at(keyword, i);
          if (every || matches(place, value)) merge(walk(sub, place, value, pointer, depth + 1));
        });
      }
      if (hasOwn(node, 'if')) {
        const passed = matches(at('if'), value);
        if (passed) merge(walk(node.if, at('if'), value, pointer, depth + 1));
        const branch = passed ? 'then' : 'else';
        if (hasOwn(node, branch)) {
          merge(walk(node[branch], at(branch), value, pointer, depth + 1));
        }
      }

      if (isObject(value)) {
        const names = Object.keys(value);
        for (const keyword of mapKeywords) {
          const map = own(node, keyword);
          if (!isObject(map)) continue;
          for (const name of names) {
            const sub = own(map, name);
            if (isObject(sub)) merge(walk(sub, at(keyword, name), value, pointer, depth + 1));
          }
        }

        const properties = own(node, 'properties');
        const patternProperties = own(node, 'patternProperties');
        const local = new Set();
        for (const name of names) {
          const inner = appendPointer(pointer, name);
          if (isObject(properties) && hasOwn(properties, name)) {
            local.add(name);
            walk(properties[name], at('properties', name), value[name], inner, depth + 1);
          }
          if (isObject(patternProperties)) {
            for (const source of Object.keys(patternProperties)) {
              if (!regex(source).test(name)) continue;
              local.add(name);
              const sub = patternProperties[source];
              walk(sub, at('patternProperties', source), value[name], inner, depth + 1);
            }
          }
        }
        merge(local);

        if (hasOwn(node, 'additionalProperties')) {
          for (const name of names) {
            if (local.has(name)) continue;
            extra(node.additionalProperties, 'additionalProperties', name);
            evaluated.add(name);
          }
        }
        if (modern && hasOwn(node, 'unevaluatedProperties') && !all) {
          for (const name of names) {
            if (evaluated.has(name)) continue;
            extra(node.unevaluatedProperties, 'unevaluatedProperties', name);
            evaluated.add(name);
          }
          // Nothing is left unevaluated for a schema around this one.
          return EVERYTHING;
        }
      }

      if (Array.isArray(value)) {
        // 2020-12: `prefixItems`, then `items`; draft-07: `items` as a list, then `additionalItems`.
        const tuple = !modern && Array.isArray(node.items);
        const prefixAt = modern ? 'prefixItems' : 'items';
        const prefix = modern ? own(node, 'prefixItems') : tuple ? node.items : [];
        const restAt = tuple ? 'additionalItems' : 'items';
        const rest = own(node, restAt);
        value.forEach((item, i) => {
          const inner = appendPointer(pointer, i);
          if (Array.isArray(prefix) && i < prefix.length) {
            walk(prefix[i], at(prefixAt, i), item, inner, depth + 1);
          } else if (rest !== undefined) {
            walk(rest, at(restAt), item, inner, depth + 1);
          }
          // `contains` and `unevaluatedItems` apply where they match; ajv decides about those.
          for (const keyword of modern ? ['contains', 'unevaluatedItems'] : ['contains']) {
            if (hasOwn(node, keyword) && matches(at(keyword), item)) {
              walk(node[keyword], at(keyword), item, inner, depth + 1);
            }
          }
        });
      }
      return all ? EVERYTHING : evaluated;

      /** A property that only `additionalProperties`/`unevaluatedProperties` can let in. */
      function extra(sub, keyword, name) {
        const inner = appendPointer(pointer, name);
        if (sub === false) {
          if (!errors.has(inner)) errors.set(inner, { pointer: inner, keyword });
        } else if (isObject(sub)) {
          walk(sub, at(keyword), value[name], inner, depth + 1);
          // ajv skipped this value if it thought the name evaluated: check it against the schema.
          if (!errors.has(inner) && !matches(at(keyword), value[name])) {
            errors.set(inner, { pointer: inner, keyword });
          }
        }
      }
    }

    walk(schema, '', data, '', 0);
    return [...errors.values()];
  };
}

/** The schema at a JSON Pointer into `root` (own properties only). */
function pointAt(root, location) {
  let node = root;
  for (const token of location.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : own(node, key);
    if (node === undefined) return undefined;
  }
  return node;
}
