// The builder's "export compiled module" on the server: only for signed-in staff with the CSRF
// token, translations inline, refusals with pointers, and a module that validates as the form.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KONTAKT, storageTest, tempDir } from '../testing/harness.js';
import { addStaff, signIn } from '../testing/inbox-harness.js';

const DEFINITION = {
  ...KONTAKT,
  translations: { en: { '/schema/properties/name/title': 'Name (en)' } },
};

storageTest('a signed-in person gets the compiled module of a definition', async (t, env) => {
  const receiver = await env.start({ inbox: true });
  await addStaff(receiver.storage, { name: 'olga', team: 'zentrale' });
  const session = await signIn(receiver, 'olga');

  const response = await session.send('POST', '/inbox/api/compile', DEFINITION);
  assert.equal(response.status, 200, await response.clone().text());
  assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(response.headers.get('content-disposition'), 'attachment; filename="kontakt.js"');
  const source = await response.text();
  assert.doesNotMatch(source, /new Function|eval\(/);

  const file = join(tempDir('intake-compiled-'), 'kontakt.js');
  writeFileSync(file, source);
  const { default: compiled } = await import(pathToFileURL(file).href);
  assert.equal(compiled.id, 'kontakt');
  assert.equal(compiled.translations.en['/schema/properties/name/title'], 'Name (en)');
  const shell = compiled.validators['#shell'] ?? Object.values(compiled.validators)[0];
  assert.equal(typeof shell, 'function');
  // A root property's validator is called with an object holding just that property.
  const address = compiled.validators['#property:address'];
  assert.equal(address({ address: { postalCode: '1234' } }), false, 'four digits are refused');
  assert.equal(address({ address: { postalCode: '59192' } }), true);
});

storageTest(
  'compiling is refused signed out, without the CSRF token, and for bad definitions',
  async (t, env) => {
    const receiver = await env.start({ inbox: true });
    await addStaff(receiver.storage, { name: 'olga', team: 'zentrale' });

    const anonymous = await fetch(`${receiver.url}/inbox/api/compile`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(DEFINITION),
    });
    assert.equal(anonymous.status, 401);

    const session = await signIn(receiver, 'olga');
    const forged = await session.send('POST', '/inbox/api/compile', DEFINITION, {
      'X-CSRF-Token': '',
    });
    assert.equal(forged.status, 403);

    const fileTranslations = await session.send('POST', '/inbox/api/compile', {
      ...KONTAKT,
      translations: { en: '../../../etc/passwd' },
    });
    assert.equal(fileTranslations.status, 422);
    const refused = await fileTranslations.json();
    assert.deepEqual(
      refused.errors.map((e) => e.pointer),
      ['/translations/en'],
    );

    const broken = await session.send('POST', '/inbox/api/compile', {
      ...KONTAKT,
      schema: { ...KONTAKT.schema, properties: { name: { type: 'strang' } } },
    });
    assert.equal(broken.status, 422);
    const problems = await broken.json();
    assert.ok(problems.errors.some((e) => e.pointer.startsWith('/schema/properties/name')));

    const notJson = await session.send('POST', '/inbox/api/compile', undefined, {
      'Content-Type': 'application/json',
    });
    assert.equal(notJson.status, 400);
  },
);
