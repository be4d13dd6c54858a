/**
 * `css`: styles as a constructed style sheet, adopted by shadow roots (no `<style>` element, so a
 * strict Content-Security-Policy without `'unsafe-inline'` styles allows them). Written as a
 * tagged template like Lit's `css`, which the build's template minifier minifies alike.
 *
 * Lit's own (`@lit/reactive-element/css-tag.js`) also interpolates other style results and
 * `unsafeCSS`, and falls back to `<style>` elements where constructed style sheets are missing;
 * the library needs neither (every browser it supports has them), and the main file has a size
 * budget (docs/benchmarks.md).
 */

/** Styles ready to adopt. */
export interface Styles {
  /** The CSS text. */
  readonly cssText: string;
  /** The style sheet, made on first use. */
  readonly styleSheet: CSSStyleSheet;
}

/** Styles from a template literal without interpolations. */
export function css(strings: TemplateStringsArray): Styles {
  const cssText = strings.join('');
  let sheet: CSSStyleSheet | undefined;
  return {
    cssText,
    get styleSheet() {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(cssText);
      }
      return sheet;
    },
  };
}
