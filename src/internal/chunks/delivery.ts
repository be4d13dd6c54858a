/**
 * The delivery part (src/internal/lazy-parts.ts): the envelope, the transport and delivery with
 * retries. The first screen does not need it; the element loads it once the form is usable, and
 * sending waits for it should it not be there yet. The outbox's chunk shares it.
 */
export { deliver } from '../../submit/deliver.js';
export { buildEnvelope, newIdempotencyKey } from '../../submit/envelope.js';
export { xhrTransport } from '../../submit/transport.js';
