import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../src/platform/database/migrate';
import { ensureAppLoginRole } from '../../src/platform/database/roles';

/**
 * A fresh database for one test file, cloned from the migrated template that global-setup prepared,
 * so every file starts from the real migrations and no file sees another's rows. `url` connects as the owner
 * (a superuser: for fixtures, tampering, fault injection); `appUrl` as the service's least-privileged role.
 */
export async function createTestDatabase(): Promise<{ url: string; appUrl: string; name: string }> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!adminUrl || !template) throw new Error('test database not prepared: run through jest (global-setup.ts)');
  const name = `tctn_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), appUrl: appUrlFor(u.toString()), name };
}

/** The same database as `ownerUrl` (on the suite's server), reached as the service's least-privileged login role. */
export function appUrlFor(ownerUrl: string): string {
  const app = new URL(process.env.TEST_APP_DATABASE_URL!);
  app.pathname = new URL(ownerUrl).pathname;
  return app.toString();
}

/**
 * Like appUrlFor, for a database on any server (a fault test's own cluster): migrates it as the owner and gives
 * that server the suite's login role too.
 */
export async function appRoleOn(ownerUrl: string): Promise<string> {
  const owner = new URL(ownerUrl);
  const app = new URL(process.env.TEST_APP_DATABASE_URL!);
  if (owner.host === app.host) return appUrlFor(ownerUrl);
  await runMigrations(ownerUrl);
  return ensureAppLoginRole(ownerUrl, decodeURIComponent(app.username), decodeURIComponent(app.password));
}
