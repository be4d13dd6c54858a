/**
 * Opening a definition by URL, as `<intake-form src>` does: the definition, the translation files
 * it names (resolved against its URL), and the command line's source-hash sidecars
 * (`<file>.meta.json` beside each translation file; for an inline locale
 * `translations/<id>.<locale>.meta.json` beside the definition), so the translation table marks
 * missing and outdated texts exactly as `intake-elements translations status` does.
 */
import { isObject, own, type Json } from './core/json.js';

/** The hash the sidecars must use (cli/lib/hash.js). */
const HASH_ALGORITHM = 'sha256-hex16';

/** A definition opened by URL. */
export interface LoadedDefinition {
  definition: Json;
  /** The definition's absolute URL. */
  url: string;
  /** locale → pointer → recorded source hash. */
  hashes: Record<string, Record<string, string>>;
  /** The translations of locales given by URL (read, not part of the definition). */
  external: Record<string, Record<string, string>>;
  /** Translation files that could not be read: `[locale, reason]`. */
  failures: [string, string][];
}

/**
 * The source hashes of a `.meta.json` sidecar (or a plain pointer → hash map); undefined when
 * the value is neither, or names another hash.
 */
export function hashesFromMeta(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const hasSources = Object.prototype.hasOwnProperty.call(value, 'sources');
  if (hasSources || own(value, 'hash') !== undefined) {
    if (own(value, 'hash') !== undefined && own(value, 'hash') !== HASH_ALGORITHM) return undefined;
    const sources = own(value, 'sources');
    if (sources !== undefined && !isObject(sources)) return undefined;
    value = sources ?? {};
  }
  const hashes: Record<string, string> = {};
  for (const [pointer, hash] of Object.entries(value as Record<string, unknown>))
    if (typeof hash === 'string') hashes[pointer] = hash;
  return hashes;
}

/** `x.json` → `x.meta.json` (the query and fragment dropped), as the command line names it. */
export function metaUrlFor(translationUrl: string): string {
  const url = new URL(translationUrl);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.endsWith('.json')
    ? `${url.pathname.slice(0, -'.json'.length)}.meta.json`
    : `${url.pathname}.meta.json`;
  return url.href;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return JSON.parse(await response.text()) as unknown;
}

/** A sidecar's hashes; none when it is missing or unreadable (as `translations status` does). */
async function readMeta(url: string): Promise<Record<string, string>> {
  try {
    return hashesFromMeta(await fetchJson(url)) ?? {};
  } catch {
    return {};
  }
}

/** Loads a definition from `src` (resolved against `base`), with its translations' hashes. */
export async function loadDefinition(src: string, base: string): Promise<LoadedDefinition> {
  const url = new URL(src, base).href;
  const definition = (await fetchJson(url)) as Json;
  if (!isObject(definition)) throw new Error('not a JSON object');
  const hashes: Record<string, Record<string, string>> = {};
  const external: Record<string, Record<string, string>> = {};
  const failures: [string, string][] = [];
  const translations = own(definition, 'translations');
  const id = own(definition, 'id');
  const entries = isObject(translations) ? Object.entries(translations) : [];
  await Promise.all(
    entries.map(async ([locale, entry]) => {
      if (typeof entry === 'string') {
        const fileUrl = new URL(entry, url).href;
        try {
          const table = await fetchJson(fileUrl);
          if (!isObject(table)) throw new Error('not a JSON object');
          external[locale] = Object.fromEntries(
            Object.entries(table).filter((e): e is [string, string] => typeof e[1] === 'string'),
          );
        } catch (error) {
          failures.push([locale, (error as Error).message]);
          return;
        }
        hashes[locale] = await readMeta(metaUrlFor(fileUrl));
      } else if (isObject(entry) && typeof id === 'string') {
        const sidecar = new URL(`translations/${id}.${locale}.meta.json`, url).href;
        hashes[locale] = await readMeta(sidecar);
      }
    }),
  );
  return { definition, url, hashes, external, failures };
}
