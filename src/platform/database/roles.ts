import { Client } from 'pg';
import { APP_ROLE } from '../../../migrations/1764900000000-least-privilege';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes `name` a login role that holds the application's rights (member of `tctn_app`) and nothing else, with this
 * password; the URL connects to the same database as `adminUrl` as that role. For the embedded defaults and the
 * tests; in production the DBA creates the login role (README, "Database roles").
 */
export async function ensureAppLoginRole(adminUrl: string, name: string, password: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid role name ${name}`);
  await withClient(adminUrl, async (client) => {
    const literal = (await client.query<{ q: string }>('SELECT quote_literal($1::text) AS q', [password])).rows[0].q;
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    await client.query(
      `${rowCount ? 'ALTER' : 'CREATE'} ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS ` +
        `INHERIT PASSWORD ${literal}`,
    );
    await client.query(`GRANT ${APP_ROLE} TO ${name}`);
  });
  const url = new URL(adminUrl);
  url.username = name;
  url.password = password;
  return url.toString();
}

/**
 * What makes the application's connection more powerful than it needs: a superuser, a role that can bypass row
 * security, or the owner of any table (owners can disable triggers and rewrite the audit log). Empty when sound.
 */
export async function excessPrivileges(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const problems: string[] = [];
    const [role] = (
      await client.query<{ name: string; rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }>(
        `SELECT current_user AS name, rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows;
    if (role.rolsuper) problems.push(`${role.name} is a superuser`);
    if (role.rolbypassrls) problems.push(`${role.name} bypasses row-level security`);
    if (role.rolcreaterole) problems.push(`${role.name} can create roles`);
    const owned = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')
        ORDER BY c.relname LIMIT 5`,
    );
    if (owned.rowCount) {
      problems.push(`${role.name} owns tables (${owned.rows.map((r) => r.relname).join(', ')}, ...)`);
    }
    return problems;
  });
}
