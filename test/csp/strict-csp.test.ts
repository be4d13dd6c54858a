/**
 * The strictest page: /csp/index.html is served (test/csp/csp-page.js) with
 *   default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none';
 *   form-action 'self'; require-trusted-types-for 'script'; trusted-types lit-html
 * and runs dist/intake-elements.js with a compiled definition (dist/forms/, written by
 * scripts/compile-examples.js). Each test opens it in an iframe — the iframe's document gets the
 * policy from its own response — drives the form through the iframe, and reads the
 * securitypolicyviolation events that test/csp/page.js recorded there. Any violation fails.
 *
 * The last tests show that the detector works: the raw JSON definition (ajv's `new Function`,
 * refused as a Trusted Types sink), an innerHTML string, and `trusted-types 'none'` (Lit cannot
 * create its policy) each produce violations.
 */
import { expect } from '@open-wc/testing';
import type { IntakeForm } from '../../src/index.js';
import { KI_ANSWERS, SPRACHKURS_ANSWERS } from '../helpers/example-answers.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

interface CspWindow extends Window {
  __violations: Violation[];
  __events: { type: string; detail: Record<string, unknown> }[];
}

interface CspPage {
  frame: HTMLIFrameElement;
  win: CspWindow;
  form: IntakeForm;
  bucket: string;
}

let pages = 0;

/** Waits until `condition` holds (polling), or fails with `what`. */
async function until(condition: () => boolean, what: string, timeout = 15000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens the strict page in an iframe and waits for the form to be ready (or to fail). */
async function openPage(query: Record<string, string> = {}): Promise<CspPage> {
  pages += 1;
  const bucket = `csp-${Date.now()}-${pages}`;
  const frame = document.createElement('iframe');
  frame.title = 'strict CSP page';
  frame.width = '800';
  frame.height = '600';
  frame.src = `/csp/index.html?${new URLSearchParams({ bucket, ...query })}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as CspWindow;
  expect(win.__violations, 'test/csp/page.js ran').to.be.an('array');
  const form = win.document.querySelector('intake-form') as IntakeForm;
  return { frame, win, form, bucket };
}

async function whenSettled(page: CspPage): Promise<string> {
  await until(
    () => page.win.__events.some((e) => e.type === 'intake-ready' || e.type === 'intake-error'),
    'intake-ready or intake-error',
  );
  return page.win.__events.find((e) => e.type === 'intake-ready' || e.type === 'intake-error')!
    .type;
}

function noViolations(page: CspPage, when: string): void {
  expect(page.win.__violations, `violations ${when}`).to.deep.equal([]);
}

function shadow(page: CspPage): ShadowRoot {
  return page.form.shadowRoot!;
}

/** The text of the label of the control named `pointer`. */
function labelText(page: CspPage, pointer: string): string {
  const control = shadow(page).querySelector(`[name="${CSS.escape(pointer)}"]`);
  expect(control, `control ${pointer}`).to.exist;
  const label = shadow(page).querySelector(`label[for="${CSS.escape(control!.id)}"]`);
  return (label?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function setLocale(page: CspPage, locale: string): Promise<void> {
  page.form.setAttribute('locale', locale);
  await until(
    () => shadow(page).querySelector('form')?.getAttribute('lang') === locale,
    `the form in ${locale}`,
  );
  await page.form.updateComplete;
}

async function received(bucket: string): Promise<{ body: string }[]> {
  return (await fetch(`/test-api/${bucket}/requests`)).json();
}

before(async () => {
  for (const path of ['/dist/intake-elements.js', '/dist/forms/sprachkurs-anmeldung.js']) {
    const response = await fetch(path, { method: 'HEAD' });
    if (!response.ok)
      throw new Error(
        `${path} is missing: build first (npm run build, which runs scripts/compile-examples.js)`,
      );
  }
});

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  while (frames.length > 0) frames.pop()!.remove();
});

async function open(query: Record<string, string> = {}): Promise<CspPage> {
  const page = await openPage(query);
  frames.push(page.frame);
  return page;
}

describe('under the strictest Content-Security-Policy', () => {
  it('the page is served with the policy', async () => {
    const response = await fetch('/csp/index.html');
    expect(response.headers.get('content-security-policy')).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
    );
  });

  it('a compiled form renders, validates, switches language, walks its steps and submits with zero violations', async () => {
    const page = await open();
    expect(await whenSettled(page)).to.equal('intake-ready');
    await page.form.updateComplete;
    noViolations(page, 'while loading');

    // Rendered, styled (constructable style sheets are not subject to style-src).
    expect(shadow(page).querySelector('[name="/givenName"]')).to.exist;
    expect(labelText(page, '/givenName')).to.contain('Vorname');
    expect(shadow(page).adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(page.win.getComputedStyle(shadow(page).querySelector('form')!).display).to.equal(
      'block',
    );

    // Validates with the precompiled validators, and shows the errors.
    const empty = page.form.validate();
    await page.form.updateComplete;
    expect(empty.valid).to.equal(false);
    expect(empty.errors.map((e) => e.pointer)).to.include('/givenName');
    expect(shadow(page).querySelector('[aria-invalid="true"]')).to.exist;
    noViolations(page, 'after validate()');

    // Language: English (the definition's inline translations), then Arabic (a lazily loaded
    // chunk of UI strings, right to left).
    await setLocale(page, 'en');
    expect(labelText(page, '/givenName')).to.contain('First name');
    await setLocale(page, 'ar');
    expect(shadow(page).querySelector('form')!.getAttribute('dir')).to.equal('rtl');
    await until(
      () =>
        page.win.performance
          .getEntriesByType('resource')
          .some((entry) => /\/chunks\/ar-[^/]*\.js$/.test(entry.name)),
      'the Arabic chunk',
    );
    noViolations(page, 'after switching language');

    // The steps: prefilled, every "next" validates its step and moves on, then the review.
    page.form.value = SPRACHKURS_ANSWERS;
    await page.form.updateComplete;
    expect(page.form.steps.length).to.equal(5);
    for (let i = 0; i < 5; i++) {
      expect(page.form.step).to.equal(i);
      expect(await page.form.next(), `next() on step ${i}`).to.equal(true);
      await page.form.updateComplete;
    }
    expect(page.form.step).to.equal(-1);
    expect(page.win.__events.filter((e) => e.type === 'intake-step').length).to.be.at.least(5);
    noViolations(page, 'while walking the steps');

    // Submit to the test receiver (connect-src: 'self' by default-src), see the confirmation.
    const result = await page.form.submit();
    expect(result).to.deep.equal({ ok: true, status: 201, reference: 'T-0001' });
    await page.form.updateComplete;
    expect(shadow(page).querySelector('.confirmation')).to.exist;
    const [request] = await received(page.bucket);
    const envelope = JSON.parse(request.body);
    expect(envelope.form.id).to.equal('sprachkurs-anmeldung');
    expect(envelope.locale).to.equal('ar');
    expect(envelope.data.givenName).to.equal('Olena');
    noViolations(page, 'after submitting');
  });

  it('a compiled form loads its translation files next to the module, validates and submits in Arabic with zero violations', async () => {
    const page = await open({ src: '/dist/forms/ki-erstberatung.js' });
    page.form.setAttribute('locale', 'ar');
    expect(await whenSettled(page)).to.equal('intake-ready');
    const arabic = await (await fetch('/dist/forms/translations/ki-erstberatung.ar.json')).json();
    await until(
      () => labelText(page, '/email') === arabic['/schema/properties/email/title'],
      'the Arabic label from the translation file',
    );
    expect(page.form.validate().valid).to.equal(false);
    page.form.value = KI_ANSWERS;
    expect(page.form.validate()).to.deep.equal({ valid: true, errors: [] });
    const result = await page.form.submit();
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    expect(await received(page.bucket)).to.have.length(1);
    noViolations(page, 'in Arabic');
  });

  it('an encrypting form seals its answers with WebCrypto under the strict policy, with zero violations', async () => {
    const page = await open({ src: '/dist/forms/ki-erstberatung.js' });
    expect(await whenSettled(page)).to.equal('intake-ready');
    // The office's key, made here; the compiled definition given again with `encryption`.
    const pair = await crypto.subtle.generateKey(
      {
        name: 'RSA-OAEP',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['encrypt', 'decrypt'],
    );
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const compiled = (await import('/dist/forms/ki-erstberatung.js' as string)) as {
      default: Record<string, unknown>;
    };
    page.win.__events.length = 0;
    page.form.definition = {
      ...compiled.default,
      encryption: { key: { kty: 'RSA', n: jwk.n, e: jwk.e, kid: 'csp-1' } },
    } as never;
    await until(() => page.win.__events.some((e) => e.type === 'intake-ready'), 'ready again');
    page.form.value = KI_ANSWERS;
    const result = await page.form.submit();
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    const [request] = await received(page.bucket);
    const body = JSON.parse(request.body) as { encrypted: string; data?: unknown };
    expect(body.data).to.equal(undefined);
    expect(body.encrypted.split('.')).to.have.length(5);
    expect(request.body).not.to.contain('Haddad');
    noViolations(page, 'while encrypting');
  });

  describe('the violation detector', () => {
    it('sees the violation of a raw JSON definition (ajv compiles with new Function)', async () => {
      const page = await open({ src: '/schemas/sprachkurs-anmeldung.json' });
      expect(await whenSettled(page)).to.equal('intake-error');
      await until(() => page.win.__violations.length > 0, 'a violation');
      // With Trusted Types required, `new Function(string)` is refused as a sink first
      // (`require-trusted-types-for`, sample "Function|…"); without, by `script-src` ('eval').
      const evals = page.win.__violations.filter(
        (v) =>
          (v.directive === 'script-src' && v.blocked === 'eval') ||
          (v.directive === 'require-trusted-types-for' && v.sample.startsWith('Function|')),
      );
      expect(evals, JSON.stringify(page.win.__violations)).to.have.length.greaterThan(0);
      expect(evals[0].source).to.match(/\/dist\/chunks\/ajv-compiler-[^/]+\.js:/);
    });

    it('sees Trusted Types enforced: an innerHTML string is refused', async () => {
      const page = await open();
      expect(await whenSettled(page)).to.equal('intake-ready');
      const div = page.win.document.createElement('div');
      expect(() => {
        div.innerHTML = '<b>not trusted</b>';
      }).to.throw();
      await until(
        () => page.win.__violations.some((v) => v.directive === 'require-trusted-types-for'),
        'a require-trusted-types-for violation',
      );
      expect(page.win.__violations).to.have.length(1);
    });

    it('sees that Lit needs its "lit-html" policy: trusted-types \'none\' is violated', async () => {
      const page = await open({ tt: 'none' });
      await until(
        () => page.win.__violations.some((v) => v.directive === 'trusted-types'),
        'a trusted-types violation',
      );
      const refused = page.win.__violations.find((v) => v.directive === 'trusted-types')!;
      expect(refused.sample).to.contain('lit-html');
      // Lit cannot load without it: the element is never defined, nothing renders.
      expect(page.win.customElements.get('intake-form')).to.equal(undefined);
      expect(page.form.shadowRoot).to.equal(null);
    });
  });
});
