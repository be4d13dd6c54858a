/**
 * File upload: the chosen file becomes a data URL (`data:<type>;name=<name>;base64,…`), as in
 * react-jsonschema-form. Type (`ui:options.accept`) and size (`ui:options.maxSize`, bytes;
 * default 10 MB) are checked before anything is read, so an oversized file never enters memory.
 * A chunk of its own (see lazy-widgets.ts), loaded for forms that ask for files.
 */
import { fileOptions } from '../core/limits.js';
import { html } from 'lit/html.js';
import { css } from '../internal/css.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { fileTooLargeMessage, fileTypeMessage, formatBytes } from '../i18n/file-messages.js';
import { describeDataUrl } from '../model/data-url.js';
import type { WidgetContext } from './registry.js';
import { registerBuiltInWidget } from './registry.js';

/** Styles of file fields, added to the form when this chunk arrives. */
export const styles = css`
  .control.file {
    block-size: auto;
  }
  .control.file::file-selector-button {
    font: inherit;
    min-block-size: 2rem;
    margin-inline-end: var(--intake-space-s);
    padding-inline: var(--intake-space-s);
    color: var(--intake-color-accent);
    background: var(--intake-color-background);
    border: var(--intake-border-width) solid var(--intake-color-accent);
    border-radius: var(--intake-radius);
  }
  .files {
    margin-block: var(--intake-space-s);
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
`;

// The limits of a file field are read as the receiver reads them (src/core/limits.js), so that
// every file the form accepts also fits the receiver's body limit for the form.
export { DEFAULT_MAX_FILE_SIZE } from '../core/limits.js';

/** Whether a file matches an `accept` list (`.pdf`, `image/*`, `application/pdf`). */
export function accepts(file: File, accept: string | undefined): boolean {
  if (!accept) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) =>
      entry.startsWith('.')
        ? name.endsWith(entry)
        : entry.endsWith('/*')
          ? type.startsWith(entry.slice(0, -1))
          : type === entry,
    );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      // Put the file name into the data URL, so the receiver and the review can show it.
      resolve(
        result.replace(
          /^data:([^;,]*)/,
          (_m, type: string) =>
            `data:${type || 'application/octet-stream'};name=${encodeURIComponent(file.name)}`,
        ),
      );
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function renderFile(c: WidgetContext) {
  const multiple = c.field.kind === 'files';
  const current = (
    multiple
      ? Array.isArray(c.value)
        ? c.value
        : []
      : typeof c.value === 'string'
        ? [c.value]
        : []
  ).filter((v): v is string => typeof v === 'string');
  const { accept, maxSize } = fileOptions(c.field.ui);
  const remove = (index: number) => {
    if (multiple) c.setValue(current.filter((_v, i) => i !== index));
    else c.setValue(undefined);
    c.setLocalError(undefined);
  };
  const onChange = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    c.touch();
    if (files.length === 0) return;
    for (const file of files) {
      if (!accepts(file, accept)) {
        c.setLocalError(fileTypeMessage(file.name));
        input.value = '';
        return;
      }
      if (file.size > maxSize) {
        c.setLocalError(fileTooLargeMessage(file.name, formatBytes(maxSize, c.locale)));
        input.value = '';
        return;
      }
    }
    c.setLocalError(undefined);
    try {
      const reading = Promise.all(files.map(readAsDataUrl));
      c.reading(reading);
      const urls = await reading;
      c.setValue(multiple ? [...current, ...urls] : urls[0]);
    } catch {
      c.setLocalError(msg('The file could not be read. Please try again.'));
    }
    input.value = '';
  };
  return html`<input
      part="control"
      class="control file"
      id=${c.id}
      name=${c.name}
      type="file"
      accept=${ifDefined(accept)}
      ?multiple=${multiple}
      ?required=${c.required && current.length === 0}
      aria-required=${c.required ? 'true' : 'false'}
      aria-invalid=${c.invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(c.describedBy)}
      aria-errormessage=${ifDefined(c.errorId)}
      ?disabled=${c.disabled || c.readOnly}
      @change=${onChange}
    />
    <p class="hint file-limit">${msg(str`At most ${formatBytes(maxSize, c.locale)} per file.`)}</p>
    ${
      current.length > 0
        ? html`<ul class="files" part="file-list">
            ${current.map((url, i) => {
              const { name, size } = describeDataUrl(url);
              const shownName = name || msg('File');
              return html`<li>
                <span dir="auto">${shownName}</span> (${formatBytes(size, c.locale)})
                ${
                  c.disabled || c.readOnly
                    ? ''
                    : html`<button
                        type="button"
                        part="button remove-file"
                        class="link-button"
                        @click=${() => remove(i)}
                      >
                        ${msg('Remove')}<span class="visually-hidden"> ${shownName}</span>
                      </button>`
                }
              </li>`;
            })}
          </ul>`
        : ''
    }`;
}

registerBuiltInWidget('file', renderFile);
registerBuiltInWidget('files', renderFile);
