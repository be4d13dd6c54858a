import { expect, oneEvent } from '@open-wc/testing';
import type { SchemaObject } from '../../src/index.js';
import { control, errorText, renderForm, root } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email', title: 'Email' },
    note: { type: 'string', title: 'Note' },
  },
};

let bucketCount = 0;
function bucket(): string {
  bucketCount += 1;
  return `submit-${Date.now()}-${bucketCount}`;
}

async function requests(
  name: string,
): Promise<{ headers: Record<string, string>; body: string }[]> {
  return (await fetch(`/test-api/${name}/requests`)).json();
}

describe('submit', () => {
  it('posts the envelope with Idempotency-Key, Content-Language and extra headers, and reports the reference', async () => {
    const el = await renderForm({ id: 'contact', version: '2026-11-01', schema }, 'de');
    const name = bucket();
    el.action = `/test-api/${name}/submit`;
    el.headers = { 'X-CSRF-Token': 'abc' };
    el.value = { email: 'amal@example.org' };
    const submitted = oneEvent(el, 'intake-submitted');
    const result = await el.submit();
    expect(result).to.deep.equal({ ok: true, status: 201, reference: 'T-0001' });
    const event = await submitted;
    expect(event.detail.reference).to.equal('T-0001');
    const [request] = await requests(name);
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.headers['content-language']).to.equal('de');
    expect(request.headers['x-csrf-token']).to.equal('abc');
    expect(request.headers['idempotency-key']).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const envelope = JSON.parse(request.body);
    expect(envelope.form).to.deep.equal({ id: 'contact', version: '2026-11-01' });
    expect(envelope.locale).to.equal('de');
    expect(envelope.data).to.deep.equal({ email: 'amal@example.org' });
    expect(Date.parse(envelope.submittedAt)).to.be.closeTo(Date.now(), 60_000);
  });

  it('one click, one submission: a second submit() while sending returns the same promise', async () => {
    const el = await renderForm({ schema });
    const name = bucket();
    el.action = `/test-api/${name}/submit`;
    el.value = { email: 'a@b.de' };
    const first = el.submit();
    const second = el.submit();
    expect(second).to.equal(first);
    await el.updateComplete;
    expect(root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).to.equal(
      true,
    );
    await first;
    expect(await requests(name)).to.have.length(1);
    // Accepted: the confirmation replaces the form, takes focus and shows the reference.
    await el.updateComplete;
    const title = root(el).querySelector<HTMLElement>('.confirmation-title')!;
    expect(el.shadowRoot!.activeElement).to.equal(title);
    expect(root(el).querySelector('.reference')!.textContent).to.equal('T-0001');
    expect(root(el).querySelector('form')).to.equal(null);
  });

  it('shows problem+json field errors on their fields and in the summary, without retrying', async () => {
    const el = await renderForm({ schema });
    const name = bucket();
    el.action = `/test-api/${name}/submit?status=422`;
    el.value = { email: 'a@b.de' };
    const error = oneEvent(el, 'intake-error');
    const result = await el.submit();
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.reason).to.equal('rejected');
    expect((await error).detail.type).to.equal('server');
    await el.updateComplete;
    expect(errorText(el, '/email')).to.equal('Error: This address is blocked.');
    const links = [...root(el).querySelectorAll('.error-summary a')].map((a) =>
      a.textContent!.trim(),
    );
    expect(links).to.deep.equal(['Email: This address is blocked.', 'Server-only rule failed.']);
    expect(await requests(name)).to.have.length(1);
    // Editing the field clears the server's message for it.
    control(el, '/email').value = 'b@c.de';
    control(el, '/email').dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(errorText(el, '/email')).to.equal(undefined);
  });

  it('reports a refusal the server gives for good (403) as an intake-error, keeping the data', async () => {
    const el = await renderForm({ schema });
    const name = bucket();
    el.action = `/test-api/${name}/submit?status=403`;
    el.value = { email: 'a@b.de', note: 'Bitte rufen Sie mich an.' };
    const error = oneEvent(el, 'intake-error');
    const result = await el.submit();
    expect(result).to.deep.equal({ ok: false, reason: 'failed' });
    expect((await error).detail.type).to.equal('server');
    expect(el.value).to.deep.equal({ email: 'a@b.de', note: 'Bitte rufen Sie mich an.' });
    // Not worth retrying: one request only.
    expect(await requests(name)).to.have.length(1);
  });

  it('lets the host send the data itself by cancelling intake-submit', async () => {
    const el = await renderForm({ id: 'host', schema });
    const name = bucket();
    el.action = `/test-api/${name}/submit`;
    el.value = { email: 'a@b.de' };
    let envelope: unknown;
    el.addEventListener('intake-submit', (event) => {
      event.preventDefault();
      envelope = (event as CustomEvent).detail.envelope;
    });
    const result = await el.submit();
    expect(result.ok).to.equal(true);
    expect((envelope as { data: unknown }).data).to.deep.equal({ email: 'a@b.de' });
    expect(await requests(name)).to.have.length(0);
  });

  it('without action and without a handler, submitting is an error event, not a silent no-op', async () => {
    const el = await renderForm({ schema });
    el.value = { email: 'a@b.de' };
    const error = oneEvent(el, 'intake-error');
    const result = await el.submit();
    expect(result.ok).to.equal(false);
    expect((await error).detail.message).to.equal('This form has no address to send it to.');
  });

  it('submits when the person presses the send button', async () => {
    const el = await renderForm({ schema });
    const name = bucket();
    el.action = `/test-api/${name}/submit`;
    el.value = { email: 'a@b.de' };
    const submitted = oneEvent(el, 'intake-submitted');
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await submitted;
    expect(await requests(name)).to.have.length(1);
  });
});
