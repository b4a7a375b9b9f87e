import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as any).__EMBEDDED_PG__;
  if (pg) {
    await pg.stop();
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
