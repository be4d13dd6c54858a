/**
 * The receiver's HTTP layer: a Fastify application on a plain `http.Server` of our own, with what
 * every answer shares (the request log line, draining refused bodies, security headers, the
 * problem+json shape for every error). The routes are added by ./receiver.js.
 */
import { STATUS_CODES, createServer } from 'node:http';
import Fastify from 'fastify';
import { errorName, problem } from './http.js';

/**
 * @param {{ csp?: string | ((path: string) => string | undefined), trustProxy: boolean,
 *   staticRoots: boolean,
 *   write: (entry: object) => void, shutdown: AbortSignal, drainLimit: number }} options
 *   `staticRoots`: whether files are served (a malformed path there is 400, not 404)
 * @returns {{ app: import('fastify').FastifyInstance, server: import('node:http').Server,
 *   boot: () => Promise<void> }} call `boot()` once every route is added
 */
export function createHttpApp({ csp, trustProxy, staticRoots, write, shutdown, drainLimit }) {
  // Fastify answers through this server, which is ours so that callers (startDemoServer) can
  // listen on it at once: requests wait until the routes are in place.
  let handle;
  let booted = false;
  const server = createServer((req, res) => {
    if (booted) handle(req, res);
    else
      boot().then(
        () => handle(req, res),
        () => res.writeHead(500, { 'Content-Length': 0 }).end(),
      );
  });
  // A slow client may hold a connection only so long; 10 MB over a poor mobile link still fits.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  const app = Fastify({
    serverFactory(handler) {
      handle = handler;
      return server;
    },
    logger: false,
    // The one reverse proxy in front (the socket's peer) is trusted, nothing before it: the
    // client is the address that proxy appended last to X-Forwarded-For.
    trustProxy: trustProxy ? (address, hop) => hop === 0 : false,
    exposeHeadRoutes: false,
    return503OnClosing: false,
    routerOptions: { maxParamLength: 500 },
    // A malformed percent-escape in the path: nothing can have that name.
    frameworkErrors(error, request, reply) {
      securityHeaders(reply);
      if (error.code === 'FST_ERR_BAD_URL' && !request.url.startsWith('/api/') && staticRoots) {
        return problem(reply, 400, 'Bad Request');
      }
      return problem(reply, 404, 'Not Found');
    },
    // Garbage instead of HTTP: answered in the same problem shape, then the connection closes.
    clientErrorHandler(error, socket) {
      if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
      const body = JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400 });
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });
  app.decorateRequest('intake', null);

  // The body is read by the route that knows the form's limit (receive()), never before.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (request, payload, done) => done(null, undefined));

  app.addHook('onRequest', (request, reply, done) => {
    const started = process.hrtime.bigint();
    const req = request.raw;
    const res = reply.raw;
    const context = {
      route: 'other',
      formId: undefined,
      replayed: false,
      fault: undefined,
      bodyLimit: drainLimit,
    };
    request.intake = context;

    // One line per request, and only this: no IP, no query string, no header or body values.
    res.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      write({
        method: req.method,
        route: context.route,
        status: res.headersSent ? res.statusCode : null,
        durationMs: Math.round(ms * 10) / 10,
        ...(context.formId && { formId: context.formId }),
        ...(context.replayed && { replayed: true }),
        ...(context.fault && { fault: context.fault }),
        ...(!res.writableFinished && { aborted: true }),
      });
    });

    // Refused before its body was read (404, 415, 429…): read and drop a body of a declared,
    // acceptable size, so the connection can serve the next request (and close() need not wait
    // for it); anything else is cut off.
    res.on('finish', () => {
      if (req.complete) return;
      const declared = Number(req.headers['content-length']);
      if (declared <= context.bodyLimit) req.resume();
      else req.destroy();
    });

    securityHeaders(reply);
    done();
  });

  function securityHeaders(reply) {
    // A function gives pages of their own their own policy (the demo's builder needs ajv's eval).
    const policy = typeof csp === 'function' ? csp(reply.request.url.split('?')[0]) : csp;
    if (policy) reply.header('Content-Security-Policy', policy);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  }

  app.setErrorHandler((error, request, reply) => {
    const context = request.intake ?? {};
    // Shutting down, or the client went away mid-upload: nobody is left to answer.
    if (error?.name === 'AbortError' || shutdown.aborted || error?.code === 'ECONNRESET') {
      reply.hijack();
      reply.raw.destroy();
      return undefined;
    }
    // Fastify's own refusals (a framework error with a 4xx status): same shape as ours.
    if (error?.code?.startsWith?.('FST_') && error.statusCode >= 400 && error.statusCode < 500) {
      return problem(reply, error.statusCode, STATUS_CODES[error.statusCode] ?? 'Bad Request');
    }
    write({ level: 'error', route: context.route, error: errorName(error) });
    if (reply.raw.headersSent) {
      reply.hijack();
      reply.raw.destroy();
      return undefined;
    }
    if (error?.storage) {
      return problem(reply, 503, 'Service Unavailable', {
        detail: 'The submission could not be stored. Try again later.',
        headers: { 'Retry-After': '10' },
      });
    }
    return problem(reply, 500, 'Internal Server Error');
  });

  app.setNotFoundHandler((request, reply) => problem(reply, 404, 'Not Found'));

  let booting;
  function boot() {
    booting ??= app.ready().then(() => {
      booted = true;
    });
    return booting;
  }

  return { app, server, boot };
}
