/**
 * One remembered result, computed again only when one of its inputs changed (compared by
 * identity): the form state asks for the same derived values many times per render.
 */
export class Memo<T> {
  #inputs?: readonly unknown[];
  #result?: T;

  /** The result for `inputs`: the remembered one when every input is the same, else `compute()`. */
  get(inputs: readonly unknown[], compute: () => T): T {
    const last = this.#inputs;
    if (last && last.length === inputs.length && last.every((input, i) => input === inputs[i]))
      return this.#result as T;
    this.#result = compute();
    this.#inputs = inputs;
    return this.#result;
  }
}
