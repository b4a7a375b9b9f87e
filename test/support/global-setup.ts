import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { runMigrations } from '../../src/platform/database/migrate';
import { ensureAppLoginRole } from '../../src/platform/database/roles';
import { randomBytes } from 'node:crypto';

/**
 * Starts one PostgreSQL for the whole run (embedded unless DATABASE_URL is given), applies the real migrations
 * to a template database, and lets every test file clone it (see database.ts).
 */
export default async function globalSetup(globalConfig?: { selectProjects?: string[] }): Promise<void> {
  // The unit tier is pure: `npm run test:unit` needs no database.
  const selected = globalConfig?.selectProjects;
  if (selected?.length && selected.every((name) => name === 'unit')) return;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tctn-test-')), 'pg');
    const pg = await startEmbeddedPostgres({
      dataDir,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    (globalThis as any).__EMBEDDED_PG__ = pg;
    (globalThis as any).__EMBEDDED_PG_DIR__ = dataDir;
    adminUrl = pg.url;
  }
  const template = `tctn_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(adminUrl, template));
  // The service under test connects as a least-privileged login role (member of tctn_app), as in production.
  const appUrl = await ensureAppLoginRole(adminUrl, 'tctn_web_test', randomBytes(18).toString('base64url'));
  process.env.TEST_APP_DATABASE_URL = appUrl;
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
