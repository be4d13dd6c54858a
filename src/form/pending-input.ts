/**
 * Input that is still on its way into the form's data: a file being read, say. Sending waits for
 * it, so that a person who picks a large file and presses "Send" at once sends that file, and
 * is not told that the question is unanswered.
 */
export class PendingInput {
  #work = new Set<Promise<unknown>>();

  /** Sending waits for `work` (its failure is the widget's to report). */
  add(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#work.add(settled);
    void settled.then(() => this.#work.delete(settled));
  }

  /** Resolves once every input added so far has arrived (or failed). */
  async settled(): Promise<void> {
    while (this.#work.size > 0) await Promise.all([...this.#work]);
  }
}
