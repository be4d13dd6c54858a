// intake-elements given the form as a raw JSON definition, as most web teams try it first
// (`src="form.json"` or `definition = {…}`): the element compiles the schema at run time with its
// lazily loaded ajv chunk, whatever precompiled module run.js offers.
/* global URLSearchParams */
import intake from './intake-elements.js';

export default {
  ...intake,
  prepare: (form) => intake.prepare(form, new URLSearchParams()),
};
