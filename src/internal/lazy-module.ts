/**
 * Parts of the library that most forms never use (arrays, files, conditions, drafts, the
 * review, …) are separate chunks of the build, loaded when a form needs them. `LazyModule` loads
 * one such chunk once and tells every interested element when it has arrived, so that they
 * render again with it.
 */

const listeners = new Set<() => void>();
let arrivals = 0;

/** One lazily loaded module. */
export class LazyModule<T> {
  /** The module, once it has arrived. */
  module: T | undefined;
  private loading?: Promise<T>;

  constructor(private readonly importer: () => Promise<T>) {}

  /**
   * Loads the module (once) and resolves with it. A failed load (the connection dropped) is
   * forgotten, so that the next call tries again.
   */
  load(): Promise<T> {
    this.loading ??= this.importer().then(
      (module) => {
        if (!this.module) {
          this.module = module;
          arrivals++;
          for (const listener of listeners) listener();
        }
        return module;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}

/** Calls `listener` whenever a lazy module arrives; returns the function that stops it. */
export function onModuleArrival(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many lazy modules have arrived: changes whenever rendering may draw more than before. */
export function moduleArrivals(): number {
  return arrivals;
}
