/**
 * Containment: whatever a definition or a value makes the form's own code throw after loading
 * (here: ajv overflowing its stack while validating a `$dynamicRef` with
 * `unevaluatedProperties`) becomes the definition error in the form's place and an
 * `intake-error`; the host page never sees an uncaught error.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { IntakeForm } from '../../src/index.js';
import { renderForm, root, typeInto } from '../helpers/form.js';

const DYNAMIC_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://example.com/unevaluated-properties-with-dynamic-ref/derived',
  $ref: './baseSchema',
  $defs: {
    derived: { $dynamicAnchor: 'addons', properties: { bar: { type: 'string' } } },
    baseSchema: {
      $id: './baseSchema',
      unevaluatedProperties: false,
      properties: { foo: { type: 'string', title: 'Foo' } },
      $dynamicRef: '#addons',
      $defs: { defaultAddons: { $dynamicAnchor: 'addons' } },
    },
  },
};

/** Collects what reaches the host page: uncaught errors and unhandled rejections. */
function pageErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    errors.push(event.error ?? event.message);
    event.preventDefault();
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    errors.push(event.reason);
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

function nextError(el: IntakeForm): Promise<CustomEvent> {
  return new Promise((resolve) =>
    el.addEventListener('intake-error', (e) => resolve(e as CustomEvent), { once: true }),
  );
}

describe('containment after loading', () => {
  it('validate() on a value ajv overflows on: a definition error, not an uncaught error', async () => {
    const watch = pageErrors();
    try {
      const el = await renderForm({ schema: DYNAMIC_SCHEMA });
      el.value = { foo: 'foo', bar: 'bar', baz: 'baz' };
      await el.updateComplete;
      const error = nextError(el);
      const result = el.validate();
      expect(result.valid).to.equal(false);
      const event = await error;
      expect(event.detail.type).to.equal('definition');
      await el.updateComplete;
      const alert = root(el).querySelector('[role="alert"]');
      expect(alert, 'the definition error takes the form’s place').to.exist;
      expect(root(el).querySelector('form')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(watch.errors).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });

  it('typing into a field of such a form: the same, and the page sees nothing', async () => {
    const watch = pageErrors();
    try {
      const el = await renderForm({ schema: DYNAMIC_SCHEMA });
      el.value = { bar: 'bar', baz: 'baz' };
      await el.updateComplete;
      const error = nextError(el);
      await typeInto(el, '/foo', 'x');
      expect((await error).detail.type).to.equal('definition');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(watch.errors).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });
});
