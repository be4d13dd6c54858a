// The numbers a run reports: file sizes (minified, gzip, brotli), medians and percentiles, and
// the summary of one contender's samples at one N.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** Minified, gzip (zlib's default level 6) and brotli (quality 11) bytes of one file. */
export function fileSizes(file) {
  const bytes = readFileSync(file);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes).length,
    brotli: brotliCompressSync(bytes).length,
  };
}

/** The sizes of several files added up. */
export function sumSizes(list) {
  return list.reduce(
    (sum, s) => ({ min: sum.min + s.min, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }),
    { min: 0, gzip: 0, brotli: 0 },
  );
}

// ---- statistics ----------------------------------------------------------------------------

export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Medians, 95th percentiles and checks over the samples of one contender at one N. */
export function summarize(samples) {
  const pick = (f) => samples.map(f);
  const keys = samples.flatMap((s) => s.keystrokes.slice(1));
  const first = pick((s) => s.keystrokes[0]);
  return {
    runs: samples.length,
    render: {
      call: median(pick((s) => s.render.call)),
      controls: median(pick((s) => s.render.controls)),
      controlsP95: percentile(
        pick((s) => s.render.controls),
        95,
      ),
      // Older results (before 5 December 2026) have no first screen.
      firstScreen: median(pick((s) => s.render.firstScreen ?? NaN)),
      paint: median(pick((s) => s.render.paint)),
      cpu: median(pick((s) => s.render.cpu)),
      cpuPaint: median(pick((s) => s.render.cpuPaint)),
    },
    keystroke: {
      samples: keys.length,
      jsMedian: median(keys.map((k) => k.js)),
      jsP95: percentile(
        keys.map((k) => k.js),
        95,
      ),
      paintMedian: median(keys.map((k) => k.paint)),
      paintP95: percentile(
        keys.map((k) => k.paint),
        95,
      ),
      cpuMedian: median(keys.map((k) => k.cpuPaint)),
      cpuP95: percentile(
        keys.map((k) => k.cpuPaint),
        95,
      ),
    },
    firstKeystroke: {
      js: median(first.map((k) => k.js)),
      paint: median(first.map((k) => k.paint)),
      cpu: median(first.map((k) => k.cpuPaint)),
    },
    heap: median(pick((s) => s.heap)),
    checks: {
      valueInState: samples.every((s) => s.checks.valueInState),
      valueInControl: samples.every((s) => s.checks.valueInControl),
      timeouts: keys.filter((k) => k.timeout).length,
    },
  };
}
