// The benchmark form: N fields in groups of 10, the same JSON Schema and the same (valid) data for
// every contender. Each group has two strings with minLength, an e-mail, two patterns, two
// integers with minimum and maximum, a boolean and two enums of five values; every field is
// required.

/** The values of every enum. */
export const COLORS = ['red', 'green', 'blue', 'yellow', 'black'];

/** The ten fields of one group: name, schema and the valid value for group `g`. */
const FIELDS = [
  ['name', { type: 'string', minLength: 2, maxLength: 80 }, (g) => `Name ${g}`],
  ['email', { type: 'string', format: 'email' }, (g) => `person${g}@example.org`],
  ['postcode', { type: 'string', pattern: '^[0-9]{5}$' }, (g) => String(10000 + g).slice(-5)],
  ['age', { type: 'integer', minimum: 0, maximum: 150 }, (g) => 20 + (g % 60)],
  ['consent', { type: 'boolean' }, (g) => g % 2 === 0],
  ['color', { type: 'string', enum: COLORS }, (g) => COLORS[g % 5]],
  ['street', { type: 'string', minLength: 2, maxLength: 120 }, (g) => `Main Street ${g}`],
  ['month', { type: 'integer', minimum: 1, maximum: 12 }, (g) => 1 + (g % 12)],
  ['phone', { type: 'string', pattern: '^\\+?[0-9 ]{6,20}$' }, (g) => `+49 30 ${100000 + g}`],
  ['shade', { type: 'string', enum: COLORS }, (g) => COLORS[(g + 2) % 5]],
];

/** The field every contender types into: the first (minLength) string of the middle group. */
export const TARGET_FIELD = FIELDS[0][0];

/**
 * The form for `n` fields (a multiple of 10): `schema` (draft-07, which every contender supports),
 * `data` (valid), and where the keystrokes go (`target`: group, field, initial value).
 */
export function generateForm(n) {
  if (!Number.isInteger(n) || n <= 0 || n % 10 !== 0)
    throw new Error(`n must be a positive multiple of 10, not ${n}`);
  const groups = n / 10;
  const properties = {};
  const data = {};
  for (let g = 0; g < groups; g += 1) {
    const group = `g${g}`;
    const groupProperties = {};
    const groupData = {};
    FIELDS.forEach(([name, schema, value], i) => {
      groupProperties[name] = { title: `Question ${g * 10 + i + 1}`, ...schema };
      groupData[name] = value(g);
    });
    properties[group] = {
      type: 'object',
      title: `Group ${g + 1}`,
      required: FIELDS.map(([name]) => name),
      properties: groupProperties,
    };
    data[group] = groupData;
  }
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    title: `Benchmark form with ${n} fields`,
    required: Object.keys(properties),
    properties,
  };
  const middle = `g${Math.floor(groups / 2)}`;
  return {
    n,
    schema,
    data,
    target: { group: middle, field: TARGET_FIELD, value: data[middle][TARGET_FIELD] },
  };
}
