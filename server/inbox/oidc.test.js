// Sign-in through a real OpenID Connect provider (oidc-provider on 127.0.0.1), driven over HTTP
// as a browser would, on both storages: groups mapped to teams, an administrators' group, a
// person in no mapped group refused, and a callback whose state is not this browser's refused.
// (test/e2e/oidc-sign-in.test.js does the same sign-in in Chromium.)
import assert from 'node:assert/strict';
import { storageTest } from '../testing/harness.js';
import { CLIENT_ID, listenIdp, signInThroughIdp } from '../testing/oidc-idp.js';

const ACCOUNTS = {
  anna: { name: 'Anna Berg', groups: ['kreis-bergkamen', 'kreis-unna', 'unrelated'] },
  chef: { name: 'Chris Chef', groups: ['inbox-admins'] },
  otto: { name: 'Otto Ohnegruppe', groups: ['kantine'] },
};

async function setUp(t, env) {
  const idp = await listenIdp();
  t.after(() => idp.close());
  const receiver = await env.start({
    inbox: {
      oidc: idp.inboxOidc({ adminGroup: 'inbox-admins', nameClaim: 'preferred_username' }),
    },
  });
  idp.configure({ redirectUri: `${receiver.url}/inbox/oidc/callback`, accounts: ACCOUNTS });
  const createdAt = new Date().toISOString();
  await receiver.storage.db
    .insertInto('teams')
    .values([
      { id: 'bergkamen', name: 'Bergkamen', oidc_group: 'kreis-bergkamen', created_at: createdAt },
      { id: 'unna', name: 'Unna', oidc_group: 'kreis-unna', created_at: createdAt },
      { id: 'kamen', name: 'Kamen', oidc_group: null, created_at: createdAt },
    ])
    .execute();
  return { idp, receiver, startUrl: `${receiver.url}/inbox/oidc/start` };
}

async function sessionOf(receiver, cookie) {
  return fetch(`${receiver.url}/inbox/api/session`, { headers: { Cookie: cookie } });
}

async function auditOf(receiver) {
  return receiver.storage.db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'detail'])
    .orderBy('id')
    .execute();
}

storageTest(
  'a person signs in through the identity provider and gets the teams of their groups',
  async (t, env) => {
    const { receiver, startUrl } = await setUp(t, env);
    const config = await (await fetch(`${receiver.url}/inbox/api/config`)).json();
    assert.deepEqual(config, { local: true, oidc: { label: 'Kreis-Login' }, totp: false });

    const { response, cookie } = await signInThroughIdp({ startUrl, login: 'anna' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/inbox/');
    const [sessionCookie] = response.headers
      .getSetCookie()
      .filter((c) => c.startsWith('intake-session='));
    assert.match(sessionCookie, /HttpOnly/);
    assert.match(sessionCookie, /SameSite=Strict/);
    const me = await (await sessionOf(receiver, cookie(receiver.url))).json();
    assert.deepEqual(
      {
        name: me.name,
        displayName: me.displayName,
        via: me.via,
        teams: me.teams,
        isAdmin: me.isAdmin,
      },
      {
        name: 'oidc:anna',
        displayName: 'Anna Berg',
        via: 'oidc',
        teams: ['bergkamen', 'unna'],
        isAdmin: false,
      },
    );
    // A state change in an OIDC session needs the CSRF token like any other.
    const signOut = await fetch(`${receiver.url}/inbox/api/session`, {
      method: 'DELETE',
      headers: { Cookie: cookie(receiver.url), 'X-CSRF-Token': me.csrfToken },
    });
    assert.equal(signOut.status, 204);

    const admin = await signInThroughIdp({ startUrl, login: 'chef' });
    const chef = await (await sessionOf(receiver, admin.cookie(receiver.url))).json();
    assert.equal(chef.isAdmin, true);
    assert.deepEqual(chef.teams, []);

    const entries = await auditOf(receiver);
    assert.deepEqual(
      entries.map((e) => [e.actor, e.action]),
      [
        ['oidc:anna', 'sign-in'],
        ['oidc:anna', 'sign-out'],
        ['oidc:chef', 'sign-in'],
      ],
    );
  },
);

storageTest('a person in no mapped group is refused with a page that says so', async (t, env) => {
  const { receiver, startUrl } = await setUp(t, env);
  const { response, body, cookie } = await signInThroughIdp({ startUrl, login: 'otto' });
  assert.equal(response.status, 403);
  assert.match(response.headers.get('content-type'), /^text\/html/);
  assert.match(body, /none of your groups has access to the inbox/);
  assert.match(body, /gehören aber zu keiner Gruppe/);
  assert.equal(
    response.headers.getSetCookie().filter((c) => /intake-session=[^;]/.test(c)).length,
    0,
  );
  assert.equal((await sessionOf(receiver, cookie(receiver.url))).status, 401);
  const [entry] = await auditOf(receiver);
  assert.deepEqual(
    [entry.actor, entry.action, JSON.parse(entry.detail).reason],
    ['oidc:otto', 'sign-in-failed', 'no-team'],
  );
});

storageTest('a callback whose state is not this browser’s is refused', async (t, env) => {
  const { receiver, startUrl } = await setUp(t, env);
  // The state changed on the way (or a callback another browser started: a login CSRF).
  const changed = await signInThroughIdp({
    startUrl,
    login: 'anna',
    atCallback(url) {
      url.searchParams.set('state', 'somebody-elses-state');
      return url;
    },
  });
  assert.equal(changed.response.status, 400);
  assert.match(changed.body, /could not be finished/);
  assert.equal((await sessionOf(receiver, changed.cookie(receiver.url))).status, 401);

  // The right state, but not this browser's flow cookie.
  const foreign = await signInThroughIdp({
    startUrl,
    login: 'anna',
    atCallback(url, jar) {
      jar.get(receiver.url).clear();
    },
  });
  assert.equal(foreign.response.status, 400);
  assert.equal((await sessionOf(receiver, foreign.cookie(receiver.url))).status, 401);
  const reasons = (await auditOf(receiver)).map((e) => [e.action, JSON.parse(e.detail).reason]);
  assert.deepEqual(reasons, [
    ['sign-in-failed', 'state'],
    ['sign-in-failed', 'state'],
  ]);
});

storageTest('an unreachable identity provider gets a page, not an error trace', async (t, env) => {
  // A port nobody listens on: the first sign-in's discovery fails.
  const closed = await listenIdp();
  const issuer = closed.issuer;
  await closed.close();
  const receiver = await env.start({ inbox: { oidc: { issuer, clientId: CLIENT_ID } } });
  const answer = await fetch(`${receiver.url}/inbox/oidc/start`, { redirect: 'manual' });
  assert.equal(answer.status, 502);
  assert.match(await answer.text(), /cannot be reached right now/);
  assert.equal(answer.headers.getSetCookie().length, 0);
  const config = await (await fetch(`${receiver.url}/inbox/api/config`)).json();
  assert.deepEqual(config.oidc, { label: 'Single sign-on' });
  // Without OIDC settings there is no such route.
  const plain = await env.start({ inbox: true });
  assert.equal((await fetch(`${plain.url}/inbox/oidc/start`, { redirect: 'manual' })).status, 404);
});
