/** The maps part (src/internal/lazy-parts.ts): the model of maps and their editor. */
export { mapModel } from '../../model/map-model.js';
export { renderMapEntries, styles } from '../../widgets/render-map.js';
