/**
 * Helpers of the accessibility tests: mounting the examples of stories/examples.ts (the list
 * Storybook shows), colours and contrast measured from computed styles, and the interactive
 * elements of a form as a person meets them.
 */
import { fixtureCleanup } from '@open-wc/testing';
import type { IntakeForm } from '../../src/index.js';
import {
  applyTheme,
  example,
  examples,
  mount,
  type Example,
  type ThemeName,
} from '../../stories/examples.js';

export { example, examples, type Example, type ThemeName };

/** Mounts an example in a fresh container on the page (removed by `cleanup`). */
export async function mountExample(
  ex: Example,
  options: { locale?: string; theme?: ThemeName } = {},
): Promise<IntakeForm> {
  const container = document.createElement('div');
  container.dataset.a11yFixture = '';
  document.body.append(container);
  return mount(container, ex, options);
}

/** Removes mounted examples and any theme. */
export async function cleanup(): Promise<void> {
  document.querySelectorAll('[data-a11y-fixture]').forEach((node) => node.remove());
  await applyTheme(undefined);
  document.documentElement.style.fontSize = '';
  fixtureCleanup();
}

// ---- colour ---------------------------------------------------------------------------------

export type Rgba = [number, number, number, number];

const probe = () => {
  let canvas = document.querySelector<HTMLCanvasElement>('canvas[data-colour-probe]');
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.dataset.colourProbe = '';
    canvas.width = 1;
    canvas.height = 1;
    canvas.hidden = true;
    document.body.append(canvas);
  }
  return canvas.getContext('2d', { willReadFrequently: true })!;
};

/**
 * Parses any CSS colour as computed styles give it (`rgb()`, `rgba()`, `color(srgb …)`,
 * `oklch()`, system colours …) by painting it on a 1×1 canvas.
 */
export function parseColour(css: string): Rgba {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(
    css.trim(),
  );
  if (match) {
    const alpha =
      match[4] === undefined
        ? 1
        : match[4].endsWith('%')
          ? parseFloat(match[4]) / 100
          : Number(match[4]);
    return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
  }
  const context = probe();
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000';
  context.fillStyle = css;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` painted over `bottom` (which is opaque). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [
    top[0] * a + bottom[0] * (1 - a),
    top[1] * a + bottom[1] * (1 - a),
    top[2] * a + bottom[2] * (1 - a),
    1,
  ];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export function formatColour([r, g, b]: Rgba): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The parent in the flat tree: through shadow roots to their hosts. */
export function flatParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The colour behind `element`: its own and its ancestors' backgrounds composited over the page's
 * canvas (white). Background images and gradients are not considered (the form has none).
 */
export function backgroundBehind(element: Element, includeSelf = true): Rgba {
  const layers: Rgba[] = [];
  for (
    let node: Element | null = includeSelf ? element : flatParent(element);
    node;
    node = flatParent(node)
  ) {
    const colour = parseColour(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  let result: Rgba = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = composite(layer, result);
  return result;
}

// ---- the form's elements ----------------------------------------------------------------------

/** Every element in `root` and the shadow roots below it. */
export function deepElements(root: ParentNode): Element[] {
  const result: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    result.push(el);
    if (el.shadowRoot) result.push(...deepElements(el.shadowRoot));
  }
  return result;
}

/** Whether an element is rendered and not hidden away for screen readers only. */
export function isShown(el: Element): boolean {
  if (el.closest('.visually-hidden')) return false;
  const box = el.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  return el.checkVisibility({
    checkOpacity: false,
    checkVisibilityCSS: true,
  } as CheckVisibilityOptions);
}

const INTERACTIVE =
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The visible interactive elements of a form (its targets, in the sense of WCAG 2.5.8). */
export function interactiveElements(form: Element): HTMLElement[] {
  return deepElements(form.shadowRoot!)
    .filter((el): el is HTMLElement => el instanceof HTMLElement && el.matches(INTERACTIVE))
    .filter(isShown);
}

/** The interactive elements that Tab stops at, in DOM order (one stop per radio group). */
export function tabStops(form: Element): HTMLElement[] {
  const seenGroups = new Set<string>();
  const stops: HTMLElement[] = [];
  const candidates = interactiveElements(form).filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0,
  );
  for (const el of candidates) {
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (seenGroups.has(el.name)) continue;
      seenGroups.add(el.name);
      const group = candidates.filter(
        (c): c is HTMLInputElement =>
          c instanceof HTMLInputElement && c.type === 'radio' && c.name === el.name,
      );
      stops.push(group.find((radio) => radio.checked) ?? group[0]);
      continue;
    }
    stops.push(el);
  }
  return stops;
}

/** A short name of an element for messages. */
export function describe(el: Element): string {
  const name = el.getAttribute('name');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const type = el.getAttribute('type');
  return `${el.localName}${type ? `[type=${type}]` : ''}${name ? `[name="${name}"]` : ''}${text ? ` "${text}"` : ''}`;
}

/** Waits for two frames, so that layout and focus styles are current. */
export async function frames(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
