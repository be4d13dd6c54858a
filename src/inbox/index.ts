/**
 * The staff inbox's script (`dist/inbox/intake-inbox.js`), served by the receiver under
 * /inbox/: loading it registers `<intake-inbox>` and its pages.
 */
import './missing.js';
export { IntakeInbox } from './intake-inbox.js';
