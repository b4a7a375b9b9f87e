/**
 * `npm run migration:run` | `migration:revert` | `migration:generate -- <Name>`
 * against DATABASE_MIGRATION_URL (the schema owner), else DATABASE_URL, or the embedded PostgreSQL under DATA_DIR
 * (started just for the command).
 *
 * `generate` writes an empty, timestamped migration class under migrations/ for a reviewed, hand-written SQL change
 * (the schema is SQL-first: repositories use SQL, not entity metadata, so there is no entity diff to generate from);
 * add it to migrations/index.ts. Migrations are never edited after they land.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/app-config';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { migrationDataSource } from '../src/platform/database/migrate';

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const configured = config.databaseMigrationUrl ?? config.databaseUrl;
  const embedded = configured ? undefined : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
  try {
    return await work(configured ?? embedded!.url);
  } finally {
    await embedded?.stop();
  }
}

async function main(command: string, name: string | undefined): Promise<void> {
  switch (command) {
    case 'run':
      return withDatabase(async (url) => {
        const ds = await migrationDataSource(url).initialize();
        const applied = await ds.runMigrations({ transaction: 'each' });
        await ds.destroy();
        console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
      });
    case 'revert':
      return withDatabase(async (url) => {
        const ds = await migrationDataSource(url).initialize();
        await ds.undoLastMigration({ transaction: 'each' });
        await ds.destroy();
        console.log('reverted the last migration');
      });
    case 'generate': {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
        throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
      const timestamp = Date.now();
      const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
      const file = join(__dirname, '..', 'migrations', `${timestamp}-${kebab}.ts`);
      writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  async up(q: QueryRunner): Promise<void> {\n    await q.query(\`\`);\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n    await q.query(\`\`);\n  }\n}\n`,
      );
      console.log(`created ${file}; add ${name}${timestamp} to migrations/index.ts`);
      return;
    }
    default:
      throw new Error('usage: migrate.ts run | revert | generate <Name>');
  }
}

main(process.argv[2] ?? '', process.argv[3]).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
