/**
 * Backup and restore of the database and the object store, and the rehearsal that proves a backup restores
 * (docs/operations.md, "Backup and restore").
 *
 *   node -r @swc-node/register scripts/backup-restore-rehearsal.ts backup <dir>
 *   node -r @swc-node/register scripts/backup-restore-rehearsal.ts restore <dir>     # into an EMPTY database
 *   node -r @swc-node/register scripts/backup-restore-rehearsal.ts rehearse [<dir>]  # backup, restore elsewhere, verify
 *
 * Source: DATABASE_MIGRATION_URL (the schema owner, a superuser: the restore loads rows with triggers and foreign
 * keys held off) and S3_*. `restore` writes to DATABASE_MIGRATION_URL and S3_*; `rehearse` restores into
 * RESTORE_DATABASE_URL and RESTORE_S3_BUCKET (both must differ from the source and are wiped first), never into
 * the source. The audit key under DATA_DIR/secrets verifies the chain's signed checkpoints after the restore.
 *
 * The backup is logical and independent of the PostgreSQL major version: one snapshot (REPEATABLE READ) of every
 * table as JSON lines, the sequences, the migrations applied and the monthly partitions, plus every object with its
 * content type and metadata. The schema is not in the backup: a restore runs the same migrations, so it needs the
 * release the backup was taken with (the manifest names the last migration; a newer release migrates it after).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { Client as S3Client } from 'minio';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MONTHLY_PARTITIONED } from '../migrations/1765800000000-monthly-partitions';
import { CheckpointSigner } from '../src/audit/audit-checkpoint';
import { AuditCheckpoints } from '../src/audit/audit-checkpoints.service';
import { AuditLogRepository } from '../src/audit/audit-log.repository';
import { AUDIT_ENTITIES } from '../src/audit/audit.entities';
import { ChainVerdict } from '../src/audit/audit-chain';
import { runMigrations } from '../src/platform/database/migrate';
import { S3ObjectStore, S3Settings } from '../src/platform/storage/s3-object-store.adapter';

export interface Manifest {
  takenAt: string;
  migrations: string[];
  tables: Record<string, number>;
  sequences: Record<string, string | null>;
  partitions: Record<string, string[]>;
  objects: { key: string; sha256: string; size: number; contentType: string; metadata: Record<string, string> }[];
}

const BATCH = 2000;

function s3Client(s3: S3Settings): S3Client {
  const url = new URL(s3.endpoint);
  return new S3Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    useSSL: url.protocol === 'https:',
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    pathStyle: true,
    region: 'us-east-1',
  });
}

async function objectKeys(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of client.listObjectsV2(bucket, '', true)) if (item.name) keys.push(item.name);
  return keys.sort();
}

async function readObject(client: S3Client, bucket: string, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await client.getObject(bucket, key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The tables that hold the service's rows: not the partitions (read through their parent), not the bookkeeping. */
async function dataTables(db: Client): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
  );
  return rows.map((r) => r.relname as string);
}

const fileOf = (dir: string, table: string) => join(dir, 'tables', `${table}.jsonl`);

/** One consistent snapshot of the database and a copy of every object, written to `dir`. */
export async function backup(databaseUrl: string, s3: S3Settings, dir: string): Promise<Manifest> {
  mkdirSync(join(dir, 'tables'), { recursive: true });
  mkdirSync(join(dir, 'objects'), { recursive: true });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const manifest: Manifest = {
    takenAt: new Date().toISOString(),
    migrations: [],
    tables: {},
    sequences: {},
    partitions: {},
    objects: [],
  };
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    manifest.migrations = (await db.query(`SELECT name FROM schema_migrations ORDER BY id`)).rows.map((r) => r.name);
    for (const table of await dataTables(db)) {
      const out = createWriteStream(fileOf(dir, table));
      await db.query(`DECLARE rows_out NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${table} t`);
      let count = 0;
      for (;;) {
        const { rows } = await db.query(`FETCH ${BATCH} FROM rows_out`);
        if (!rows.length) break;
        if (!out.write(rows.map((r) => r.r).join('\n') + '\n')) await once(out, 'drain');
        count += rows.length;
      }
      await db.query('CLOSE rows_out');
      out.end();
      await once(out, 'finish');
      manifest.tables[table] = count;
    }
    for (const { name, value } of (
      await db.query(
        `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`,
      )
    ).rows) {
      manifest.sequences[name] = value;
    }
    for (const table of MONTHLY_PARTITIONED) {
      const { rows } = await db.query(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = $1::regclass AND c.relname ~ '_[0-9]{4}m[0-9]{2}$' ORDER BY c.relname`,
        [table],
      );
      manifest.partitions[table] = rows.map((r) => r.relname);
    }
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
  const client = s3Client(s3);
  for (const [i, key] of (await objectKeys(client, s3.bucket)).entries()) {
    const body = await readObject(client, s3.bucket, key);
    const stat = await client.statObject(s3.bucket, key);
    const { 'content-type': contentType = 'application/octet-stream', ...metadata } = stat.metaData as Record<
      string,
      string
    >;
    writeFileSync(join(dir, 'objects', String(i)), body);
    manifest.objects.push({
      key,
      sha256: createHash('sha256').update(body).digest('hex'),
      size: body.length,
      contentType,
      metadata,
    });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Restores `dir` into an empty database (schema by the migrations, then the rows with triggers and foreign keys
 * held off, then the sequences) and into the bucket.
 */
export async function restore(databaseUrl: string, s3: S3Settings, dir: string): Promise<Manifest> {
  const manifest: Manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const check = new Client({ connectionString: databaseUrl });
  await check.connect();
  try {
    const { rows } = await check.query(`SELECT to_regclass('public.dossier') IS NOT NULL AS migrated`);
    if (rows[0].migrated && (await check.query(`SELECT 1 FROM dossier LIMIT 1`)).rowCount) {
      throw new Error('the target database holds dossiers: restore only into an empty database');
    }
  } finally {
    await check.end();
  }
  await runMigrations(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const applied = (await db.query(`SELECT name FROM schema_migrations ORDER BY id`)).rows.map((r) => r.name);
    const missing = manifest.migrations.filter((name) => !applied.includes(name));
    if (missing.length) throw new Error(`this release lacks migrations of the backup: ${missing.join(', ')}`);
    for (const [table, partitions] of Object.entries(manifest.partitions)) {
      for (const name of partitions) {
        const [, year, month] = /_(\d{4})m(\d{2})$/.exec(name)!;
        await db.query(`SELECT ensure_monthly_partitions($1, $2::date, 1)`, [table, `${year}-${month}-01`]);
      }
    }
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
    const tables = Object.keys(manifest.tables);
    // Rows the migrations seed (legal parameters, the calendar) come back from the backup as they were.
    await db.query(`TRUNCATE ${tables.join(', ')}`);
    for (const table of tables) {
      const columns = (
        await db.query(
          `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS list
             FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'`,
          [table],
        )
      ).rows[0].list;
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await db.query(
          `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(null::${table}, $1::json)`,
          [`[${batch.join(',')}]`],
        );
        batch = [];
      };
      for await (const line of createInterface({ input: createReadStream(fileOf(dir, table)) })) {
        if (!line) continue;
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
    }
    for (const [name, value] of Object.entries(manifest.sequences)) {
      if (value !== null) await db.query(`SELECT setval($1::regclass, $2::bigint)`, [name, value]);
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
  const store = new S3ObjectStore(s3);
  await store.ensureBucket();
  for (const [i, object] of manifest.objects.entries()) {
    await store.put(object.key, readFileSync(join(dir, 'objects', String(i))), object.contentType, object.metadata);
  }
  return manifest;
}

export interface Verification {
  ok: boolean;
  problems: string[];
  audit: ChainVerdict;
}

/** The restored database and bucket against the manifest: row counts, objects byte for byte, the audit chain. */
export async function verify(databaseUrl: string, s3: S3Settings, dataDir: string, dir: string): Promise<Verification> {
  const manifest: Manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const problems: string[] = [];
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (const [table, expected] of Object.entries(manifest.tables)) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
      if (rows[0].n !== expected) problems.push(`${table}: ${rows[0].n} rows, the backup has ${expected}`);
    }
  } finally {
    await db.end();
  }
  const client = s3Client(s3);
  const keys = new Set(await objectKeys(client, s3.bucket));
  for (const object of manifest.objects) {
    if (!keys.has(object.key)) {
      problems.push(`object ${object.key} is missing`);
      continue;
    }
    const sha = createHash('sha256')
      .update(await readObject(client, s3.bucket, object.key))
      .digest('hex');
    if (sha !== object.sha256) problems.push(`object ${object.key} differs from the backup`);
  }
  const dataSource = await new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: AUDIT_ENTITIES,
  }).initialize();
  let audit: ChainVerdict;
  try {
    audit = await new AuditCheckpoints(
      new AuditLogRepository(dataSource),
      new CheckpointSigner(dataDir),
      new S3ObjectStore(s3),
    ).verify();
  } finally {
    await dataSource.destroy();
  }
  if (!audit.ok) problems.push(`audit chain broken at row ${audit.brokenAt}: ${audit.problem}`);
  return { ok: problems.length === 0, problems, audit };
}

/** Empties a bucket (the rehearsal's target, or the source in a test that wipes it). */
export async function emptyBucket(s3: S3Settings): Promise<void> {
  const client = s3Client(s3);
  if (!(await client.bucketExists(s3.bucket))) return;
  for (const key of await objectKeys(client, s3.bucket)) await client.removeObject(s3.bucket, key);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

async function main(): Promise<number> {
  const [command, argDir] = process.argv.slice(2);
  const source = process.env.DATABASE_MIGRATION_URL ?? requireEnv('DATABASE_URL');
  const s3: S3Settings = {
    endpoint: requireEnv('S3_ENDPOINT'),
    accessKey: requireEnv('S3_ACCESS_KEY'),
    secretKey: requireEnv('S3_SECRET_KEY'),
    bucket: requireEnv('S3_BUCKET'),
  };
  const dataDir = process.env.DATA_DIR || './data';
  if (command === 'backup' && argDir) {
    const m = await backup(source, s3, argDir);
    console.log(`backup in ${argDir}: ${Object.keys(m.tables).length} tables, ${m.objects.length} objects`);
    return 0;
  }
  if (command === 'restore' && argDir) {
    await restore(source, s3, argDir);
    const v = await verify(source, s3, dataDir, argDir);
    console.log(v.ok ? `restored and verified (${v.audit.rows} audit rows)` : v.problems.join('\n'));
    return v.ok ? 0 : 2;
  }
  if (command === 'rehearse') {
    const target = requireEnv('RESTORE_DATABASE_URL');
    const targetS3 = { ...s3, bucket: requireEnv('RESTORE_S3_BUCKET') };
    if (new URL(target).pathname === new URL(source).pathname && new URL(target).host === new URL(source).host) {
      throw new Error('RESTORE_DATABASE_URL must name another database than the source');
    }
    if (targetS3.bucket === s3.bucket) throw new Error('RESTORE_S3_BUCKET must differ from S3_BUCKET');
    const dir = argDir ?? mkdtempSync(join(tmpdir(), 'tctn-backup-'));
    const started = Date.now();
    await backup(source, s3, dir);
    const owner = new Client({ connectionString: target });
    await owner.connect();
    await owner.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await owner.end();
    await emptyBucket(targetS3);
    await restore(target, targetS3, dir);
    const v = await verify(target, targetS3, dataDir, dir);
    console.log(
      v.ok
        ? `rehearsal passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${v.audit.rows} audit rows verified`
        : `rehearsal FAILED:\n${v.problems.join('\n')}`,
    );
    return v.ok ? 0 : 2;
  }
  console.error('usage: backup-restore-rehearsal.ts backup <dir> | restore <dir> | rehearse [<dir>]');
  return 64;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
