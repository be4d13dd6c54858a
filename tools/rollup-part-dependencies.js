// A Rollup plugin for the element's lazy parts (src/internal/lazy-parts.ts): writes into the main
// file, per lazily loaded module, the chunks that module imports in turn. Without it, the browser
// learns of those chunks only once the part itself has arrived and run, one round trip later
// (a request chain); with it, `LazyModule.load()` announces them with `<link rel="modulepreload">`
// at the moment it asks for the part, so a part and everything it imports arrive in one wave.
//
// The main file holds the string '__INTAKE_PART_DEPENDENCIES__' (src/internal/lazy-module.ts);
// this plugin puts the JSON text of a table in its place: { "<module file name, no extension>":
// ["chunks/<file>.js", …] } (the names must be unique among lazily loaded modules), paths relative to the main file. It runs in renderChunk, where chunk
// names still hold Rollup's hash placeholders; Rollup replaces them with the final names.
import path from 'node:path';

const TOKEN = /(['"])__INTAKE_PART_DEPENDENCIES__\1/;

export function partDependencies() {
  return {
    name: 'intake-part-dependencies',
    renderChunk(code, chunk, _options, meta) {
      if (!TOKEN.test(code)) return null;
      const byFile = meta.chunks;
      /** Every chunk `fileName` imports, directly or not, except the main file itself. */
      const importsOf = (fileName, seen = new Set()) => {
        for (const imported of byFile[fileName]?.imports ?? []) {
          if (imported === chunk.fileName || seen.has(imported)) continue;
          seen.add(imported);
          importsOf(imported, seen);
        }
        return seen;
      };
      /** @type {Record<string, string[]>} */
      const table = {};
      const names = new Set();
      for (const other of Object.values(byFile)) {
        if (other.isEntry || !other.facadeModuleId) continue;
        const key = path.basename(other.facadeModuleId).replace(/\.[cm]?[jt]s$/, '');
        if (names.has(key)) this.error(`two lazily loaded modules are named ${key}`);
        names.add(key);
        const dependencies = [...importsOf(other.fileName)];
        if (dependencies.length > 0) table[key] = dependencies;
      }
      return { code: code.replace(TOKEN, JSON.stringify(JSON.stringify(table))), map: null };
    },
  };
}
