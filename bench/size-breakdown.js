// Which sources the bytes of a built file come from, read from its source map: every minified byte
// is attributed to the source the map says it came from, grouped by package (node_modules) or by
// file (the project's own sources). Run alone:
//   node bench/size-breakdown.js [dist/file.js] [--folders] [--without=group,group]
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
export function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Where a source belongs: a package under node_modules, else the project path. */
export function groupOf(source) {
  const normalized = source.replace(/\\/g, '/');
  const at = normalized.lastIndexOf('node_modules/');
  if (at !== -1) {
    const parts = normalized.slice(at + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = normalized.lastIndexOf('src/');
  return src === -1 ? normalized.replace(/^(\.\.\/)+/, '') : normalized.slice(src);
}

/**
 * The bytes of `file` per group, with each group's share of the gzipped file: `gzipAlone` is its
 * bytes gzipped by themselves, `gzipSaved` what the whole file's gzip size would drop by without
 * them (the better estimate of what removing or deferring that code buys).
 */
export function sizeBreakdown(file, group = groupOf) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const pieces = new Map();
  const add = (name, text) => {
    if (!pieces.has(name)) pieces.set(name, []);
    pieces.get(name).push(text);
  };
  let source = 0;
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    const segments = [];
    for (const segment of lineMappings.split(',')) {
      if (!segment) continue;
      const values = decodeSegment(segment);
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        segments.push({ column, source });
      } else {
        segments.push({ column, source: -1 });
      }
      // Line and column of the source are not needed, but the deltas must still be consumed.
    }
    if (segments.length === 0 || segments[0].column > 0)
      add('(unmapped)', line.slice(0, segments[0]?.column ?? line.length));
    segments.forEach((segment, i) => {
      const end = i + 1 < segments.length ? segments[i + 1].column : line.length;
      const name = segment.source === -1 ? '(unmapped)' : group(map.sources[segment.source]);
      add(name, line.slice(segment.column, end));
    });
    if (lineIndex < lines.length - 1) add('(unmapped)', '\n');
  });
  // Lines past the mappings (rare) count as unmapped.
  lines.slice(map.mappings.split(';').length).forEach((line) => add('(unmapped)', `${line}\n`));

  const total = Buffer.byteLength(code);
  const totalGzip = gzipSync(code).length;
  const rows = [...pieces].map(([name, texts]) => {
    const text = texts.join('');
    const others = [...pieces]
      .filter(([other]) => other !== name)
      .map(([, t]) => t.join(''))
      .join('');
    return {
      group: name,
      bytes: Buffer.byteLength(text),
      gzipAlone: gzipSync(text).length,
      gzipSaved: totalGzip - gzipSync(others).length,
    };
  });
  rows.sort((a, b) => b.bytes - a.bytes);
  /** The gzip size of the file without the groups `drop` accepts (what moving them out buys). */
  const gzipWithout = (drop) =>
    gzipSync(
      [...pieces]
        .filter(([name]) => !drop(name))
        .map(([, t]) => t.join(''))
        .join(''),
    ).length;
  return { file, bytes: total, gzip: totalGzip, rows, gzipWithout };
}

/** Groups the project's own sources by folder (src/widgets, src/model, …) instead of by file. */
export function byFolder(source) {
  const name = groupOf(source);
  if (!name.startsWith('src/')) return name;
  const parts = name.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : name;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const folders = args.includes('--folders');
  // --without=src/submit/drafts.ts,idb-keyval: the gzip size left if those groups moved out.
  const without = args
    .find((a) => a.startsWith('--without='))
    ?.slice('--without='.length)
    .split(',');
  const file = path.resolve(
    root,
    args.find((a) => !a.startsWith('--')) ?? 'dist/intake-elements.js',
  );
  const result = sizeBreakdown(file, folders ? byFolder : groupOf);
  const kib = (n) => (n / 1024).toFixed(2);
  console.log(
    `${path.relative(root, file)}: ${kib(result.bytes)} KiB min, ${kib(result.gzip)} KiB gzip`,
  );
  console.log('group\tmin KiB\tgzip alone KiB\tgzip saved if removed KiB');
  for (const row of result.rows)
    console.log(`${row.group}\t${kib(row.bytes)}\t${kib(row.gzipAlone)}\t${kib(row.gzipSaved)}`);
  if (without) {
    const left = result.gzipWithout((name) => without.some((w) => name.startsWith(w)));
    console.log(
      `without ${without.join(', ')}: ${kib(left)} KiB gzip (${kib(result.gzip - left)} KiB less)`,
    );
  }
}
