/**
 * The element's own form model, for Node tests that compare the staff summary with it: the
 * TypeScript of src/model/ (field tree, condition logic, lists) and src/validation/ajv-compiler.ts
 * (the runtime compiler whose `matches` decides conditions), bundled in memory by esbuild and
 * imported from a data URL. Nothing is written to disk.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { referenceTable } from '../../src/core/schema-references.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const ENTRY = `
export { listModel } from './src/model/array-model.ts';
export { buildFieldTree } from './src/model/build-field-tree.ts';
export { conditionLogic } from './src/model/condition-logic.ts';
export { SchemaResolver } from './src/model/schema-resolver.ts';
export { compileSchema } from './src/validation/ajv-compiler.ts';
`;

let loading;
/** The element's resolver and validator per definition, as the element keeps them per form. */
const forms = new WeakMap();

/** The element's model modules (bundled once per process). */
export function loadElementModel() {
  loading ??= build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'element-model.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  }).then((result) => {
    const code = Buffer.from(result.outputFiles[0].text).toString('base64');
    return import(`data:text/javascript;base64,${code}`);
  });
  return loading;
}

function isUnanswered(value) {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The pointers of the answers the element shows for `data` as answers to the questions it asks:
 * every value field with an answer, and every answered item of a list of choices or files. What
 * conditions switch off has no field, so it is not among them.
 *
 * @param {{ schema: object, ui?: object }} definition
 * @param {Record<string, unknown>} data
 * @returns {Promise<string[]>}
 */
export async function elementAnswers(definition, data) {
  const model = await loadElementModel();
  const { schema } = definition;
  if (!forms.has(definition)) {
    forms.set(definition, {
      resolver: new model.SchemaResolver(schema, referenceTable(schema, '/schema'), '/schema'),
      validator: model.compileSchema(schema),
    });
  }
  const { resolver, validator } = forms.get(definition);
  const tree = model.buildFieldTree(
    {
      resolver,
      ui: definition.ui ?? {},
      hasWidget: () => false,
      conditions: model.conditionLogic((at, value) => validator.matches(at.location, value)),
      // The element hands the model of lists in where a schema has lists, as here.
      lists: model.listModel,
    },
    data,
  );
  const answers = [];
  const visit = (field) => {
    if (field.kind === 'object') field.children.forEach(visit);
    else if (field.kind === 'array') field.items.forEach(visit);
    else if (field.kind === 'multi-choice' || field.kind === 'files') {
      const items = Array.isArray(field.value) ? field.value : [];
      items.forEach((item, i) => {
        if (!isUnanswered(item)) answers.push(`${field.pointer}/${i}`);
      });
    } else if (!isUnanswered(field.value)) answers.push(field.pointer);
  };
  visit(tree);
  return answers;
}
