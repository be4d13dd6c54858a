// The size budget of dist/intake-elements.js: checked by test/size-budget.test.js, shown by
// `npm run bench` (bench/targets.js). One number for both, with the decisions that set it.

/**
 * The budget, gzip at zlib's default level (6), as `gzip` and most servers compress. The target
 * (the performance issue) was 20 KiB and is withdrawn; docs/benchmarks.md ("What makes the bundle
 * big") says what was done, what the rest is and why it stays in the main file. The budget held
 * the line (38 KiB, then 29, 28.8, 28.55, 27.8, 27.4, 27); the thin element (form state,
 * controllers and views in modules of their own, issue 17) was allowed up to 29 KiB, which it
 * used (28.99 KiB). Exact JSON Schema semantics (`$ref` siblings combined with their target,
 * references to the official meta-schemas, digits normalised by a field's pattern; issue 19) and
 * the containment of errors after loading (an exception becomes the definition error, never the
 * host page's) then brought it to 29.3 KiB: the budget is 29.5 KiB, a guard against regressions
 * (what a phone downloads in all is measured by `npm run bench:phone`). Issue 20 (nothing lost)
 * adds to the main file only the hooks of lazy parts: the outbox's headers taken at send time and
 * its panel of refused entries, the draft saved on pagehide/visibilitychange (+0.15 KiB; the
 * panels, sealing and passphrase code are in the drafts and outbox chunks). Few round trips on a
 * phone (issue 21) added 0.8 KiB: the table of the chunks each lazy part imports and their
 * announcing, asking for a definition's strings, translations, widgets and outbox with its
 * parts, and the reserved space while loading; they took the first-contact form from 9 waves of
 * requests to 3 (its total is guarded by test/first-contact-budget.test.js). Bounded work for any
 * definition (issue 19: the field tree counts controls against the limit of 5 000 and shows
 * optional objects as "Add …", whose view and the map editor are lazy parts; a budget for
 * defaults; root lists and root answers) added 1.03 KiB. Together 31.37 KiB after the merge of
 * issues 19 to 21. End-to-end encryption (issue 23) adds about 0.2 KiB: the lazy part's
 * declaration, the branch in the submit path, the notice's slot, `autocomplete` off for
 * encrypting forms (the encryption itself is a lazy part): 31.63 KiB. No long task while a large
 * definition loads (issue 19, second round: the checks, the compile and the render as separate
 * tasks, a long step drawn in parts of at most 800 controls, top-level fields in groups of 25,
 * the source-language marks on summary labels and "Add …" buttons) added 0.70 KiB: 32.33 KiB
 * measured, the budget is 32.5 KiB. Sending's code (the envelope, the transport, delivery with
 * retries) became the lazy part `delivery`, loaded with the outbox once the form is usable
 * (issue 21, bytes): 31.46 KiB measured; the second half of each language's strings, loaded
 * with the parts that show them, added 0.18 KiB (its loading): 31.64 KiB measured, the budget is
 * 31.84 KiB. A raw schema compiled once a long step is drawn whole, its checks and compiler asked
 * for at once, and parts counted with their rounding (issue 21: a raw form of 1 000 questions
 * drawn in about half the time) added 0.22 KiB: 31.86 KiB measured, the budget is 32.0 KiB.
 * Sending that waits for a file still being read (a person who presses "Send" right after
 * choosing a large file sends it) added 0.08 KiB: 31.94 KiB measured.
 * Lower it when the file shrinks; raise it only with a decision like these.
 */
export const MAIN_FILE_BUDGET_GZIP = 32.0 * 1024;
