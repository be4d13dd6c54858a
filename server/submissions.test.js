// POST /api/forms/:id/submissions: validation against the definition, the envelope, and the
// refusals (404, 405, 413, 415, 400), on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import {
  ALT,
  KONTAKT,
  envelope,
  formsDir,
  kontaktData,
  rawRequest,
  records,
  requestLines,
  storageTest,
  submit,
} from './testing/harness.js';
import { canonicalJson } from './receiver.js';

const REFERENCE = /^KO-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

/** Asserts a problem+json answer and returns its body. */
async function expectProblem(response, status) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const body = await response.json();
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  return body;
}

const pointers = (body) => body.errors.map((e) => e.pointer);

storageTest(
  'a valid submission is stored and answered with 201 and a reference',
  async (t, env) => {
    const receiver = await env.start();
    const sent = envelope(KONTAKT, kontaktData());
    const key = 'key-valid-1';
    const before = Date.now();
    const response = await submit(receiver, 'kontakt', sent, { key });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('idempotent-replayed'), null);
    const { reference } = await response.json();
    assert.match(reference, REFERENCE);

    const rows = await records(receiver);
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row.reference, reference);
    assert.equal(row.formId, 'kontakt');
    assert.equal(row.formVersion, KONTAKT.version);
    assert.equal(row.locale, 'ar');
    assert.equal(row.submittedAt, sent.submittedAt);
    assert.ok(
      Date.parse(row.receivedAt) >= before - 1000 && Date.parse(row.receivedAt) <= Date.now(),
    );
    assert.equal(row.idempotencyKey, key);
    assert.equal(row.bodyHash, createHash('sha256').update(canonicalJson(sent)).digest('hex'));
    assert.deepEqual(JSON.parse(row.envelope), sent);
    assert.equal(row.responseStatus, 201);
    assert.deepEqual(JSON.parse(row.responseBody), { reference });
    // The definition it was checked against is kept with it.
    assert.deepEqual(JSON.parse(await receiver.storage.getDefinition(row.definitionHash)), KONTAKT);
  },
);

storageTest(
  'invalid data: 422 problem+json with the pointers of the offending values; nothing stored',
  async (t, env) => {
    const receiver = await env.start();
    const data = kontaktData({
      name: '',
      email: 'not an address',
      address: { city: 'Köln' },
      children: [{ givenName: 'A' }, {}],
      extra: 'unexpected',
    });
    delete data.address.postalCode;
    const response = await submit(receiver, 'kontakt', envelope(KONTAKT, data));
    const body = await expectProblem(response, 422);
    assert.equal(body.type, 'urn:intake-elements:problem:invalid-data');
    assert.deepEqual(
      new Set(pointers(body)),
      new Set(['/name', '/email', '/address/postalCode', '/children/1/givenName', '/extra']),
    );
    const byPointer = Object.fromEntries(body.errors.map((e) => [e.pointer, e]));
    // `required` points at the missing property, not its parent.
    assert.equal(byPointer['/address/postalCode'].keyword, 'required');
    assert.equal(byPointer['/children/1/givenName'].keyword, 'required');
    assert.equal(byPointer['/email'].keyword, 'format');
    assert.equal(byPointer['/name'].keyword, 'minLength');
    for (const error of body.errors) {
      assert.equal(typeof error.detail, 'string');
      assert.ok(error.detail.length > 0 && error.detail.length < 80, error.detail);
    }
    assert.equal((await records(receiver)).length, 0);

    // A missing top-level property, and a wrong type.
    const missing = await submit(
      receiver,
      'kontakt',
      envelope(KONTAKT, { email: 'a@example.org', address: { postalCode: 5 } }),
    );
    const missingBody = await expectProblem(missing, 422);
    assert.deepEqual(pointers(missingBody), ['/name', '/address/postalCode']);
    assert.deepEqual(
      missingBody.errors.map((e) => e.keyword),
      ['required', 'type'],
    );
    assert.equal((await records(receiver)).length, 0);
  },
);

storageTest(
  "the project's formats: time as HH:MM, data-url, color, date, email",
  async (t, env) => {
    const receiver = await env.start();
    const check = async (overrides, expected) => {
      const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData(overrides)));
      if (expected === 201) {
        assert.equal(response.status, 201, JSON.stringify(overrides));
        return;
      }
      const body = await expectProblem(response, 422);
      assert.deepEqual(
        body.errors.map((e) => [e.pointer, e.keyword]),
        [[expected, 'format']],
        JSON.stringify(overrides),
      );
    };
    await check({ appointment: '14:30' }, 201);
    await check({ appointment: '09:05:30' }, 201);
    await check({ appointment: '14:30:00+01:00' }, 201);
    await check({ appointment: '24:00' }, '/appointment');
    await check({ appointment: '2pm' }, '/appointment');
    await check({ color: '#A0B1C2' }, 201);
    await check({ color: 'red' }, '/color');
    await check({ color: '#abc' }, '/color');
    await check({ file: 'data:image/png;base64,iVBORw0KGgo=' }, 201);
    await check({ file: 'data:,' }, 201);
    await check({ file: 'http://example.org/x.pdf' }, '/file');
    await check({ birthDate: '2026-02-30' }, '/birthDate');
    await check({ email: 'zuleika+test@example.co.uk' }, 201);
    await check({ email: 'zuleika at example.org' }, '/email');
  },
);

storageTest(
  'draft-07 by the heuristic: `dependencies` is enforced for a schema without $schema',
  async (t, env) => {
    const receiver = await env.start();
    // Under 2020-12 `dependencies` means nothing and this would be accepted.
    const missing = await submit(receiver, ALT.id, envelope(ALT, { a: 'x' }));
    const body = await expectProblem(missing, 422);
    assert.deepEqual(
      body.errors.map((e) => [e.pointer, e.keyword]),
      [['/b', 'dependencies']],
    );
    const ok = await submit(receiver, ALT.id, envelope(ALT, { a: 'x', b: 'y' }));
    assert.equal(ok.status, 201);
    const wrong = await submit(receiver, ALT.id, envelope(ALT, { a: 1, b: 'y' }));
    assert.deepEqual(
      (await expectProblem(wrong, 422)).errors.map((e) => e.pointer),
      ['/a'],
    );
  },
);

storageTest(
  'the envelope is checked: 400 with pointers into the body; nothing stored',
  async (t, env) => {
    const receiver = await env.start();
    const good = envelope(KONTAKT, kontaktData());
    const cases = [
      [{ ...good, form: { id: 'ki-erstberatung', version: '1' } }, ['/form/id']],
      [{ ...good, form: { id: 'kontakt' } }, ['/form/version']],
      [{ ...good, form: { id: 'kontakt', version: '1\u0000' } }, ['/form/version']],
      [{ ...good, form: { id: 'kontakt', version: '1', extra: 1 } }, ['/form/extra']],
      [{ ...good, form: 'kontakt' }, ['/form']],
      [{ ...good, locale: 'not a tag' }, ['/locale']],
      [{ ...good, locale: undefined }, ['/locale']],
      [{ ...good, submittedAt: 'yesterday' }, ['/submittedAt']],
      [{ ...good, submittedAt: '2026-13-45T10:00:00Z' }, ['/submittedAt']],
      [{ ...good, data: [] }, ['/data']],
      [{ ...good, data: undefined }, ['/data']],
      [{ ...good, 'ip/address': 'x' }, ['/ip~1address']],
      [[good], ['']],
    ];
    for (const [body, expected] of cases) {
      const response = await submit(receiver, 'kontakt', body);
      const problem = await expectProblem(response, 400);
      assert.equal(problem.type, 'urn:intake-elements:problem:invalid-envelope');
      assert.deepEqual(pointers(problem), expected, JSON.stringify(body));
    }
    assert.equal((await records(receiver)).length, 0);
  },
);

storageTest('bodies that are not JSON, not UTF-8 or nested absurdly deep: 400', async (t, env) => {
  const receiver = await env.start();
  await expectProblem(await submit(receiver, 'kontakt', '{"form":'), 400);
  await expectProblem(await submit(receiver, 'kontakt', ''), 400);
  const latin1 = Buffer.from(`{"data":{"name":"M\xfcller"}}`, 'latin1');
  const notUtf8 = await fetch(`${receiver.url}/api/forms/kontakt/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'latin1' },
    body: latin1,
  });
  await expectProblem(notUtf8, 400);
  const deep = `{"form":{"id":"kontakt","version":"1"},"locale":"de","submittedAt":"2026-11-25T10:00:00Z","data":{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
  const response = await submit(receiver, 'kontakt', deep);
  const body = await expectProblem(response, 400);
  assert.match(body.detail, /nested/);
  assert.equal((await records(receiver)).length, 0);
  // The server is still fine.
  assert.equal((await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()))).status, 201);
});

storageTest('unknown, mismatched and broken forms', async (t, env) => {
  const dir = formsDir({
    'wrong-id.json': { ...KONTAKT, id: 'something-else' },
    'broken.json': '{ not json',
    'bad-schema.json': {
      id: 'bad-schema',
      schema: { type: 'object', properties: { a: { type: 'nope' } } },
    },
    '.hidden.json': { ...KONTAKT, id: '.hidden' },
  });
  const receiver = await env.start({ formsDir: dir });
  for (const id of [
    'nope',
    'wrong-id',
    '.hidden',
    '..%2Fkontakt',
    'kontakt.json',
    'a%2Fb',
    '%00',
  ]) {
    const response = await submit(receiver, id, envelope({ ...KONTAKT, id }, kontaktData()));
    await expectProblem(response, 404);
  }
  for (const id of ['broken', 'bad-schema']) {
    const response = await submit(receiver, id, envelope({ ...KONTAKT, id }, {}));
    const body = await expectProblem(response, 500);
    assert.match(body.detail, /definition/);
  }
  const errors = env.logs.map((l) => JSON.parse(l)).filter((e) => e.level === 'error');
  assert.deepEqual(
    errors.map((e) => e.formId),
    ['broken', 'bad-schema'],
  );
  assert.equal((await records(receiver)).length, 0);

  // A definition that appears (or changes) while running is picked up.
  writeFileSync(join(dir, 'nope.json'), JSON.stringify({ ...KONTAKT, id: 'nope' }));
  const now = await submit(receiver, 'nope', envelope({ ...KONTAKT, id: 'nope' }, kontaktData()));
  assert.equal(now.status, 201);
  assert.match((await now.json()).reference, /^NO-/);
});

storageTest(
  "the repository's own definitions (the default forms folder) accept valid data",
  async (t, env) => {
    const receiver = await env.start({ formsDir: undefined });
    const ki = JSON.parse(
      readFileSync(new URL('../schemas/ki-erstberatung.json', import.meta.url)),
    );
    const response = await submit(
      receiver,
      'ki-erstberatung',
      envelope(ki, {
        person: { givenName: 'Amina', familyName: 'Haddad' },
        email: 'amina@example.org',
        topics: ['housing'],
        consent: true,
      }),
    );
    assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
    assert.match((await response.json()).reference, /^KI-/);
    const missing = await submit(
      receiver,
      'ki-erstberatung',
      envelope(ki, { email: 'a@example.org' }),
    );
    assert.ok(pointers(await expectProblem(missing, 422)).includes('/consent'));
  },
);

storageTest(
  '415 for anything but application/json in UTF-8 without content coding',
  async (t, env) => {
    const receiver = await env.start();
    const body = JSON.stringify(envelope(KONTAKT, kontaktData()));
    const send = (headers) =>
      fetch(`${receiver.url}/api/forms/kontakt/submissions`, {
        method: 'POST',
        headers: { 'Idempotency-Key': `k-${Math.random()}`, ...headers },
        body,
      });
    for (const headers of [
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Content-Type': 'application/json; charset=iso-8859-1' },
      { 'Content-Type': 'application/jsonx' },
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    ]) {
      await expectProblem(await send(headers), 415);
    }
    const none = await rawRequest(`${receiver.url}/api/forms/kontakt/submissions`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'no-type' },
      body,
    });
    assert.equal(none.status, 415);
    assert.equal((await records(receiver)).length, 0);
    // Parameters and case are fine.
    assert.equal((await send({ 'Content-Type': 'Application/JSON; Charset="UTF-8"' })).status, 201);
  },
);

storageTest(
  '405 with Allow for other methods; 400 without a usable Idempotency-Key',
  async (t, env) => {
    const receiver = await env.start();
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${receiver.url}/api/forms/kontakt/submissions`, { method });
      await expectProblem(response, 405);
      assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
    }
    const health = await fetch(`${receiver.url}/healthz`, { method: 'POST' });
    await expectProblem(health, 405);
    assert.equal(health.headers.get('allow'), 'GET, HEAD');

    const sent = envelope(KONTAKT, kontaktData());
    const without = await expectProblem(
      await submit(receiver, 'kontakt', sent, { key: null }),
      400,
    );
    assert.equal(without.type, 'urn:intake-elements:problem:idempotency-key-missing');
    for (const key of ['', 'has space', 'x'.repeat(201)]) {
      await expectProblem(await submit(receiver, 'kontakt', sent, { key }), 400);
    }
    assert.equal((await records(receiver)).length, 0);
  },
);

/**
 * Sends headers and the first `send` bytes of a body, never finishing it; resolves with the
 * answer (status, body) and how many bytes were written by then.
 */
function unfinishedUpload(url, headers, send, { keepWriting = false } = {}) {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
          written,
        });
        req.destroy();
      });
    });
    // The server may cut the upload off once it has answered; that is expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024, 0x20);
    const pump = () => {
      while (!answered && (keepWriting ? written < 64 * 1024 * 1024 : written < send)) {
        written += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      return undefined;
    };
    pump();
  });
}

storageTest(
  '413 for a body over the limit, answered without reading it to the end',
  async (t, env) => {
    const limit = 4096;
    const receiver = await env.start({ bodyLimit: limit });
    const url = `${receiver.url}/api/forms/kontakt/submissions`;
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': 'big' };

    // Declared too large: refused on the header alone, while the upload has barely started.
    const declared = await unfinishedUpload(
      url,
      { ...headers, 'Content-Length': 10 * 1024 * 1024 },
      2048,
    );
    assert.equal(declared.status, 413);
    assert.equal(declared.headers['content-type'], 'application/problem+json');
    assert.equal(declared.headers.connection, 'close');
    assert.equal(JSON.parse(declared.body).status, 413);

    // Chunked, no length: refused once the limit is passed, without waiting for the end (the
    // client keeps writing and never finishes).
    const chunked = await unfinishedUpload(url, { ...headers, 'Transfer-Encoding': 'chunked' }, 0, {
      keepWriting: true,
    });
    assert.equal(chunked.status, 413);
    assert.ok(chunked.written < 64 * 1024 * 1024, `wrote ${chunked.written} bytes`);

    // Exactly at the limit is fine; one byte over is not.
    const sent = envelope(KONTAKT, kontaktData());
    const base = JSON.stringify(sent);
    const padded = base + ' '.repeat(limit - Buffer.byteLength(base));
    assert.equal(Buffer.byteLength(padded), limit);
    assert.equal((await submit(receiver, 'kontakt', padded)).status, 201);
    await expectProblem(await submit(receiver, 'kontakt', `${padded} `), 413);
    assert.equal((await records(receiver)).length, 1);
    assert.ok(requestLines(env.logs).some((l) => l.status === 413));
  },
);
