// The end of a Storybook check: the failures once more, with how to look at one, and the closing
// lines that scripts/summarize-test-log.js counts.

/** The prefix of the closing line, which scripts/summarize-test-log.js looks for. */
export const SUMMARY_PREFIX = 'Storybook:';

/** Milliseconds as seconds with one decimal, e.g. `1.5 s`. */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Prints the failed checks (title, name, id and the first problem), how to repeat and look at
 * one, and the closing `Stories checked: …` and `Storybook: N passed, N failed` lines.
 */
export function printReport({ failures, passed, stories, storyCount, started }) {
  if (failures.length > 0 && stories.length > 0) {
    console.log(`\n${failures.length} of ${stories.length} checks failed:`);
    for (const { story, problems } of failures) {
      console.log(`  ${story.title} › ${story.name}  (${story.id})`);
      console.log(
        `        ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1})` : ''}`,
      );
    }
    console.log(
      '\nAgain, for one story: node scripts/test-storybook.js --filter <story id>' +
        '\nTo look at it: npm run storybook, then http://localhost:6006/?path=/story/<story id>' +
        ' (the Accessibility panel shows the same axe rules)',
    );
  }
  console.log(
    `Stories checked: ${storyCount}, docs pages: ${stories.length - storyCount}, ` +
      `in ${seconds(Date.now() - started)}`,
  );
  console.log(`${SUMMARY_PREFIX} ${passed} passed, ${failures.length} failed`);
}
