/**
 * Teams and what they see, on the command line, against the receiver's storage (the same
 * DATA_DIR / DATABASE_URL settings as `node server/index.js`):
 *
 *   node server/teams.js add <id> --name <name> [--email <addr>] [--oidc-group <group>]
 *   node server/teams.js grant <team> <form> [--route /kommune=Bergkamen]
 *   node server/teams.js add-member <team> <user>
 *   node server/teams.js list
 *   node server/teams.js reindex          routing and search rows of every stored submission
 *
 * `grant` without `--route` gives the team the whole form; with it, only the submissions whose
 * answer at the pointer equals the value (a town's caseworkers see their town). The routing
 * rows of submissions stored before the rule are written at once.
 */
import { parseCommandLine, stderr, stdout, withStorage } from './cli.js';
import { reindexAll, reindexRouting } from './inbox/routing.js';
import { isMainModule } from './main-module.js';
import { FORM_ID } from './forms.js';

const USAGE = `Usage:
  node server/teams.js add <id> --name <name> [--email <addr>] [--oidc-group <group>]
  node server/teams.js grant <team> <form> [--route /pointer=value]
  node server/teams.js add-member <team> <user>
  node server/teams.js list
  node server/teams.js reindex
`;

/** Team ids as staff.js makes them. */
const TEAM = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** `/kommune=Bergkamen`: a JSON Pointer, `=`, the value (which may hold `=`). */
const ROUTE = /^(\/[^=]*)=(.+)$/;

/**
 * @param {string[]} argv
 * @param {{ env?: Record<string, string | undefined>, out?: (text: string) => void,
 *   err?: (text: string) => void }} [io]
 * @returns {Promise<number>} 0 done, 1 refused, 2 wrong usage
 */
export async function main(argv, { env = process.env, out = stdout, err = stderr } = {}) {
  const args = parseCommandLine(
    argv,
    {
      name: { type: 'string' },
      email: { type: 'string' },
      'oidc-group': { type: 'string' },
      route: { type: 'string' },
    },
    { err, usage: USAGE },
  );
  if (!args) return 2;
  const [command, ...rest] = args.positionals;
  const usage = (message) => {
    err(`${message ? `${message}\n` : ''}${USAGE}`);
    return 2;
  };
  const arity = { add: 1, grant: 2, 'add-member': 2, list: 0, reindex: 0 };
  if (!Object.hasOwn(arity, command) || rest.length !== arity[command]) return usage();

  return withStorage(env, err, async (storage) => {
    const { db } = storage;
    const now = new Date().toISOString();
    if (command === 'add') {
      const id = rest[0].toLowerCase();
      const { name, email } = args.values;
      const group = args.values['oidc-group'];
      if (!TEAM.test(id)) return usage('The id may hold a-z, 0-9, _ and - (at most 64).');
      if (!name?.trim()) return usage('--name is needed.');
      if (email !== undefined && !EMAIL.test(email)) return usage('--email is not an address.');
      const taken = await db
        .selectFrom('teams')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (taken) {
        err(`There is already a team ${id}.\n`);
        return 1;
      }
      await db
        .insertInto('teams')
        .values({
          id,
          name: name.trim(),
          email: email ?? null,
          oidc_group: group ?? null,
          created_at: now,
        })
        .execute();
      out(`Added team ${id} (${name.trim()}).\n`);
      return 0;
    }
    if (command === 'grant') {
      const [team, form] = rest;
      if (!FORM_ID.test(form)) return usage('Not a form id.');
      let pointer = null;
      let value = null;
      if (args.values.route !== undefined) {
        const match = ROUTE.exec(args.values.route);
        if (!match) return usage('--route must look like /kommune=Bergkamen.');
        [, pointer, value] = match;
      }
      if (!(await teamExists(db, team))) {
        err(`There is no team ${team}.\n`);
        return 1;
      }
      let rule = db
        .selectFrom('team_forms')
        .select('id')
        .where('team_id', '=', team)
        .where('form_id', '=', form);
      rule =
        pointer === null
          ? rule.where('route_pointer', 'is', null)
          : rule.where('route_pointer', '=', pointer).where('route_value', '=', value);
      if (!(await rule.executeTakeFirst())) {
        await db
          .insertInto('team_forms')
          .values({ team_id: team, form_id: form, route_pointer: pointer, route_value: value })
          .execute();
      }
      if (pointer === null) {
        out(`Team ${team} sees every submission of ${form}.\n`);
      } else {
        const count = await reindexRouting(storage, form, pointer);
        out(
          `Team ${team} sees the submissions of ${form} where ${pointer} is ${value}` +
            ` (${count} stored submissions indexed by ${pointer}).\n`,
        );
      }
      return 0;
    }
    if (command === 'add-member') {
      const [team, user] = [rest[0], rest[1].toLowerCase()];
      if (!(await teamExists(db, team))) {
        err(`There is no team ${team}.\n`);
        return 1;
      }
      const account = await db
        .selectFrom('staff_users')
        .select('name')
        .where('name', '=', user)
        .executeTakeFirst();
      if (!account) {
        err(`There is no staff account ${user} (node server/staff.js add-user).\n`);
        return 1;
      }
      await db
        .insertInto('staff_memberships')
        .values({ user_name: user, team_id: team })
        .onConflict((oc) => oc.doNothing())
        .execute();
      out(`${user} works in team ${team}; it applies from their next sign-in.\n`);
      return 0;
    }
    if (command === 'reindex') {
      out(`Indexed ${await reindexAll(storage)} submissions.\n`);
      return 0;
    }
    // list
    const teams = await db.selectFrom('teams').selectAll().orderBy('id').execute();
    const grants = await db.selectFrom('team_forms').selectAll().orderBy('id').execute();
    const members = await db
      .selectFrom('staff_memberships')
      .selectAll()
      .orderBy('user_name')
      .execute();
    for (const team of teams) {
      const extra = [team.email, team.oidc_group && `OIDC group ${team.oidc_group}`].filter(
        Boolean,
      );
      out(`${team.id}  ${team.name}${extra.length ? `  (${extra.join(', ')})` : ''}\n`);
      for (const grant of grants.filter((g) => g.team_id === team.id)) {
        const route =
          grant.route_pointer === null ? 'all' : `${grant.route_pointer} = ${grant.route_value}`;
        out(`  form ${grant.form_id}: ${route}\n`);
      }
      const names = members.filter((m) => m.team_id === team.id).map((m) => m.user_name);
      out(`  members: ${names.length ? names.join(', ') : '—'}\n`);
    }
    if (teams.length === 0) out('No teams yet.\n');
    return 0;
  });
}

async function teamExists(db, id) {
  return Boolean(await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst());
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
