/** Types of test-receiver.js for the browser tests that import its constants. */
export function testReceiver(): (
  context: unknown,
  next: () => Promise<unknown>,
) => Promise<unknown>;
export const HOSTILE_TITLE: string;
export const HOSTILE_DETAIL: string;
export const HOSTILE_POINTER: string;
export const HOSTILE_REFERENCE: string;
