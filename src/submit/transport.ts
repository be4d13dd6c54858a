/**
 * The transport: how one HTTP request is sent. The default uses XMLHttpRequest, because fetch
 * cannot report upload progress (files make submissions large). An embedder whose backend has
 * another shape sets the element's `transport` property to a function of its own.
 */

/** One request, as the form sends it. */
export interface TransportRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  /** The envelope as JSON text. */
  body: string;
  /** Aborted on timeout. */
  signal: AbortSignal;
  /** Called while the body uploads (bytes sent, bytes in all). */
  onUploadProgress?: (loaded: number, total: number) => void;
}

/** The answer, as the form reads it. */
export interface TransportResponse {
  status: number;
  /** Response headers the form reads: `retry-after`, `content-type` (lower-case names). */
  headers?: Record<string, string>;
  /** The parsed JSON body, if any. */
  body?: unknown;
}

/**
 * Sends a request. Rejects (with any error) when no answer arrived: network failure, offline,
 * aborted by the timeout. Resolves with every HTTP answer, whatever its status.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

function parseHeaders(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const index = line.indexOf(':');
    if (index > 0)
      headers[line.slice(0, index).trim().toLowerCase()] = line.slice(index + 1).trim();
  }
  return headers;
}

/** The default transport (XMLHttpRequest, same-origin credentials). */
export const xhrTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    if (request.onUploadProgress) {
      const report = request.onUploadProgress;
      xhr.upload.onprogress = (event) =>
        report(event.loaded, event.lengthComputable ? event.total : request.body.length);
    }
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), body });
    };
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    if (request.signal.aborted) {
      xhr.abort();
      return;
    }
    xhr.send(request.body);
  });
