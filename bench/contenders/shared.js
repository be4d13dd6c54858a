// Small helpers bundled into the contenders that need them (tree-shaken per contender).
/* global requestAnimationFrame, MessageChannel, performance, window, setTimeout */

/** Resolves at the first moment after the next frame was painted (rAF, then a posted message). */
export function nextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });
}

/**
 * The end of a React update: the page installs a minimal `__REACT_DEVTOOLS_GLOBAL_HOOK__` (see
 * run.js) that React's production build calls on every commit (`onCommitFiberRoot`) and after the
 * passive effects of a commit (`onPostCommitFiberRoot`); it records the time of the last call.
 * After the first commit since the keydown, this waits until a frame was painted and 20 ms
 * more, so that commits the first one sets off are counted, and resolves with the time of the
 * last commit or passive-effects flush.
 */
export function afterReactCommit() {
  const commits = window.__benchCommits;
  // React may commit a discrete (input) update before this is called: count from the keydown.
  const start = commits.atKeydown ?? commits.count;
  return new Promise((resolve) => {
    const settle = () => {
      commits.onCommit = undefined;
      nextPaint().then(() => setTimeout(() => resolve(commits.last), 20));
    };
    if (commits.count > start) settle();
    else commits.onCommit = settle;
    setTimeout(() => {
      if (commits.count === start) {
        commits.onCommit = undefined;
        resolve(NaN);
      }
    }, 3000);
  });
}

/**
 * The hand-written baselines' validation of one changed field (the keywords the generated form
 * uses); returns an error message or ''.
 */
export function checkField(schema, value) {
  if (value === undefined || value === '') return 'Required';
  if (schema.type === 'integer') {
    if (!Number.isInteger(value)) return 'Enter a whole number';
    if (value < schema.minimum || value > schema.maximum)
      return `Enter a number from ${schema.minimum} to ${schema.maximum}`;
    return '';
  }
  if (schema.type === 'string') {
    if (schema.enum && !schema.enum.includes(value)) return 'Choose an option';
    if (schema.minLength !== undefined && value.length < schema.minLength) return 'Too short';
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return 'Too long';
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) return 'Wrong format';
    if (schema.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
      return 'Enter an e-mail address';
  }
  return '';
}

/** The groups of the generated form, with their fields, in order. */
export function groupsOf(form) {
  return Object.entries(form.schema.properties).map(([group, schema]) => ({
    group,
    title: schema.title,
    required: new Set(schema.required),
    fields: Object.entries(schema.properties).map(([field, fieldSchema]) => ({
      field,
      schema: fieldSchema,
      id: `${group}-${field}`,
    })),
  }));
}
