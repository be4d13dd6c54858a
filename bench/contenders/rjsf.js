// react-jsonschema-form 6 with React 19 and the ajv 8 validator, live validation on each change.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { afterReactCommit } from './shared.js';

let latest;
let target;

export default {
  prepare(form) {
    latest = form.data;
    target = form.target;
  },
  render(container, form) {
    createRoot(container).render(
      createElement(Form, {
        schema: form.schema,
        formData: form.data,
        validator,
        liveValidate: 'onChange',
        onChange: (event) => {
          latest = event.formData;
        },
      }),
    );
    return container;
  },
  afterInput: afterReactCommit,
  value: () => latest?.[target.group]?.[target.field],
};
