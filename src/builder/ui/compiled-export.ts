/**
 * "Export compiled module": the definition with every translation inline (files the builder read
 * for the translation table included) goes to the host page's `compileModule` function, which
 * runs the compile step (the demo asks the receiver's `/inbox/api/compile`), and the module it
 * returns is downloaded as `<id>.js`.
 */
import { isObject, own, type Json } from '../core/json.js';
import type { Strings_ } from '../i18n.js';

/** Turns a definition into the source of its compiled ES module; rejects with a message. */
export type CompileModule = (definition: Json) => Promise<string>;

interface ExportHost {
  readonly doc: Json;
  readonly external: Record<string, Record<string, string>>;
  readonly s: Strings_;
  announce(message: string): void;
  download(name: string, type: string, text: string): void;
}

/** The definition as the compile step needs it: translation files replaced by their texts. */
export function withInlineTranslations(
  doc: Json,
  external: Record<string, Record<string, string>>,
): Json {
  if (!isObject(doc)) return doc;
  const translations = own(doc, 'translations');
  if (!isObject(translations)) return doc;
  const inline: Record<string, Json> = {};
  for (const [locale, entry] of Object.entries(translations)) {
    inline[locale] = typeof entry === 'string' && external[locale] ? external[locale] : entry;
  }
  return { ...doc, translations: inline };
}

/** Runs the export; every outcome is said in the live region. */
export async function exportCompiled(host: ExportHost, compile: CompileModule): Promise<void> {
  const id = own(host.doc, 'id');
  host.announce(host.s.compiling);
  try {
    const source = await compile(withInlineTranslations(host.doc, host.external));
    host.download(
      `${typeof id === 'string' && id ? id : 'formular'}.js`,
      'text/javascript',
      source,
    );
    host.announce(host.s.compiled);
  } catch (error) {
    host.announce(host.s.compileFailed((error as Error)?.message ?? String(error)));
  }
}
