/**
 * The format checks a compiled module bundles: only those its validators look up, not all of
 * ajv-formats'. ajv writes regular-expression formats into the validators' code; function
 * formats (`date`, `date-time`, `uri`, …) it looks up by name in one module
 * (`intake-elements:formats`), whose source this file writes.
 *
 * ajv-formats is CommonJS, which a bundler cannot trim: its `fullFormats` object holds every
 * format. So its file is read as text and rewritten as an ES module that builds only the formats
 * asked for; esbuild then leaves out the helpers nothing uses. The rewrite relies on the layout
 * of ajv-formats 3 (pinned in package.json): where the file does not look as expected, the
 * whole of `fullFormats` is bundled as before, so the result is never wrong, only bigger.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { INTAKE_FORMATS } from './compile-ajv.js';

/**
 * The names of the formats standalone validator code looks up: `….formats.date`,
 * `….formats["date-time"]`.
 * @param {string} code
 * @returns {string[]}
 */
export function formatsUsedBy(code) {
  const names = new Set();
  for (const match of code.matchAll(/\)\.formats(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/g))
    names.add(match[1] ?? JSON.parse(match[2]));
  return [...names].sort();
}

/**
 * ajv-formats' `fullFormats` as an ES module that builds only `names`, or undefined where its
 * file is not laid out as this rewrite expects.
 * @param {string} source the text of ajv-formats/dist/formats.js
 * @param {string[]} names
 */
export function pickAjvFormats(source, names) {
  const full = /^exports\.fullFormats = \{\n([\s\S]*?)\n\};\n/m.exec(source);
  const fast = /^exports\.fastFormats = \{\n[\s\S]*?\n\};\n/m.exec(source);
  if (!full || !fast) return undefined;
  /** @type {Map<string, string>} each format's expression, by name */
  const entries = new Map();
  for (const line of full[1].split('\n')) {
    if (/^\s*(\/\/.*)?$/.test(line)) continue;
    const entry = /^ {4}("[^"\\]+"|[A-Za-z_$][\w$]*)(?:: (.+))?,$/.exec(line);
    if (!entry) return undefined;
    const name = entry[1].startsWith('"') ? JSON.parse(entry[1]) : entry[1];
    entries.set(name, entry[2] ?? entry[1]);
  }
  const helpers = source
    .replace(full[0], '')
    .replace(fast[0], '')
    .replace(/^"use strict";\n/m, '')
    .replace(/^Object\.defineProperty\(exports, "__esModule".*\n/m, '')
    .replace(/^exports\.[\w.= ]+ = void 0;\n/m, '')
    .replace(/^exports\.formatNames = .*\n/m, '')
    .replace(/^\/\/# sourceMappingURL=.*$/m, '');
  if (/\bexports\b|\brequire\(/.test(helpers)) return undefined;
  if (names.some((name) => !entries.has(name))) return undefined;
  const picked = names.map((name) => `${JSON.stringify(name)}: ${entries.get(name)}`);
  return `${helpers}\nexport const fullFormats = { ${picked.join(', ')} };\n`;
}

/**
 * The source of `intake-elements:formats` for validators that look up `names`: intake-elements'
 * own formats where they have the name, else ajv-formats'. `formats` imports those from
 * `pickedModule`, whose source is `picked` (see {@link pickAjvFormats}); where `picked` is
 * undefined the rewrite did not apply and `formats` imports the whole of ajv-formats.
 * @param {string[]} names
 * @param {string} pickedModule the module name under which `picked` is to be served
 * @returns {{ formats: string, picked: string | undefined }}
 */
export function formatsModuleSource(names, pickedModule) {
  const own = names.filter((name) => name in INTAKE_FORMATS);
  const theirs = names.filter((name) => !(name in INTAKE_FORMATS));
  const picked = pickAjvFormats(ajvFormatsText(), theirs);
  const from = picked ? pickedModule : 'ajv-formats/dist/formats.js';
  const ownEntries = own.map(
    (name) => `${JSON.stringify(name)}: ${String(INTAKE_FORMATS[/** @type {'time'} */ (name)])}`,
  );
  return {
    formats: `${theirs.length ? `import { fullFormats } from ${JSON.stringify(from)};\n` : ''}export const formats = { ${[
      ...theirs.map((name) => `${JSON.stringify(name)}: fullFormats[${JSON.stringify(name)}]`),
      ...ownEntries,
    ].join(', ')} };\n`,
    picked,
  };
}

const require = createRequire(import.meta.url);

/** The text of ajv-formats' formats file, resolved from this package. */
function ajvFormatsText() {
  return readFileSync(require.resolve('ajv-formats/dist/formats.js'), 'utf8');
}
