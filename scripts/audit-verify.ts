/**
 * `npm run audit:verify`: checks the audit log's hash chain against its signed checkpoints (table and object store)
 * and names the first broken row. Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR, and S3_* or the
 * embedded store under DATA_DIR (started just for the check); the audit key under DATA_DIR/secrets.
 */
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../src/audit/audit-log.repository';
import { AUDIT_ENTITIES } from '../src/audit/audit.entities';
import { loadConfig } from '../src/config/app-config';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { CheckpointSigner } from '../src/audit/audit-checkpoint';
import { AuditCheckpoints } from '../src/audit/audit-checkpoints.service';
import { startEmbeddedS3 } from '../src/platform/storage/embedded-s3';
import { S3ObjectStore } from '../src/platform/storage/s3-object-store.adapter';

async function main(): Promise<number> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
  const embeddedS3 = config.s3 ? undefined : await startEmbeddedS3(join(config.dataDir, 'objects'));
  const store = new S3ObjectStore(config.s3 ?? embeddedS3!.settings);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: config.databaseUrl ?? embedded!.url,
    entities: AUDIT_ENTITIES,
  }).initialize();
  try {
    const checkpoints = new AuditCheckpoints(
      new AuditLogRepository(dataSource),
      new CheckpointSigner(config.dataDir),
      store,
    );
    const verdict = await checkpoints.verify();
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.rows} rows verified`);
      return 0;
    }
    console.log(`audit chain BROKEN at row id ${verdict.brokenAt}: ${verdict.problem} (${verdict.rows} rows read)`);
    return 2;
  } finally {
    await dataSource.destroy();
    await embeddedS3?.stop();
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
