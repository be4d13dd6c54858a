/**
 * A real OpenID Connect provider for tests (oidc-provider 8), on 127.0.0.1 with one
 * confidential client and accounts that carry a `groups` claim. Its sign-in and consent pages
 * are oidc-provider's development pages: any password is taken for a known login, which is what
 * a test of the receiver's side needs.
 *
 * The server listens before the provider exists, so that the receiver can be started with the
 * issuer's address and the provider then registered with the receiver's callback address.
 */
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'intake-inbox';
export const CLIENT_SECRET = 'a client secret for tests only';

/**
 * @param {{ hostName?: string }} [options] the issuer's host name (it listens on 127.0.0.1)
 * @returns {Promise<{ issuer: string, configure: (options: { redirectUri: string,
 *   accounts: Record<string, { name: string, groups: string[] }> }) => void,
 *   inboxOidc: (extra?: object) => object, close: () => Promise<void> }>} `inboxOidc()`: the
 *   receiver's `inbox.oidc` options for this provider (`extra` over them)
 */
export async function listenIdp({ hostName = '127.0.0.1' } = {}) {
  let handler = (req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // `hostName` localhost puts the provider on another site than a receiver on 127.0.0.1, as a
  // county's provider is: then the redirect back is a cross-site navigation.
  const issuer = `http://${hostName}:${server.address().port}`;
  return {
    issuer,
    inboxOidc: (extra = {}) => ({
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      scope: 'openid profile groups',
      label: 'Kreis-Login',
      ...extra,
    }),
    configure({ redirectUri, accounts }) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        claims: {
          openid: ['sub'],
          profile: ['name', 'preferred_username'],
          groups: ['groups'],
        },
        cookies: { keys: ['cookie key for tests only'] },
        pkce: { required: () => true },
        async findAccount(ctx, id) {
          const account = accounts[id];
          if (!account) return undefined;
          return {
            accountId: id,
            claims: () => ({ sub: id, preferred_username: id, ...account }),
          };
        },
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Goes through a sign-in as a browser would, with fetch and a cookie jar: the receiver's start,
 * the provider's sign-in and consent forms, and the callback.
 *
 * @param {{ startUrl: string, login: string, password?: string,
 *   atCallback?: (url: URL, jar: Map<string, Map<string, string>>) => URL | void }} options
 *   `atCallback` may change the callback's address or the jar before it is requested
 * @returns {Promise<{ response: Response, body: string, jar: Map<string, Map<string, string>>,
 *   cookie: (origin: string) => string }>} the callback's answer
 */
export async function signInThroughIdp({ startUrl, login, password = 'anything', atCallback }) {
  /** origin → cookie name → value */
  const jar = new Map();
  const cookie = (origin) =>
    [...(jar.get(origin) ?? new Map())].map(([name, value]) => `${name}=${value}`).join('; ');
  const receiverOrigin = new URL(startUrl).origin;
  let url = new URL(startUrl);
  let init = { method: 'GET' };
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === receiverOrigin && url.pathname === '/inbox/oidc/callback' && atCallback) {
      url = atCallback(url, jar) ?? url;
    }
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, Cookie: cookie(url.origin) },
    });
    const cookies = jar.get(url.origin) ?? new Map();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const [name, value] = [pair.slice(0, index), pair.slice(index + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    jar.set(url.origin, cookies);
    if (url.pathname === '/inbox/oidc/callback') {
      return { response, body: await response.text(), jar, cookie };
    }
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location'), url);
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html);
    if (!form) throw new Error(`no form at ${url} (${response.status}): ${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const [, name, value] of html.matchAll(
      /<input type="hidden" name="(\w+)" value="([^"]*)"/g,
    )) {
      fields.set(name, value);
    }
    if (html.includes('name="login"')) {
      fields.set('login', login);
      fields.set('password', password);
    }
    url = new URL(form[1], url);
    init = {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    };
  }
  throw new Error('too many redirects');
}
