/**
 * `<inbox-sign-in>`: name and password, the TOTP code when the server asks for it
 * (`…:totp-required`), and a link to the organisation's identity provider when the server has
 * one (GET /inbox/api/config). Errors are listed in an error summary that takes the focus, each
 * linking to its field; a lock-out says how long to wait.
 */
import { html, nothing } from 'lit';
import { ApiError, type InboxConfig, type Me } from './api.js';
import { InboxView } from './view.js';

type Field = 'name' | 'password' | 'code';

export class InboxSignIn extends InboxView {
  static override properties = {
    notice: {},
    config: { attribute: false },
    errors: { state: true },
    needsCode: { state: true },
    busy: { state: true },
  };

  /** A message from before (session ended, signed out), shown above the form. */
  declare notice: string;
  declare config: InboxConfig | null;
  declare private errors: { field: Field; text: string }[];
  declare private needsCode: boolean;
  declare private busy: boolean;

  constructor() {
    super();
    this.notice = '';
    this.config = null;
    this.errors = [];
    this.needsCode = false;
    this.busy = false;
  }

  override render() {
    const t = this.t;
    const local = this.config?.local !== false;
    const oidc = this.config?.oidc;
    return html`
      <h1 tabindex="-1">${t.signInTitle}</h1>
      ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      ${this.renderErrorSummary()}
      ${
        local
          ? html`<form novalidate @submit=${this.submit}>
              ${this.renderField('name', t.name, 'text', 'username')}
              ${this.renderField('password', t.password, 'password', 'current-password')}
              ${
                this.needsCode
                  ? this.renderField('code', t.code, 'text', 'one-time-code', t.codeHint)
                  : nothing
              }
              <p><button type="submit" ?disabled=${this.busy}>${t.signIn}</button></p>
            </form>`
          : nothing
      }
      ${
        oidc
          ? html`<p>${local ? t.orOidc : nothing}</p>
              <p>
                <a class="button secondary" href="/inbox/oidc/start">${t.signInWith(oidc.label)}</a>
              </p>`
          : nothing
      }
    `;
  }

  private renderField(
    field: Field,
    label: string,
    type: string,
    autocomplete: string,
    hint?: string,
  ) {
    const error = this.errors.find((e) => e.field === field);
    const described = [hint ? `${field}-hint` : '', error ? `${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <label for=${field}>${label}</label>
      ${hint ? html`<span class="hint" id="${field}-hint">${hint}</span>` : nothing}
      ${error ? html`<span class="field-error" id="${field}-error">${error.text}</span>` : nothing}
      <input
        id=${field}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        inputmode=${field === 'code' ? 'numeric' : nothing}
        spellcheck="false"
        autocapitalize="none"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        required
      />
    `;
  }

  private renderErrorSummary() {
    if (this.errors.length === 0) return nothing;
    return html`<div class="error-summary" tabindex="-1" aria-labelledby="error-heading">
      <h2 id="error-heading">${this.t.errorSummary}</h2>
      <ul>
        ${this.errors.map(
          (e) =>
            html`<li>
              <a href="#${e.field}" @click=${(event: Event) => this.focusField(event, e.field)}
                >${e.text}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private focusField(event: Event, field: Field) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLInputElement>(`#${field}`)?.focus();
  }

  private async showErrors(errors: { field: Field; text: string }[]) {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  private async submit(event: Event) {
    event.preventDefault();
    const t = this.t;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const code = String(data.get('code') ?? '').replace(/\s/g, '');
    const missing: { field: Field; text: string }[] = [];
    if (!name) missing.push({ field: 'name', text: t.nameMissing });
    if (!password) missing.push({ field: 'password', text: t.passwordMissing });
    if (this.needsCode && !code) missing.push({ field: 'code', text: t.codeMissing });
    if (missing.length) return this.showErrors(missing);

    this.busy = true;
    this.announce(t.loading);
    try {
      const me = await this.api.request<Me>('POST', '/inbox/api/session', {
        name,
        password,
        ...(this.needsCode && { code }),
      });
      this.errors = [];
      // The password never stays in the page once it has done its work.
      form.reset();
      this.dispatchEvent(
        new CustomEvent('inbox-signed-in', { detail: me, bubbles: true, composed: true }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.is('totp-required')) {
        const first = !this.needsCode;
        this.needsCode = true;
        await this.updateComplete;
        if (first) {
          this.errors = [];
          this.announce(t.codeNeeded);
          this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
        } else {
          await this.showErrors([{ field: 'code', text: t.codeNeeded }]);
        }
      } else if (error instanceof ApiError && (error.is('locked') || error.status === 429)) {
        const seconds = error.retryAfter ?? 60;
        const wait = seconds >= 90 ? t.minutes(Math.ceil(seconds / 60)) : t.seconds(seconds);
        await this.showErrors([{ field: 'name', text: t.locked(wait) }]);
      } else if (error instanceof ApiError && error.status === 401) {
        await this.showErrors([{ field: 'password', text: t.signInFailed }]);
      } else {
        await this.showErrors([{ field: 'name', text: this.describeError(error) }]);
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('inbox-sign-in', InboxSignIn);
