/**
 * `<inbox-delivery-hint>`: on the list page, a notice when deliveries of submissions the person
 * may see have failed (a case-management hand-off or a team's e-mail), with a link to the
 * deliveries page, so that a failing hand-off does not go unnoticed. Shows nothing otherwise,
 * nor when the count cannot be had (the list works without it).
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { DeliveryCounts } from './api.js';
import { deliveryStrings } from './deliveries-i18n.js';
import { InboxView } from './view.js';

export class InboxDeliveryHint extends InboxView {
  static override properties: PropertyDeclarations = {
    failed: { state: true },
  };

  declare private failed: number;

  constructor() {
    super();
    this.failed = 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.count();
  }

  private async count() {
    try {
      const counts = await this.api.get<DeliveryCounts>('/inbox/api/deliveries/count?state=failed');
      this.failed = counts.webhook + counts.email;
    } catch {
      this.failed = 0;
    }
  }

  override render() {
    if (this.failed === 0) return nothing;
    const d = deliveryStrings(this.locale);
    return html`<p class="notice">
      ${d.hint(this.failed)}
      <a href="/inbox/deliveries" @click=${this.followLink}>${d.hintLink}</a>
    </p>`;
  }
}

customElements.define('inbox-delivery-hint', InboxDeliveryHint);
