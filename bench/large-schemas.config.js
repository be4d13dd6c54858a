// The large-schema benchmark (issue 19): `npm run bench:large`. The test runner's set-up with the
// production build of Lit, as dist/ ships it: Lit's development build checks every part it
// renders, which makes adding fields to a long form cost time that grows with the form.
import config, { chromium } from '../web-test-runner.config.js';

export default {
  ...config,
  files: ['test/performance/large-schemas.bench.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
  // --expose-gc: each run starts from a collected heap, as a page that loads one form does;
  // otherwise a run pays for collecting the forms of the runs before it (see the bench's file).
  browsers: [chromium(['--js-flags=--expose-gc'])],
};
