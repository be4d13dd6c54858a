// intake-elements: the built dist/intake-elements.js of this repository (loaded as it is, not
// rebundled: run.js keeps the import external and serves dist/), given the form as a definition
// object. With `?compiled=<url>` the definition is a module compiled by the CLI, carrying
// precompiled validators; without it the element compiles the schema at run time (its lazily
// loaded ajv chunk), which the results record as a caveat.
/* global document, performance */
import '../../dist/intake-elements.js';

let definition;
let element;
let target;
const caveats = [];

export default {
  caveats,
  async prepare(form, params) {
    target = form.target;
    const compiled = params.get('compiled');
    if (compiled) {
      definition = (await import(compiled)).default;
    } else {
      definition = { id: `bench-${form.n}`, version: '1', lang: 'en', schema: form.schema };
      caveats.push(
        'no precompiled validator: the schema is compiled at run time (lazy ajv chunk, inside the first-render time)',
      );
    }
  },
  render(container, form) {
    element = document.createElement('intake-form');
    element.value = form.data;
    element.definition = definition;
    container.append(element);
    return element.shadowRoot;
  },
  async afterInput() {
    while (!(await element.updateComplete));
    return performance.now();
  },
  value: () => element.value?.[target.group]?.[target.field],
};
