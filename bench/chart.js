// docs/benchmarks.svg: one row per target, one bar per N, each bar the measured ratio divided by
// the target's limit, so that the dashed line at 1 is the target for every row: a bar that ends
// left of it meets its target.
import { evaluateTargets } from './targets.js';

const WIDTH = 920;
const LEFT = 380;
const RIGHT = 110;
const BAR = 12;
const GAP = 3;
const ROW_GAP = 14;
const TOP = 66;
const COLORS = ['#9ecae1', '#4292c6', '#08519c'];

function escape(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderChart(results) {
  const ns = results.options.n;
  const perN = ns.map((n) => evaluateTargets(results.summary, results.distSize, n));
  const rows = perN[0].map((first, i) => ({
    label: first.label.replace(/ \(N=\d+\)$/, ''),
    limit: first.limit,
    // The size does not depend on N: one bar.
    bars:
      first.id === 'size'
        ? [{ n: null, value: first.value }]
        : perN.map((t, j) => ({ n: ns[j], value: t[i].value })),
  }));
  const scaleMax = Math.max(
    2,
    Math.min(
      6,
      Math.ceil(Math.max(...rows.flatMap((r) => r.bars.map((b) => (b.value || 0) / r.limit)))),
    ),
  );
  const plot = WIDTH - LEFT - RIGHT;
  const x = (v) => Math.round((LEFT + (Math.min(v, scaleMax) / scaleMax) * plot) * 10) / 10;
  let y = TOP;
  const parts = [];
  for (const row of rows) {
    const height = row.bars.length * (BAR + GAP) - GAP;
    parts.push(
      `<text x="${LEFT - 10}" y="${y + height / 2 + 4}" text-anchor="end">${escape(row.label)} ≤ ${row.limit}×</text>`,
    );
    row.bars.forEach((bar, i) => {
      const relative = bar.value / row.limit;
      const by = y + i * (BAR + GAP);
      if (!Number.isFinite(relative)) {
        parts.push(`<text x="${LEFT + 4}" y="${by + BAR - 2}" class="small">not measured</text>`);
        return;
      }
      const fill = relative <= 1 ? COLORS[i % COLORS.length] : '#cb181d';
      const w = Math.max(1, x(relative) - LEFT);
      parts.push(
        `<rect x="${LEFT}" y="${by}" width="${w.toFixed(1)}" height="${BAR}" fill="${fill}"><title>${bar.n ? `N=${bar.n}: ` : ''}${bar.value.toFixed(2)}× (limit ${row.limit}×)</title></rect>`,
      );
      const overflow = relative > scaleMax ? ' ▸' : '';
      parts.push(
        `<text x="${(LEFT + w + 4).toFixed(1)}" y="${by + BAR - 2}" class="small">${bar.n ? `N=${bar.n} ` : ''}${bar.value.toFixed(2)}×${overflow}</text>`,
      );
    });
    y += height + ROW_GAP;
  }
  const bottom = y;
  const ticks = [];
  for (let t = 0; t <= scaleMax; t += 1) {
    ticks.push(
      `<line x1="${x(t)}" y1="${TOP - 6}" x2="${x(t)}" y2="${bottom - ROW_GAP + 6}" stroke="${t === 1 ? '#000' : '#ddd'}"${t === 1 ? ' stroke-dasharray="4 3"' : ''}/>`,
      `<text x="${x(t)}" y="${bottom + 8}" text-anchor="middle" class="small">${t === 1 ? 'target' : `${t}×`}</text>`,
    );
  }
  const height = bottom + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="title desc">
<title id="title">intake-elements against the issue's targets</title>
<desc id="desc">Each bar is a measured ratio divided by its target's limit; bars left of the dashed line meet their target. ${escape(results.date.slice(0, 10))}.</desc>
<style>.small { font-size: 10px; fill: #333; }</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="20" font-size="14" font-weight="bold">intake-elements: measured ratio ÷ target limit (${escape(results.date.slice(0, 10))})</text>
<text x="10" y="36" class="small">Bars: N = ${ns.join(', ')} fields (light to dark); red: target missed. Ratios against react-jsonschema-form 6</text>
<text x="10" y="48" class="small">and a plain Lit template, measured side by side in one run (wall-clock time; see docs/benchmarks.md).</text>
${ticks.join('\n')}
${parts.join('\n')}
</svg>
`;
}
