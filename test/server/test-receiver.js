// A dev-server middleware for the element tests: a stand-in backend on the test server itself
// (127.0.0.1), so submission tests talk to nothing else. Each test uses its own bucket:
//   POST /test-api/<bucket>/submit?status=201|422|500  records the request, answers as asked
//   GET  /test-api/<bucket>/requests                   what arrived (headers and body)
// Faults, for the retry tests: `fail=N` answers 503 to the bucket's first N requests,
// `busy=N` answers 429 with `Retry-After: 1` to the first N, `stall=MS` waits that long first.
// Hostile answers, for test/security: `hostile=1` with `status=422` answers problem+json whose
// `title` is markup and whose `errors` echo every top-level string of the submitted data as the
// `detail` at its pointer (reflected input), plus one error at a markup pointer the form does not
// have; with `status=201` the `reference` is markup with a right-to-left override.

const buckets = new Map();

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export function testReceiver() {
  return async function receive(context, next) {
    const match = /^\/test-api\/([a-z0-9-]+)\/(submit|requests)$/.exec(context.path);
    if (!match) return next();
    const [, bucket, what] = match;
    if (!buckets.has(bucket)) buckets.set(bucket, []);
    const requests = buckets.get(bucket);
    if (what === 'requests') {
      context.type = 'application/json';
      context.body = JSON.stringify(requests);
      return undefined;
    }
    const raw = await readBody(context.req);
    requests.push({ headers: context.headers, body: raw, at: Date.now() });
    const count = requests.length;
    if (context.query.stall && count <= Number(context.query.stallCount ?? 1)) {
      await new Promise((resolve) => setTimeout(resolve, Number(context.query.stall)));
    }
    if (count <= Number(context.query.fail ?? 0)) {
      context.status = 503;
      context.body = '';
      return undefined;
    }
    if (count <= Number(context.query.busy ?? 0)) {
      context.status = 429;
      context.set('Retry-After', '1');
      context.body = '';
      return undefined;
    }
    const status = Number(context.query.status ?? 201);
    if (context.query.hostile) {
      hostileAnswer(context, status, raw);
      return undefined;
    }
    if (status === 422) {
      context.status = 422;
      context.type = 'application/problem+json';
      context.body = JSON.stringify({
        type: 'about:blank',
        title: 'Unprocessable',
        errors: [
          { pointer: '/email', detail: 'This address is blocked.' },
          { pointer: '/unknownField', detail: 'Server-only rule failed.' },
        ],
      });
      return undefined;
    }
    context.status = status;
    context.type = 'application/json';
    context.body = JSON.stringify(
      status < 300
        ? { reference: `T-${String(requests.length).padStart(4, '0')}` }
        : { title: 'Error' },
    );
    return undefined;
  };
}

/** Markup the element must show as text (the browser tests hook `window.__pwned` and `alert`). */
export const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Rejected';
export const HOSTILE_DETAIL = '<script>window.__pwned=1</script>\u202Egnp.exe';
export const HOSTILE_POINTER = '/<svg onload=window.__pwned=1>';
export const HOSTILE_REFERENCE = '<img src=x onerror="window.__pwned=1">\u202E1234-TNEMUCOD';

function escapeToken(token) {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function hostileAnswer(context, status, raw) {
  if (status < 300) {
    context.status = status;
    context.type = 'application/json';
    context.body = JSON.stringify({ reference: HOSTILE_REFERENCE });
    return;
  }
  let data = {};
  try {
    data = JSON.parse(raw).data ?? {};
  } catch {
    // Not JSON: answer with the fixed error only.
  }
  const errors = Object.entries(data)
    .filter(([, value]) => typeof value === 'string')
    .map(([key, value]) => ({ pointer: `/${escapeToken(key)}`, detail: value }));
  errors.push({ pointer: HOSTILE_POINTER, detail: HOSTILE_DETAIL });
  context.status = 422;
  context.type = 'application/problem+json';
  context.body = JSON.stringify({ type: 'about:blank', title: HOSTILE_TITLE, errors });
}
