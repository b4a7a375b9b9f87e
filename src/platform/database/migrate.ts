import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';

/** Any number fixed for the application: one migration run at a time per database. */
const MIGRATION_LOCK = 727_002;

/** A data source used only to run or revert migrations against the given database. */
export function migrationDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  });
}

/**
 * Applies the pending migrations. Instances starting together (two behind the proxy, a rolling upgrade) take turns
 * on a session advisory lock: the first applies them, the next finds them applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const dataSource = await migrationDataSource(url).initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end();
  }
}
