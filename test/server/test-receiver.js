// A dev-server middleware for the element tests: a stand-in backend on the test server itself
// (127.0.0.1), so submission tests talk to nothing else. Each test uses its own bucket:
//   POST /test-api/<bucket>/submit?status=201|422|500  records the request, answers as asked
//   GET  /test-api/<bucket>/requests                   what arrived (headers and body)
// Faults, for the retry tests: `fail=N` answers 503 to the bucket's first N requests,
// `busy=N` answers 429 with `Retry-After: 1` to the first N, `stall=MS` waits that long first.

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
