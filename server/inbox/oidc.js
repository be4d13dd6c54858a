/**
 * Sign-in through the county's identity provider (OpenID Connect, authorization code flow with
 * PKCE, state and nonce; openid-client), a sub-plugin of ./index.js:
 *
 *   GET /oidc/start     → 302 to the identity provider
 *   GET /oidc/callback  → the session cookie and 302 to /inbox/, or a page saying why not
 *
 * The person's teams come from a group claim (`groupsClaim`, a dotted path such as
 * `realm_access.roles` for Keycloak), each group mapped through `teams.oidc_group`; members of
 * `adminGroup` are administrators. A person in no mapped group is refused: an inbox that shows
 * nothing would only look broken.
 *
 * Between start and callback the browser keeps the flow's state, nonce and PKCE verifier in a
 * short-lived HttpOnly cookie, so any receiver process can finish what another started (no
 * sticky routing needed). It is SameSite=Lax, not Strict: the identity provider's redirect
 * back is a navigation from another site, and a Strict cookie would not come with it. The
 * callback compares the state it gets with the cookie's, so a callback started elsewhere (a
 * login CSRF) does not sign this browser in.
 */
import * as client from 'openid-client';
import { errorName, isLoopback } from '../http.js';
import { audit } from './audit.js';
import { beginSession, cookiesSecure } from './session-cookie.js';

/**
 * @typedef {object} OidcOptions
 * @property {string} issuer the identity provider's issuer URL (https; http only on loopback)
 * @property {string} clientId
 * @property {string} [clientSecret] none: a public client (PKCE alone)
 * @property {string} [redirectUri] default: this request's origin + /inbox/oidc/callback
 * @property {string} [groupsClaim] default `groups`
 * @property {string} [adminGroup] members of this group are administrators
 * @property {string} [nameClaim] the claim that names a person in the audit log, default `sub`
 *   (the only one the standard promises to be stable and unique); shown with an `oidc:` prefix
 * @property {string} [scope] default `openid profile email`
 * @property {string} [label] the sign-in button's text, default "Single sign-on"
 */

const FLOW_MAX_AGE = 10 * 60; // seconds from start to callback

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ oidc?: OidcOptions | null, useStorage: () => Promise<object>,
 *   sessionStore: () => Promise<object>, write: (entry: object) => void,
 *   secureCookies?: boolean }} options
 */
export async function oidcPlugin(app, options) {
  const settings = options.oidc;
  if (!settings) return;
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === 'http:';
  if (
    insecure &&
    !isLoopback(issuer.hostname.replace(/^\[|\]$/g, '')) &&
    issuer.hostname !== 'localhost'
  ) {
    throw new Error('The OIDC issuer must be an https URL (http only on this machine, for tests)');
  }
  const { write } = options;

  /** Discovery once it worked; tried again on the next sign-in when it did not. */
  let configuration;
  const configure = async () => {
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        undefined,
        settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  const redirectUriOf = (request) =>
    settings.redirectUri ?? `${request.protocol}://${request.host}/inbox/oidc/callback`;

  app.get('/oidc/start', async (request, reply) => {
    let config;
    try {
      config = await configure();
    } catch (error) {
      write({
        level: 'error',
        event: 'oidc',
        message: 'discovery failed',
        error: errorName(error),
      });
      return page(reply, 502, UNREACHABLE);
    }
    const flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      redirectUri: redirectUriOf(request),
    };
    const secure = cookiesSecure(request, options.secureCookies);
    reply.setCookie(flowCookie(secure), Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      path: '/',
      httpOnly: true,
      secure,
      sameSite: 'lax',
      maxAge: FLOW_MAX_AGE,
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: flow.redirectUri,
      scope: settings.scope ?? 'openid profile email',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return reply.redirect(url.href, 302);
  });

  app.get('/oidc/callback', async (request, reply) => {
    const secure = cookiesSecure(request, options.secureCookies);
    const flow = readFlow(request.cookies[flowCookie(true)] ?? request.cookies[flowCookie(false)]);
    for (const flag of [true, false]) {
      reply.clearCookie(flowCookie(flag), {
        path: '/',
        secure: flag,
        httpOnly: true,
        sameSite: 'lax',
      });
    }
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const { db } = await options.useStorage();
    const refuse = async (status, text, reason) => {
      await audit(db, { actor: 'oidc', action: 'sign-in-failed', detail: { via: 'oidc', reason } });
      return page(reply, status, text);
    };
    if (query.has('error')) return refuse(403, DECLINED, `idp:${query.get('error').slice(0, 64)}`);
    if (!flow || query.get('state') !== flow.state) return refuse(400, STALE, 'state');

    let claims;
    try {
      const config = await configure();
      const currentUrl = new URL(flow.redirectUri);
      currentUrl.search = query.toString();
      const tokens = await client.authorizationCodeGrant(
        config,
        currentUrl,
        {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: flow.redirectUri },
      );
      claims = { ...tokens.claims() };
      // Many providers put groups into the userinfo answer only.
      if (claimAt(claims, settings.groupsClaim ?? 'groups') === undefined) {
        claims = {
          ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)),
          ...claims,
        };
      }
    } catch (error) {
      write({
        level: 'warn',
        event: 'oidc',
        message: 'code exchange refused',
        error: errorName(error),
      });
      return refuse(400, STALE, 'exchange');
    }

    const groups = asList(claimAt(claims, settings.groupsClaim ?? 'groups'));
    const teams = groups.length
      ? (
          await db
            .selectFrom('teams')
            .select('id')
            .where('oidc_group', 'in', groups)
            .orderBy('id')
            .execute()
        ).map((row) => row.id)
      : [];
    const isAdmin = Boolean(settings.adminGroup) && groups.includes(settings.adminGroup);
    const name = `oidc:${String(claimAt(claims, settings.nameClaim ?? 'sub') ?? claims.sub).slice(0, 200)}`;
    if (teams.length === 0 && !isAdmin) {
      await audit(db, {
        actor: name,
        action: 'sign-in-failed',
        detail: { via: 'oidc', reason: 'no-team' },
      });
      return page(reply, 403, NO_TEAM);
    }
    const identity = {
      name,
      displayName: String(claims.name ?? claims.preferred_username ?? claims.email ?? name).slice(
        0,
        200,
      ),
      via: 'oidc',
      teams,
      isAdmin,
    };
    await beginSession(await options.sessionStore(), request, reply, identity, secure);
    await audit(db, { actor: name, action: 'sign-in', detail: { via: 'oidc' } });
    return reply.redirect('/inbox/', 302);
  });
}

function flowCookie(secure) {
  return secure ? '__Host-intake-oidc' : 'intake-oidc';
}

function readFlow(text) {
  if (typeof text !== 'string' || text.length > 2000) return undefined;
  try {
    const flow = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const fields = ['state', 'nonce', 'verifier', 'redirectUri'];
    return fields.every((field) => typeof flow[field] === 'string') ? flow : undefined;
  } catch {
    return undefined;
  }
}

/** A claim by a dotted path (`realm_access.roles`), or a plain claim name containing dots. */
function claimAt(claims, path) {
  if (path in claims) return claims[path];
  return path
    .split('.')
    .reduce((value, key) => (value && typeof value === 'object' ? value[key] : undefined), claims);
}

function asList(value) {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}

const UNREACHABLE = {
  de: 'Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
  en: 'The identity provider cannot be reached right now. Please try again later.',
};
const DECLINED = {
  de: 'Der Anmeldedienst hat die Anmeldung nicht bestätigt.',
  en: 'The identity provider did not confirm the sign-in.',
};
const STALE = {
  de: 'Die Anmeldung konnte nicht abgeschlossen werden (sie ist abgelaufen oder in einem anderen Fenster begonnen worden). Bitte melden Sie sich noch einmal an.',
  en: 'The sign-in could not be finished (it expired or was started in another window). Please sign in again.',
};
const NO_TEAM = {
  de: 'Sie sind angemeldet, gehören aber zu keiner Gruppe, die Zugang zum Posteingang hat. Bitten Sie eine Administratorin oder einen Administrator, Ihre Gruppe einem Team zuzuordnen.',
  en: 'You are signed in, but none of your groups has access to the inbox. Ask an administrator to map your group to a team.',
};

/** A small page in German and English (the inbox's CSP allows no inline style or script). */
function page(reply, status, { de, en }) {
  const html = `<!doctype html>
<html lang="de">
  <head><meta charset="utf-8"><title>Anmeldung nicht möglich – Sign-in not possible</title></head>
  <body>
    <main>
      <h1>Anmeldung nicht möglich</h1>
      <p>${de}</p>
      <h2 lang="en">Sign-in not possible</h2>
      <p lang="en">${en}</p>
      <p><a href="/inbox/">Zum Posteingang</a> · <a href="/inbox/" lang="en">To the inbox</a></p>
    </main>
  </body>
</html>
`;
  return reply.code(status).header('Content-Type', 'text/html; charset=utf-8').send(html);
}
