/**
 * The large-schema benchmark (issue 19; `npm run bench:large`, figures in docs/benchmarks.md):
 * for generated definitions up to the limit of controls, the longest main-thread task (Long Tasks
 * API) from setting the definition until every field is drawn, and the time to `intake-ready`.
 * Each definition is loaded `RUNS` times in a fresh element; the median and the worst are shown.
 * Not part of `npm test`: speed on a shared machine is measured, not asserted.
 */
import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/index.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { whenReady } from '../helpers/form.js';
import { chain, recursive, wide, type Generated } from '../helpers/large-schemas.js';

const RUNS = 5;

interface Run {
  /** Where the validators came from (`intake-ready`'s `validator`): compiled, or kept. */
  validator: string;
  ready: number;
  drawn: number;
  longest: number;
}

/**
 * Collects the garbage of earlier runs (the config starts Chromium with --expose-gc): a page that
 * loads one definition has none, and a collection landing in a run would be counted as its task.
 */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench:large needs Chromium started with --js-flags=--expose-gc');
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
}

async function once(generated: Generated, controls: number): Promise<Run> {
  await collectGarbage();
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const ready = whenReady(el).then((event) => event.detail.validator as string);
  const started = performance.now();
  el.definition = { id: 'large', lang: 'en', schema: generated.schema } as FormDefinition;
  const validator = await ready;
  const readyAfter = performance.now() - started;
  // Until every control is drawn (or five seconds passed), then let the observer report.
  const until = performance.now() + 5000;
  while (
    el.shadowRoot!.querySelectorAll('input, button.add').length < controls &&
    performance.now() < until
  )
    await new Promise((resolve) => setTimeout(resolve, 20));
  const drawnAfter = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  el.remove();
  return { validator, ready: readyAfter, drawn: drawnAfter, longest: Math.max(0, ...tasks) };
}

/** How many runs compiled the schema and how many used the validators kept by an earlier one. */
function origins(runs: Run[]): string {
  const count = (origin: string) => runs.filter((run) => run.validator === origin).length;
  return `${count('compiled')} compiled, ${count('cached')} kept`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('large definitions: longest task while loading', function () {
  this.timeout(600_000);
  // [definition, controls it shows when loaded]
  const cases: [Generated, number][] = [
    [wide(200), 200],
    [wide(1000), 1000],
    [wide(2500), 2500],
    [wide(4500), 4500],
    [chain(10, 2, 10), 1],
    [chain(10, 3, 2), 1],
    [recursive(100), 1],
  ];
  it('measures', async () => {
    const rows = [
      '| Definition | Potential fields | Validators (runs) | `intake-ready` (median) | All drawn (median) | Longest task (median) | Longest task (worst) |',
      '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
    ];
    for (const [generated, controls] of cases) {
      // One run to warm the compiler and the JIT, not counted.
      await once(generated, controls);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(generated, controls));
      rows.push(
        `| ${generated.name} | ${generated.potential} | ${origins(runs)} | ${Math.round(median(runs.map((r) => r.ready)))} ms | ${Math.round(median(runs.map((r) => r.drawn)))} ms | ${Math.round(median(runs.map((r) => r.longest)))} ms | ${Math.round(Math.max(...runs.map((r) => r.longest)))} ms |`,
      );
    }
    console.log(rows.join('\n'));
  });
});
