// Loaded first by test/csp/index.html (served with the strict Content-Security-Policy by
// test/csp/csp-page.js): records every securitypolicyviolation and every intake-* event of the
// page, for test/csp/strict-csp.test.ts to read through the iframe.
(function record() {
  /** @type {{ directive: string, blocked: string, source: string, sample: string }[]} */
  const violations = [];
  /** @type {{ type: string, detail: unknown }[]} */
  const events = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      sample: event.sample,
    });
  });
  for (const type of ['intake-ready', 'intake-error', 'intake-step', 'intake-submitted']) {
    document.addEventListener(type, (event) => {
      events.push({ type, detail: /** @type {CustomEvent} */ (event).detail });
    });
  }
  Object.assign(window, { __violations: violations, __events: events });
})();
