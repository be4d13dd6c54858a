/**
 * `selectOptions(...)`: the `<option>`s of a `<select>`, kept by one directive on the select
 * instead of a template per option. A country list has two hundred options and a form may have
 * many selects; as templates each option costs half a dozen bindings (value, language, selection,
 * text, its place in the list), as one directive they cost nothing between renders. The options
 * are built again only when their texts change (another language); on every render only their
 * selection is set.
 */
import { noChange, nothing } from 'lit/html.js';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { ShownText } from '../i18n/form-text.js';

/** What the directive shows. */
export interface SelectOptions {
  /** The first option, with the value `''` ("Please choose"); none for a multiple select. */
  placeholder?: string;
  /** The options' texts (their values are their positions: `"0"`, `"1"`, …). */
  labels: readonly ShownText[];
  /** Whether option `i` is selected now. */
  selected: (index: number) => boolean;
}

class SelectOptionsDirective extends Directive {
  private placeholder?: string;
  private labels?: readonly ShownText[];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('selectOptions() belongs on a <select>');
  }

  render(_options: SelectOptions) {
    return nothing;
  }

  override update(part: ElementPart, [options]: [SelectOptions]) {
    const select = part.element as HTMLSelectElement;
    if (!this.same(options)) {
      // Built with their selection: a new select needs no second pass over its options.
      const built: HTMLOptionElement[] = [];
      if (options.placeholder !== undefined) built.push(new Option(options.placeholder, ''));
      options.labels.forEach((label, i) => {
        const selected = options.selected(i);
        const option = new Option(label.text, String(i), false, selected);
        option.lang = label.lang;
        built.push(option);
      });
      select.replaceChildren(...built);
      this.placeholder = options.placeholder;
      this.labels = options.labels;
      return noChange;
    }
    const offset = options.placeholder === undefined ? 0 : 1;
    let any = false;
    for (let i = 0; i < options.labels.length; i++) {
      const selected = options.selected(i);
      any ||= selected;
      select.options[i + offset].selected = selected;
    }
    if (offset === 1) select.options[0].selected = !any;
    return noChange;
  }

  private same(options: SelectOptions): boolean {
    const before = this.labels;
    if (!before || options.placeholder !== this.placeholder) return false;
    if (before === options.labels) return true;
    return (
      before.length === options.labels.length &&
      before.every(
        (label, i) =>
          label.text === options.labels[i].text && label.lang === options.labels[i].lang,
      )
    );
  }
}

/** Keeps the options of the `<select>` it is written in (see the module's description). */
export const selectOptions = directive(SelectOptionsDirective);
