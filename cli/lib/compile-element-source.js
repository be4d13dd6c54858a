/**
 * Test support (not used by the commands): loads the element's own TypeScript modules
 * (src/model, src/validation) into Node, bundled by esbuild, so that the tests can check that the
 * command line judges definitions and data exactly as the element does. Needs the repository
 * (of src/ only the plain JavaScript of src/core/ is published) and esbuild.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @typedef {object} ElementSource
 * @property {(candidate: unknown) => any} checkDefinition src/model/load-definition.ts
 * @property {new (root: any, refs?: Record<string, string>) => object} SchemaResolver src/model/schema-resolver.ts
 * @property {(schema: unknown) => Record<string, string>} referenceTable src/core/schema-references.js
 * @property {(definition: object) => void} checkDefinitionLimits src/model/definition-limits.ts
 * @property {(resolver: object) => any} checkReferences src/model/check-references.ts
 * @property {(schema: any) => string} detectDialect src/validation/dialect.ts
 * @property {(schema: any) => Validator} compileSchema src/validation/ajv-compiler.ts (the runtime
 *   compiler)
 * @property {(definition: any) => Validator} precompiledValidator src/validation/precompiled.ts
 * @property {(definition: unknown) => boolean} isCompiledDefinition src/validation/precompiled.ts
 * @property {(...lists: any[][]) => any[]} mergeErrors src/core/normalize-errors.js
 */

/**
 * @typedef {object} Validator src/validation/validator.ts `FormValidator`
 * @property {(value: unknown) => any[]} validate
 * @property {(location: string, data: unknown) => boolean} matches
 * @property {{ properties: ReadonlySet<string>, shell(value: unknown): any[], property(name: string, value: unknown): any[] }} [split]
 */

/** @type {Promise<ElementSource> | undefined} */
let loading;

/** @returns {Promise<ElementSource>} */
export function loadElementSource() {
  loading ??= (async () => {
    const { build } = await import('esbuild');
    const entry = `
      export { checkDefinition } from './src/model/load-definition.ts';
      export { SchemaResolver } from './src/model/schema-resolver.ts';
      export { checkDefinitionLimits, checkReferences, referenceTable } from './src/internal/chunks/raw-definition-checks.ts';
      export { detectDialect } from './src/validation/dialect.ts';
      export { compileSchema } from './src/validation/ajv-compiler.ts';
      export { isCompiledDefinition } from './src/validation/precompiled.ts';
      import { precompiledValidator as withNoise } from './src/validation/precompiled.ts';
      import { alternativeNoise } from './src/core/alternative-noise.js';
      // As the element builds it for a schema with alternatives (for one without, the filter
      // finds nothing).
      export const precompiledValidator = (definition) => withNoise(definition, alternativeNoise);
      export { mergeErrors } from './src/core/normalize-errors.js';
    `;
    const result = await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'element-source.ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // ajv is CommonJS: give the bundle a `require` for its Node built-ins, if any.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'intake-element-source-'));
    const file = join(dir, 'element-source.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    try {
      return /** @type {ElementSource} */ (await import(pathToFileURL(file).href));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return loading;
}
