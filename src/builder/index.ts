/**
 * The builder's entry (`dist/intake-form-builder.js`, `import 'intake-elements/builder'`): loading
 * it registers `<intake-form-builder>` and, for its preview, `<intake-form>`.
 */
export { IntakeFormBuilder, emptyDefinition } from './intake-form-builder.js';
