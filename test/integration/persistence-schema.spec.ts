import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { createTestDatabase } from '../support/database';

/**
 * Typed persistence (docs/persistence.md), checked against the schema the real migrations build:
 * - every table has exactly one TypeORM entity, in the module that owns the table;
 * - every entity says what its table is: each column exists with the declared type, array-ness and nullability,
 *   generated columns are read-only, and no column of the table is left out;
 * - no other module names an owned table in its SQL: it reads through the owner's port or through a view a
 *   migration creates for it.
 */

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/**
 * Files that name another module's table in SQL, each with the reason it may. Keep this short: a new entry needs a
 * reason a reviewer accepts.
 */
const FOREIGN_SQL_ALLOWED: Record<string, string> = {
  'src/platform/database/roles.ts': 'grants the least-privileged role its rights on every table',
};

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

type EntityClass = new (...args: never[]) => object;
const moduleOf = (file: string) => relative(SRC, file).split('/')[0];
const sourceFiles = walk(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

/** Every entity class in src/, with the file that declares it. */
function discoverEntities(): { target: EntityClass; table: string; file: string }[] {
  const found: { target: EntityClass; table: string; file: string }[] = [];
  for (const file of sourceFiles.filter((f) => f.endsWith('.entity.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value !== 'function') continue;
      const table = getMetadataArgsStorage().tables.find((t) => t.target === value);
      if (table) found.push({ target: value as EntityClass, table: table.name ?? value.name, file });
    }
  }
  return found;
}

interface DbColumn {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  generated: boolean;
}

describe('typed persistence: entities match the migrated schema, and each table has one owner', () => {
  const entities = discoverEntities();
  let dataSource: DataSource;
  let tables: string[];
  let columns: DbColumn[];

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url, entities: entities.map((e) => e.target) }).initialize();
    tables = (
      await dataSource.query(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations'
         ORDER BY 1`,
      )
    ).map((r: { name: string }) => r.name);
    columns = await dataSource.query(
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS "notNull", a.attgenerated <> '' AS generated
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND a.attnum > 0 AND NOT a.attisdropped`,
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('gives every table exactly one entity', () => {
    const byTable = new Map<string, string[]>();
    for (const e of entities) byTable.set(e.table, [...(byTable.get(e.table) ?? []), relative(ROOT, e.file)]);
    const problems: string[] = [];
    for (const table of tables) {
      const files = byTable.get(table) ?? [];
      if (files.length !== 1) problems.push(`${table}: ${files.length} entities ${files.join(', ')}`);
    }
    for (const table of byTable.keys()) if (!tables.includes(table)) problems.push(`${table}: entity of no table`);
    expect(problems).toEqual([]);
  });

  it('declares every column of each table with its type, array-ness and nullability', () => {
    const problems: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      const table = metadata.tableName;
      const dbColumns = columns.filter((c) => c.table === table);
      for (const column of metadata.columns) {
        const db = dbColumns.find((c) => c.column === column.databaseName);
        if (!db) {
          problems.push(`${table}.${column.databaseName}: no such column`);
          continue;
        }
        const dbArray = db.type.endsWith('[]');
        const dbType = db.type.replace(/\[\]$/, '').replace(/\(.*\)$/, '');
        const declared = dataSource.driver.normalizeType(column);
        if (declared !== dbType) problems.push(`${table}.${db.column}: declared ${declared}, the table has ${dbType}`);
        if (column.isArray !== dbArray)
          problems.push(`${table}.${db.column}: array ${column.isArray}, table ${dbArray}`);
        if (column.isNullable === db.notNull) {
          problems.push(
            `${table}.${db.column}: the entity says nullable ${column.isNullable}, the table NOT NULL ${db.notNull}`,
          );
        }
        if (db.generated && (column.isInsert || column.isUpdate)) {
          problems.push(
            `${table}.${db.column}: generated by the database, declare it { insert: false, update: false }`,
          );
        }
      }
      for (const db of dbColumns) {
        if (!metadata.columns.some((c) => c.databaseName === db.column))
          problems.push(`${table}.${db.column}: not declared`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps each table in its owning module: no other module names it in SQL', () => {
    const owner = new Map(entities.map((e) => [e.table, moduleOf(e.file)]));
    const problems: string[] = [];
    for (const file of sourceFiles) {
      const path = relative(ROOT, file);
      if (FOREIGN_SQL_ALLOWED[path]) continue;
      const text = readFileSync(file, 'utf8');
      for (const [table, module] of owner) {
        if (moduleOf(file) === module) continue;
        const named = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE|LOCK)\\s+(ONLY\\s+)?${table}\\b`).test(text);
        if (named) problems.push(`${path} names ${table} (owned by ${module})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
