/** `<inbox-missing>`: the page for an inbox URL that names no page. */
import { html } from 'lit';
import { InboxView } from './view.js';

export class InboxMissing extends InboxView {
  override render() {
    return html`<h1 tabindex="-1">${this.t.pageNotFound}</h1>
      <p><a href="/inbox/" @click=${this.followLink}>${this.t.backToList}</a></p>`;
  }
}

customElements.define('inbox-missing', InboxMissing);
