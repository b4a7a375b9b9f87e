import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import type { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as any).__EMBEDDED_PG__ as EmbeddedPostgres | undefined;
  if (pg) {
    await pg.stop();
    // The suite's cluster is thrown away: its data directory (under /var/tmp when run as root) and its password file
    // would otherwise stay behind, about a gigabyte per run.
    rmSync(pg.dataDir, { recursive: true, force: true });
    rmSync(`${pg.dataDir}.password`, { force: true });
    const created = (globalThis as any).__EMBEDDED_PG_DIR__ as string | undefined;
    if (created) rmSync(dirname(created), { recursive: true, force: true });
    return;
  }
  // Nothing was started (the unit tier alone).
  if (!process.env.TEST_ADMIN_DATABASE_URL) return;
  const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'tctn_%'`);
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
