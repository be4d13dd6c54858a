// JSON Forms 3 (React binding, vanilla renderers and cells), validation mode ValidateAndShow (the
// default: ajv on every change). The vanilla renderers have no renderer for a nested object, so
// the UI schema is written out as JSON Forms expects: a vertical layout of groups of controls.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { afterReactCommit, groupsOf } from './shared.js';

let latest;
let target;
let uischema;

export default {
  prepare(form) {
    latest = form.data;
    target = form.target;
    uischema = {
      type: 'VerticalLayout',
      elements: groupsOf(form).map(({ group, title, fields }) => ({
        type: 'Group',
        label: title,
        elements: fields.map(({ field }) => ({
          type: 'Control',
          scope: `#/properties/${group}/properties/${field}`,
        })),
      })),
    };
  },
  render(container, form) {
    createRoot(container).render(
      createElement(JsonForms, {
        schema: form.schema,
        uischema,
        data: form.data,
        renderers: vanillaRenderers,
        cells: vanillaCells,
        validationMode: 'ValidateAndShow',
        onChange: ({ data }) => {
          latest = data;
        },
      }),
    );
    return container;
  },
  afterInput: afterReactCommit,
  value: () => latest?.[target.group]?.[target.field],
};
