/**
 * Parts of the library that most forms never use (arrays, files, conditions, drafts, the
 * review, …) are separate chunks of the build, loaded when a form needs them. `LazyModule` loads
 * one such chunk once and tells every interested element when it has arrived, so that they
 * render again with it.
 */

const listeners = new Set<() => void>();
let arrivals = 0;

/**
 * Per lazy module (its file name, no folder or extension), the chunks it imports in turn,
 * relative to the main file. The build writes the table in place of the string
 * (tools/rollup-part-dependencies.js); unbuilt (tests, a dev server) there are no chunks and so
 * nothing to announce.
 */
const DEPENDENCIES = dependencyTable('__INTAKE_PART_DEPENDENCIES__');
const announced = new Set<string>();

function dependencyTable(written: string): Record<string, string[]> {
  return written.startsWith('{') ? (JSON.parse(written) as Record<string, string[]>) : {};
}

/** Announces the chunks the lazy module `key` (its file name, no extension) imports. */
export function announceDependencies(key: string): void {
  announceModules(DEPENDENCIES[key] ?? []);
}

/**
 * Asks the browser for `files` (module URLs relative to the main file) with
 * `<link rel="modulepreload">`, each once: they then arrive alongside whatever is loaded now
 * instead of one round trip after it, when the module that imports them has run.
 */
export function announceModules(files: Iterable<string>): void {
  if (typeof document === 'undefined') return;
  for (const file of files) {
    const href = new URL(file, import.meta.url).href;
    if (announced.has(href)) continue;
    announced.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/** One lazily loaded module. */
export class LazyModule<T> {
  /** The module, once it has arrived. */
  module: T | undefined;
  private loading?: Promise<T>;

  /**
   * @param importer imports the module
   * @param key the module's file name without folder or extension (`markdown`): names the
   *   chunks it imports in the build's table, announced when it loads
   */
  constructor(
    private readonly importer: () => Promise<T>,
    private readonly key?: string,
  ) {}

  /**
   * Loads the module (once) and resolves with it, announcing the chunks it imports so that they
   * arrive with it. A failed load (the connection dropped) is forgotten, so that the next call
   * tries again.
   */
  load(): Promise<T> {
    if (!this.loading && this.key) announceDependencies(this.key);
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
