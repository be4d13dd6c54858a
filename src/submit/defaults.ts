/**
 * Defaults of sending and drafts, in one place: the element's properties start from them and
 * the modules that send and store fall back to them (a small module of its own, so that the main
 * file can read them without the code of drafts).
 */

/** Milliseconds before one attempt to send is given up. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Days a local draft is kept. */
export const DEFAULT_DRAFT_DAYS = 7;
