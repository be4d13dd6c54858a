/**
 * While a submission is under way, "Send" is disabled: focus must not fall to the page's body.
 * It waits on a visible status that says, in the form's language, that the form is being sent,
 * and moves on to the confirmation when the office answered. The test receiver answers slowly
 * (`stall`), so the sending state lasts long enough to look at.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SchemaObject } from '../../src/index.js';
import { control, renderForm, root } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  properties: { name: { type: 'string', title: 'Name' } },
};

/** The focused element, followed into shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The focused element in words (chai would describe the elements themselves at length). */
function describeFocus(): string {
  const active = deepActiveElement();
  return active ? `${active.tagName.toLowerCase()}.${[...active.classList].join('.')}` : 'none';
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('focus while sending', () => {
  it('waits on a visible, announced "Wird gesendet…" status, then on the confirmation', async () => {
    const el = await renderForm({ id: 'slow', schema }, 'de');
    el.action = `/test-api/sending-focus-${Date.now()}/submit?stall=1500`;
    control(el, '/name').focus();
    await sendKeys({ type: 'Ada' });
    const send = root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    send.focus();
    await sendKeys({ press: 'Enter' });
    await tick(300);

    const status = root(el).querySelector<HTMLElement>('.sending');
    expect(status !== null, 'a sending status is shown').to.equal(true);
    expect(send.disabled).to.equal(true);
    expect(describeFocus()).to.equal('p.sending');
    expect(status!.getAttribute('role')).to.equal('status');
    expect(status!.textContent!.trim()).to.equal('Wird gesendet…');
    const box = status!.getBoundingClientRect();
    expect(box.width > 0 && box.height > 0, 'visible').to.equal(true);

    await new Promise((resolve) =>
      el.addEventListener('intake-submitted', resolve, { once: true }),
    );
    await el.updateComplete;
    expect(root(el).querySelector('.sending') === null, 'the status is gone').to.equal(true);
    expect(describeFocus()).to.equal('h2.confirmation-title');
  });

  it('gives focus back to "Send" when sending failed, not to the body', async () => {
    const el = await renderForm({ id: 'slow-fail', schema }, 'en');
    el.retryPolicy = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
    el.action = `/test-api/sending-focus-fail-${Date.now()}/submit?stall=500&status=400`;
    const send = root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    send.focus();
    await sendKeys({ press: 'Enter' });
    await tick(200);
    expect(root(el).querySelector('.sending')?.textContent?.trim()).to.equal('Sending…');
    expect(describeFocus()).to.equal('p.sending');
    await new Promise((resolve) => el.addEventListener('intake-error', resolve, { once: true }));
    await tick(100);
    expect(describeFocus()).to.equal('button.primary');
  });
});
