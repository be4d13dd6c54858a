/** Runs axe-core on an element (its shadow root included) with the WCAG 2.x A/AA rules. */
import 'axe-core/axe.min.js';
import type { AxeResults } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options: unknown): Promise<AxeResults> };
  }
}

export async function axeViolations(element: Element): Promise<string[]> {
  const results = await window.axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
