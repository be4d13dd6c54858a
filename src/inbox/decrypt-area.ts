/**
 * `<inbox-decrypt>`: the "Decrypt" area of an encrypted submission's detail. The caseworker
 * imports the office's key file once (with its passphrase) into this browser, then opens the
 * submission here: decrypted with WebCrypto, validated against the form with the compiled,
 * eval-free definition the server serves for it (src/inbox-crypto/, docs/security.md), shown as
 * the staff summary of a plain submission is (German beside the person's language), and offered
 * as JSON and CSV downloads made in the browser. The key and the answers never go to the server.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { Detail } from './api.js';
import { formatSize, languageName } from './i18n.js';
import { listDecrypted, type DecryptedAnswers } from './decrypted-answers.js';
import { csvBlob, jsonBlob, recordOf, saveBlob } from './decrypted-export.js';
import { renderAnswers } from './submission-parts.js';
import { InboxView } from './view.js';
import type { OpenedSubmission } from '../inbox-crypto/index.js';
import type { FormDefinition } from '../model/types.js';

/** A file of the decrypted answers, offered for download by a blob URL. */
interface ShownFile {
  name: string;
  type: string;
  size: number;
  url: string;
}

export class InboxDecrypt extends InboxView {
  static override properties: PropertyDeclarations = {
    ...InboxView.properties,
    detail: { attribute: false },
    opened: { state: true },
    message: { state: true },
    failure: { state: true },
    busy: { state: true },
  };

  declare detail: Detail;
  declare private opened: OpenedSubmission | null;
  declare private message: string;
  declare private failure: string;
  declare private busy: boolean;
  #urls: string[] = [];
  /** The decrypted answers as listed, summarised and exported. */
  #answers: DecryptedAnswers | null = null;
  /** Their files (made once: files become blob URLs). */
  #files: ShownFile[] = [];

  constructor() {
    super();
    this.opened = null;
    this.message = '';
    this.failure = '';
    this.busy = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const url of this.#urls) URL.revokeObjectURL(url);
  }

  private get crypto() {
    return import('../inbox-crypto/index.js');
  }

  private async importKeys(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem('keyfile') as HTMLInputElement).files?.[0];
    const passphraseInput = form.elements.namedItem('passphrase') as HTMLInputElement;
    this.failure = '';
    this.message = '';
    if (!file || !passphraseInput.value) {
      this.failure = this.t.keyFileMissing;
      return;
    }
    this.busy = true;
    try {
      const { importKeyFile } = await this.crypto;
      const result = await importKeyFile(await file.text(), passphraseInput.value);
      this.message = [
        this.t.keysImported(result.imported.length),
        ...result.failed.map((f) => this.t.keyNotImported(f.kid, f.message)),
      ].join(' ');
      if (result.imported.length === 0) this.failure = this.message;
    } catch (error) {
      this.failure = (error as Error).message;
    } finally {
      // The passphrase is not kept, not even in the field.
      passphraseInput.value = '';
      this.busy = false;
    }
    this.announce(this.failure || this.message);
  }

  private async decrypt() {
    const encrypted = this.detail.encrypted as { jwe?: string } | null;
    if (!encrypted?.jwe) return;
    this.failure = '';
    this.busy = true;
    try {
      const [{ openSubmission }, compiled] = await Promise.all([
        this.crypto,
        // Same origin and eval-free: what the inbox's CSP allows (server/inbox/decrypt.js).
        import(
          /* @vite-ignore */ `/inbox/api/submissions/${encodeURIComponent(this.detail.reference)}/validator.js`
        ) as Promise<{ default: FormDefinition }>,
      ]);
      const opened = await openSubmission(encrypted.jwe, compiled.default, {
        formId: this.detail.formId,
        routing: this.detail.routing,
      });
      for (const url of this.#urls.splice(0)) URL.revokeObjectURL(url);
      this.#answers = listDecrypted(compiled.default, opened.data, opened.envelope.locale);
      this.#files = this.#answers.files.map((file) => {
        // Offered as octet-stream: a file from a submission is never opened by this page.
        const url = URL.createObjectURL(
          new Blob([file.bytes], { type: 'application/octet-stream' }),
        );
        this.#urls.push(url);
        return { name: file.name, type: file.type, size: file.size, url };
      });
      this.opened = opened;
      this.message = this.t.decrypted;
    } catch (error) {
      this.failure = this.t.decryptFailed((error as Error).message);
    } finally {
      this.busy = false;
    }
    this.announce(this.failure || this.message);
  }

  private async forget() {
    const { forgetKeys } = await this.crypto;
    await forgetKeys();
    this.opened = null;
    this.#answers = null;
    this.message = this.t.keysForgotten;
    this.announce(this.message);
  }

  override render() {
    const t = this.t;
    const kid = (this.detail?.encrypted as { kid?: string } | null)?.kid ?? '?';
    return html`<section aria-labelledby="decrypt-heading" class="decrypt">
      <h2 id="decrypt-heading">${t.decryptTitle}</h2>
      <p>${t.decryptIntro(kid)}</p>
      ${this.failure ? this.renderError(this.failure) : nothing}
      ${this.message && !this.failure ? html`<p class="notice" role="status">${this.message}</p>` : nothing}
      ${this.opened ? this.renderOpened(this.opened) : nothing}
      <p class="row">
        <button type="button" class="decrypt-button" ?disabled=${this.busy} @click=${this.decrypt}>
          ${t.decrypt}
        </button>
      </p>
      <form class="import" @submit=${this.importKeys}>
        <label for="keyfile">${t.keyFile}</label>
        <input id="keyfile" name="keyfile" type="file" accept=".json,application/json" />
        <label for="passphrase">${t.passphrase}</label>
        <input id="passphrase" name="passphrase" type="password" autocomplete="off" />
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t.importKey}</button>
      </form>
      <p><button type="button" class="secondary" @click=${this.forget}>${t.forgetKeys}</button></p>
    </section>`;
  }

  private renderOpened(opened: OpenedSubmission) {
    const t = this.t;
    const answers = this.#answers;
    if (!answers) return nothing;
    const locale = opened.envelope.locale;
    return html`
      <p>${t.decryptedLanguage(languageName(locale, this.locale))}</p>
      ${
        opened.problems.length === 0
          ? html`<p class="notice">${t.decryptValid}</p>`
          : html`<div class="error-summary" role="alert">
              <p>${t.decryptProblems}</p>
              <ul>
                ${opened.problems.map((p) => html`<li><code>${p.pointer || '/'}</code> ${p.keyword}</li>`)}
              </ul>
            </div>`
      }
      ${renderAnswers(
        // The same rendering as a plain submission's summary, from the decrypted answers.
        {
          ...this.detail,
          encrypted: null,
          locale,
          localeName: '',
          summary: answers.summary,
          original: answers.original,
        },
        t,
        this.locale,
      )}
      ${
        this.#files.length
          ? html`<h3 id="decrypted-files">${t.attachments}</h3>
              <ul aria-labelledby="decrypted-files">
                ${this.#files.map(
                  (f) =>
                    html`<li>
                      <a href=${f.url} download=${f.name}>${t.download(f.name)}</a>
                      (${f.type}, ${formatSize(f.size, this.locale)})
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <h3 id="decrypted-export">${t.decryptedExport}</h3>
      <p class="hint">${t.decryptedExportHint}</p>
      <p class="row">
        <button type="button" class="secondary" @click=${() => this.download('json')}>
          ${t.downloadDecrypted('JSON')}
        </button>
        <button type="button" class="secondary" @click=${() => this.download('csv')}>
          ${t.downloadDecrypted('CSV')}
        </button>
      </p>
    `;
  }

  /** The decrypted answers as a file made in this browser; the server sees no request. */
  private download(format: 'json' | 'csv') {
    if (!this.opened || !this.#answers) return;
    const record = recordOf(this.detail, this.#answers, this.opened.envelope.locale);
    const blob = format === 'json' ? jsonBlob([record]) : csvBlob([record]);
    saveBlob(blob, `${this.detail.reference}-entschluesselt.${format}`, this);
    this.announce(this.t.decryptedDownloaded(format.toUpperCase()));
  }
}

customElements.define('inbox-decrypt', InboxDecrypt);
