/**
 * What the two pages of one submission share, its page (detail.ts) and its print view
 * (print.ts): the reference from the address, loading the submission (a 404 says "not found",
 * for another team's reference as for an unknown one), and the page's frame: the links above,
 * the heading, an error, then the submission or a loading line.
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError, type Detail } from './api.js';
import { InboxView } from './view.js';

export class InboxSubmissionView extends InboxView {
  static override properties: PropertyDeclarations = {
    reference: {},
    detail: { state: true },
    error: { state: true },
  };

  declare reference: string;
  declare protected detail: Detail | null;
  declare protected error: string;

  constructor() {
    super();
    this.reference = '';
    this.detail = null;
    this.error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  /** The submission's API address, with `suffix` (`/notes`, `/unread`). */
  protected path(suffix = '') {
    return `/inbox/api/submissions/${encodeURIComponent(this.reference)}${suffix}`;
  }

  private async load() {
    this.announce(this.t.loading);
    try {
      this.detail = await this.api.get<Detail>(this.path());
      this.announce(this.t.submissionTitle(this.detail.reference));
    } catch (error) {
      this.error =
        error instanceof ApiError && error.status === 404
          ? this.t.notFound
          : this.describeError(error);
    }
  }

  /** The page: `top` (its links), the heading, an error, and `body` once the submission is here. */
  protected renderFrame(top: TemplateResult, body: (d: Detail) => TemplateResult) {
    const t = this.t;
    const d = this.detail;
    return html`
      ${top}
      <h1 tabindex="-1">${t.submissionTitle(d?.reference ?? this.reference)}</h1>
      ${this.error ? this.renderError(this.error) : nothing}
      ${d ? body(d) : this.error ? nothing : html`<p>${t.loading}</p>`}
    `;
  }
}
