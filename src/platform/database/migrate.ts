import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';

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

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await migrationDataSource(url).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
