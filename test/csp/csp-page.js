// A @web/test-runner middleware: serves test/csp/index.html at /csp/index.html with the strictest
// Content-Security-Policy an embedder might send (docs/security.md), so that
// test/csp/strict-csp.test.ts can run a compiled form inside it and count violations.
//
//   GET /csp/index.html?src=<path>&bucket=<name>&tt=none
//     src     the definition the form loads (default: the compiled sprachkurs-anmeldung)
//     bucket  the test receiver's bucket the form submits to (default: csp)
//     tt      `none`: `trusted-types 'none'` instead of the policy Lit needs
import { readFile } from 'node:fs/promises';

/** The Trusted Types policies intake-elements needs: Lit's, for its template elements. */
export const TRUSTED_TYPES_POLICIES = 'lit-html';

/**
 * The policy the page is served with.
 * @param {string} [trustedTypes]
 */
export function strictPolicy(trustedTypes = TRUSTED_TYPES_POLICIES) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

const PAGE = new URL('./index.html', import.meta.url);
const SAFE_PATH = /^\/(dist|schemas|test)\/[A-Za-z0-9_./-]+$/;
const BUCKET = /^[a-z0-9-]+$/;

export function cspPage() {
  return async function serveCspPage(context, next) {
    if (context.path !== '/csp/index.html') return next();
    const src = String(context.query.src ?? '/dist/forms/sprachkurs-anmeldung.js');
    const bucket = String(context.query.bucket ?? 'csp');
    if (!SAFE_PATH.test(src) || src.includes('..') || !BUCKET.test(bucket)) {
      context.status = 400;
      context.body = 'bad parameters';
      return undefined;
    }
    const html = (await readFile(PAGE, 'utf8'))
      .replace('{{SRC}}', src)
      .replace('{{ACTION}}', `/test-api/${bucket}/submit`);
    context.status = 200;
    context.type = 'text/html';
    context.set(
      'Content-Security-Policy',
      strictPolicy(context.query.tt === 'none' ? "'none'" : undefined),
    );
    context.set('Cache-Control', 'no-store');
    context.body = html;
    return undefined;
  };
}
