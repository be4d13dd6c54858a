/**
 * Loads and checks a form definition: from a URL (JSON, or a compiled ES module whose default
 * export is the definition) or from an object. Problems become `DefinitionError`s.
 */
import { DefinitionError } from './definition-error.js';
import type { FormDefinition } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the shape of a definition object and returns it typed. (Its size and its references are
 * checked apart, for raw definitions only: raw-definition-checks.ts.)
 */
export function checkDefinition(candidate: unknown): FormDefinition {
  if (!isObject(candidate))
    throw new DefinitionError('not-object', 'The definition is not a JSON object.', {}, '');
  if (!isObject(candidate.schema))
    throw new DefinitionError(
      'bad-shape',
      'The definition has no "schema" object.',
      { key: 'schema' },
      '/schema',
    );
  if (candidate.id !== undefined && typeof candidate.id !== 'string') {
    throw new DefinitionError('bad-shape', '"id" must be a string.', { key: 'id' }, '/id');
  }
  if (candidate.ui !== undefined && !isObject(candidate.ui))
    throw new DefinitionError('bad-shape', '"ui" must be an object.', { key: 'ui' }, '/ui');
  if (candidate.translations !== undefined && !isObject(candidate.translations)) {
    throw new DefinitionError(
      'bad-shape',
      '"translations" must be an object.',
      { key: 'translations' },
      '/translations',
    );
  }
  if (candidate.lang !== undefined && typeof candidate.lang !== 'string') {
    throw new DefinitionError('bad-shape', '"lang" must be a string.', { key: 'lang' }, '/lang');
  }
  return { ...candidate, id: (candidate.id as string | undefined) ?? 'form' } as FormDefinition;
}

/** Whether a definition's URL names a compiled module (`.js`, `.mjs`) rather than JSON. */
export function isModuleUrl(url: string): boolean {
  return /\.m?js(\?|#|$)/.test(new URL(url).pathname);
}

/** Fetches a definition from `src` (resolved against the page). */
export async function fetchDefinition(
  src: string,
  baseUrl: string,
): Promise<{ definition: FormDefinition; url: string }> {
  const url = new URL(src, baseUrl).href;
  if (isModuleUrl(url)) {
    let module: { default?: unknown };
    try {
      module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
    } catch (error) {
      throw new DefinitionError(
        'fetch-failed',
        `Could not load ${url}: ${(error as Error).message}`,
        { url, status: 0 },
      );
    }
    return { definition: checkDefinition(module.default), url };
  }
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    throw new DefinitionError(
      'fetch-failed',
      `Could not load ${url}: ${(error as Error).message}`,
      { url, status: 0 },
    );
  }
  if (!response.ok)
    throw new DefinitionError('fetch-failed', `Could not load ${url}: HTTP ${response.status}`, {
      url,
      status: response.status,
    });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DefinitionError('not-json', `${url} is not valid JSON: ${(error as Error).message}`, {
      url,
      detail: (error as Error).message,
    });
  }
  return { definition: checkDefinition(parsed), url };
}

/** Translations asked for ahead of their use ({@link prefetchTranslations}), by URL. */
const prefetched = new Map<string, Promise<Record<string, string>>>();

/**
 * Starts fetching translations that {@link fetchTranslations} will be asked for soon (with the
 * parts of the library a definition needs, not one round trip after them).
 */
export function prefetchTranslations(reference: string, baseUrl: string): void {
  const href = new URL(reference, baseUrl).href;
  if (prefetched.has(href)) return;
  const loading = readTranslations(href);
  loading.catch(() => undefined);
  prefetched.set(href, loading);
}

/** Fetches translations given by URL (relative to the definition's URL). */
export function fetchTranslations(
  reference: string,
  baseUrl: string,
): Promise<Record<string, string>> {
  const href = new URL(reference, baseUrl).href;
  // A prefetch serves one use: a later visit to the locale fetches (and revalidates) again.
  const early = prefetched.get(href);
  prefetched.delete(href);
  return early ?? readTranslations(href);
}

async function readTranslations(href: string): Promise<Record<string, string>> {
  const response = await fetch(href, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const parsed: unknown = await response.json();
  if (!isObject(parsed)) throw new Error('not an object');
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
