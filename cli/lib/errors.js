/**
 * Errors that the command line turns into exit codes and one-line messages.
 */

/** Wrong use of the command line (unknown option, missing argument): exit code 2. */
export class UsageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'UsageError';
    this.exitCode = 2;
  }
}

/** A problem with the input (unreadable or invalid file): exit code 1. */
export class CliError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'CliError';
    this.exitCode = 1;
  }
}
