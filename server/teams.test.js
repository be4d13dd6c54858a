// `node server/teams.js` as a real process against both storages: teams, grants with and
// without a routing rule (which re-indexes the submissions stored before it, so that the
// town's caseworker sees them at once), memberships, the listing, and wrong usage.
import assert from 'node:assert/strict';
import { storageTest } from './testing/harness.js';
import { addStaff, signIn } from './testing/inbox-harness.js';
import { seedInbox } from './testing/seed-inbox.js';
import { runCli } from './testing/staff-cli.js';

/** `node server/teams.js <args>` on the test's storage. */
const teams = (args, storageOptions) => runCli('teams.js', args, { storageOptions });

storageTest(
  'teams.js: add, grant with a route, add-member, list; the grant reaches old submissions',
  async (t, env) => {
    const receiver = await env.start({ inbox: true });
    await receiver.ready;
    // Stored before any rule names /kommune: no routing rows yet.
    const seeded = await seedInbox(receiver.storage, { count: 10 });
    await receiver.storage.db.deleteFrom('submission_routing').execute();
    await addStaff(receiver.storage, { name: 'anna', team: 'anna-start' });
    const run = (...args) => teams(args, env.storageOptions);

    let result = await run(
      'add',
      'bergkamen',
      '--name',
      'Stadt Bergkamen',
      '--email',
      'kim@bergkamen.example',
      '--oidc-group',
      'kim-bergkamen',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await run('add', 'bergkamen', '--name', 'Doppelt')).code, 1);
    result = await run('grant', 'bergkamen', 'hilfe', '--route', '/kommune=Bergkamen');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\(10 stored submissions indexed by \/kommune\)/);
    result = await run('add-member', 'bergkamen', 'Anna');
    assert.equal(result.code, 0, result.stderr);

    const anna = await signIn(receiver, 'anna');
    const list = await (await anna.get('/inbox/api/submissions')).json();
    assert.deepEqual(
      list.items.map((i) => i.reference).sort(),
      seeded
        .filter((s) => s.town === 'Bergkamen')
        .map((s) => s.reference)
        .sort(),
    );

    // The whole form, for another team.
    assert.equal((await run('add', 'kreis', '--name', 'Kreis Unna')).code, 0);
    assert.equal((await run('grant', 'kreis', 'hilfe')).code, 0);
    const listing = await run('list');
    assert.equal(listing.code, 0);
    assert.match(
      listing.stdout,
      /^bergkamen {2}Stadt Bergkamen {2}\(kim@bergkamen\.example, OIDC group kim-bergkamen\)$/m,
    );
    assert.match(listing.stdout, /^ {2}form hilfe: \/kommune = Bergkamen$/m);
    assert.match(listing.stdout, /^ {2}members: anna$/m);
    assert.match(listing.stdout, /^ {2}form hilfe: all$/m);

    // Refusals.
    assert.equal((await run('grant', 'nowhere', 'hilfe')).code, 1);
    assert.equal((await run('add-member', 'bergkamen', 'ghost')).code, 1);
    assert.equal((await run('grant', 'bergkamen', 'hilfe', '--route', 'kommune')).code, 2);
    assert.equal((await run('add', 'Bad Id!', '--name', 'x')).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
    assert.equal((await run('reindex')).code, 0);
  },
);
