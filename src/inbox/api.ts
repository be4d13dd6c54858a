/**
 * The inbox's client of /inbox/api/ (the contract: docs of server/inbox/). Every state change
 * carries the session's CSRF token in `X-CSRF-Token`; an answer that says the session has ended
 * (401 `…:signed-out`) calls `onSignedOut`, which takes the person back to the sign-in page.
 */

export const PROBLEM = 'urn:intake-elements:problem:';

/** An answer that was not 2xx, with its problem+json fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly detail: string;
  /** Seconds to wait (429 lock-out), from `retryAfter` or the Retry-After header. */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: Record<string, unknown> | undefined, retryHeader?: string) {
    const detail = typeof body?.detail === 'string' ? body.detail : `HTTP ${status}`;
    super(detail);
    this.status = status;
    this.type = typeof body?.type === 'string' ? body.type : 'about:blank';
    this.detail = detail;
    const wait = Number(body?.retryAfter ?? retryHeader);
    this.retryAfter = Number.isFinite(wait) && wait > 0 ? wait : undefined;
  }

  /** Whether the problem type is `urn:intake-elements:problem:<name>`. */
  is(name: string): boolean {
    return this.type === PROBLEM + name;
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {}

export interface Me {
  name: string;
  displayName: string;
  via: 'local' | 'oidc';
  teams: string[];
  isAdmin: boolean;
  csrfToken: string;
}

export interface InboxConfig {
  local: boolean;
  oidc: null | { label: string };
  totp?: boolean;
}

export interface ListItem {
  reference: string;
  formId: string;
  formTitle: string;
  receivedAt: string;
  status: string;
  unread: boolean;
  locale: string;
  routing: Record<string, string>;
  encrypted?: boolean;
}

export interface ListPage {
  items: ListItem[];
  next: string | null;
  total: number;
  totalCapped?: boolean;
}

export interface FormInfo {
  id: string;
  title: string;
  routes: { pointer: string; title: string; values: string[] }[];
  /** Submissions of this form are encrypted (the server's search sees only their metadata). */
  encrypted?: boolean;
}

export interface Note {
  id: number | string;
  author: string;
  at: string;
  text: string;
}

export interface Detail {
  reference: string;
  formId: string;
  formTitle: string;
  formVersion?: string | null;
  receivedAt: string;
  submittedAt?: string | null;
  status: string;
  statusChangedAt?: string | null;
  locale: string;
  localeName?: string;
  summary: string;
  original: string | null;
  attachments: {
    index: number;
    pointer: string;
    name: string;
    type: string;
    size: number;
    url: string;
  }[];
  validation: { valid: boolean; errors: { pointer: string; message: string }[] };
  notes: Note[];
  routing: Record<string, string>;
  encrypted: null | { jwe: string; kid: string | null };
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  reference: string | null;
  detail: unknown;
}

export class InboxApi {
  csrfToken = '';
  /** Called when an answer says the session has ended. */
  onSignedOut: () => void = () => undefined;

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new NetworkError('network');
    }
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const error = new ApiError(
        response.status,
        data as Record<string, unknown> | undefined,
        response.headers.get('Retry-After') ?? undefined,
      );
      if (response.status === 401 && error.is('signed-out') && this.csrfToken) {
        this.csrfToken = '';
        this.onSignedOut();
      }
      throw error;
    }
    return data as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
}

/** The query string of the list's filters (also used for the export links). */
export interface Filters {
  form: string;
  status: string;
  route: string;
  value: string;
  from: string;
  to: string;
  q: string;
  unread: boolean;
}

export const NO_FILTERS: Filters = {
  form: '',
  status: '',
  route: '',
  value: '',
  from: '',
  to: '',
  q: '',
  unread: false,
};

export function filterQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const key of ['form', 'status', 'route', 'value', 'from', 'to', 'q'] as const) {
    const value = filters[key].trim();
    if (value) query.set(key, value);
  }
  if (filters.route && !filters.value) query.delete('route');
  if (filters.unread) query.set('unread', '1');
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}

/** A webhook delivery or an e-mail notice (GET /inbox/api/deliveries). */
export interface Delivery {
  id: number;
  kind: 'webhook' | 'email';
  reference: string;
  formId: string;
  /** The webhook URL's host or the team address's domain: never more. */
  target: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** GET /inbox/api/deliveries/count: how many of each kind are in one state. */
export interface DeliveryCounts {
  state: string;
  webhook: number;
  email: number;
}
