/**
 * Styles that arrive with a lazily loaded part of the library are added to the element's shadow
 * root then (as constructed style sheets: no `<style>` element, so a strict
 * Content-Security-Policy without `'unsafe-inline'` styles allows them).
 */
import type { Styles } from './css.js';

/** Adds `styles` to the shadow root's adopted style sheets, once. */
export function adoptStyles(root: Node, styles: Styles): void {
  const sheet = styles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
