// The large-schema benchmark (issue 19): `npm run bench:large`. The test runner's set-up with the
// production build of Lit, as dist/ ships it: Lit's development build checks every part it
// renders, which makes adding fields to a long form cost time that grows with the form.
import config from '../web-test-runner.config.js';

export default {
  ...config,
  files: ['test/performance/large-schemas.bench.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
};
