/**
 * `npm run audit:verify`: checks the audit log's hash chain and names the first broken row.
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (started just for the check).
 */
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../src/audit/audit-log.repository';
import { loadConfig } from '../src/config/app-config';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';

async function main(): Promise<number> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
  const dataSource = await new DataSource({ type: 'postgres', url: config.databaseUrl ?? embedded!.url }).initialize();
  try {
    const verdict = await new AuditLogRepository(dataSource).verify();
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.rows} rows verified`);
      return 0;
    }
    console.log(`audit chain BROKEN at row id ${verdict.brokenAt}: ${verdict.problem} (${verdict.rows} rows read)`);
    return 2;
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
