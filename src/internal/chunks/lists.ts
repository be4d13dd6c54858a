/** The lists part (src/internal/lazy-parts.ts): the model of lists and their rendering. */
export { listModel } from '../../model/array-model.js';
export { renderArray, styles } from '../../widgets/render-array.js';
