/**
 * The inbox's side of encrypted forms (docs/security.md): import the office's key file once,
 * open submissions in the browser, validate them. Wired into the inbox's detail view.
 */
export * from './open-submission.js';
