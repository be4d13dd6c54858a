/**
 * The drafts part (src/internal/lazy-parts.ts), for forms with `draft="local"`: encrypted storage
 * in this browser, restoring, saving, and the notice about it.
 */
export { DraftKeeper } from '../../controllers/draft-keeper.js';
