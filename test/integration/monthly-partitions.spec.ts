import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { MonthlyPartitions1765800000000 } from '../../migrations/1765800000000-monthly-partitions';
import { chainHash, GENESIS_HASH } from '../../src/audit/audit-chain';
import { AuditLogRepository } from '../../src/audit/audit-log.repository';
import { AUDIT_ENTITIES } from '../../src/audit/audit.entities';
import { migrationDataSource } from '../../src/platform/database/migrate';
import { PartitionMaintenance } from '../../src/platform/database/partition-maintenance';
import { appUrlFor } from '../support/database';

/**
 * The migration that partitions audit_log and data_access_log by month, applied to a database that already holds
 * rows (reverted first, filled, migrated again), and the partitions created ahead afterwards.
 */
describe('monthly partitions of the append-only logs', () => {
  // Months chosen by hand (Hà Nội time): two past months, one row just before a month boundary in UTC that belongs to
  // the next month in Hà Nội (UTC+7), and one far in the future that no partition covers yet.
  const STAMPS = [
    '2025-01-15T03:00:00.000Z',
    '2025-01-31T16:59:59.999Z', // 23:59:59.999 on 31 January in Hà Nội: January
    '2025-01-31T17:00:00.000Z', // 00:00 on 1 February in Hà Nội: February
    '2025-03-10T08:30:00.123Z',
    '2034-06-02T01:00:00.000Z',
  ];
  let url: string;
  let appUrl: string;
  let dataSource: DataSource;
  let audit: AuditLogRepository;
  let before: unknown[];
  let checkpoint: { lastId: string; hash: string; count: number; signedAt: string };

  const partitionOf = async (table: string, id: string) =>
    (await dataSource.query(`SELECT tableoid::regclass::text AS part FROM ${table} WHERE id = $1`, [id]))[0].part;

  beforeAll(async () => {
    // An empty database migrated up to the migration before this one (later migrations, if any, come after).
    const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const name = `tctn_parts_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const owner = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
    owner.pathname = `/${name}`;
    url = owner.toString();
    appUrl = appUrlFor(url);
    const earlier = migrations.slice(0, migrations.indexOf(MonthlyPartitions1765800000000));
    expect(earlier.length).toBeGreaterThan(0);
    const migrator = await new DataSource({
      type: 'postgres',
      url,
      migrations: earlier,
      migrationsTableName: 'schema_migrations',
    }).initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();

    dataSource = await new DataSource({ type: 'postgres', url, entities: AUDIT_ENTITIES }).initialize();
    expect((await dataSource.query(`SELECT relkind FROM pg_class WHERE relname = 'audit_log'`))[0].relkind).toBe('r');
    audit = new AuditLogRepository(dataSource);
    // Rows as the service wrote them before this migration (the newest row read from the table itself).
    await dataSource.transaction(async (em) => {
      let prevHash = GENESIS_HASH;
      for (const [i, occurredAt] of STAMPS.entries()) {
        const entry = {
          occurredAt,
          actorType: 'staff',
          actorId: 'canbo.1',
          action: 'dossier.receive',
          entityType: 'dossier',
          entityId: `hs-${i}`,
          data: { n: i, note: 'Tiếp nhận hồ sơ', at: occurredAt },
        };
        const hash = chainHash(prevHash, entry);
        await em.query(
          `INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            occurredAt,
            entry.actorType,
            entry.actorId,
            entry.action,
            entry.entityType,
            entry.entityId,
            entry.data,
            prevHash,
            hash,
          ],
        );
        prevHash = hash;
        await em.query(
          `INSERT INTO data_access_log (occurred_at, subject_personal_id, actor_type, actor_id, source, purpose)
           VALUES ($1, '001099012345', 'staff', 'canbo.1', 'population', 'review')`,
          [occurredAt],
        );
      }
    });
    before = await dataSource.query(`SELECT * FROM audit_log ORDER BY id`);
    const head = (await audit.head())!;
    checkpoint = { ...head, signedAt: '2025-03-10T09:00:00Z' };

    const again = await migrationDataSource(url).initialize();
    await again.runMigrations({ transaction: 'each' });
    await again.destroy();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('turns both tables into tables partitioned by range of occurred_at, primary key (id, occurred_at)', async () => {
    const rows = await dataSource.query(
      `SELECT c.relname, c.relkind, pg_get_partkeydef(c.oid) AS key,
              (SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') AS pk
         FROM pg_class c WHERE c.relname IN ('audit_log', 'data_access_log') ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { relname: 'audit_log', relkind: 'p', key: 'RANGE (occurred_at)', pk: 'PRIMARY KEY (id, occurred_at)' },
      { relname: 'data_access_log', relkind: 'p', key: 'RANGE (occurred_at)', pk: 'PRIMARY KEY (id, occurred_at)' },
    ]);
  });

  it('keeps every audit row unchanged, so the chain and the checkpoint signed before the migration verify', async () => {
    expect(await dataSource.query(`SELECT * FROM audit_log ORDER BY id`)).toEqual(before);
    expect(await audit.verify([checkpoint])).toEqual({ ok: true, rows: STAMPS.length });
    expect(await dataSource.query(`SELECT last_id::text AS "lastId", hash FROM audit_chain_head`)).toEqual([
      { lastId: checkpoint.lastId, hash: checkpoint.hash },
    ]);
  });

  it('puts each row in the partition of its month in Hà Nội time, a month without partition in DEFAULT', async () => {
    const ids: string[] = (await dataSource.query(`SELECT id::text AS id FROM audit_log ORDER BY id`)).map(
      (r: { id: string }) => r.id,
    );
    expect(await Promise.all(ids.map((id) => partitionOf('audit_log', id)))).toEqual([
      'audit_log_2025m01',
      'audit_log_2025m01',
      'audit_log_2025m02',
      'audit_log_2025m03',
      'audit_log_default',
    ]);
    const reads = await dataSource.query(
      `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM data_access_log GROUP BY 1 ORDER BY 1`,
    );
    expect(reads).toEqual([
      { part: 'data_access_log_2025m01', n: 2 },
      { part: 'data_access_log_2025m02', n: 1 },
      { part: 'data_access_log_2025m03', n: 1 },
      { part: 'data_access_log_default', n: 1 },
    ]);
  });

  it('creates partitions through three months after the current one', async () => {
    const now = new Date();
    const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 15));
    const name = `audit_log_${ahead.getUTCFullYear()}m${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`;
    const [row] = await dataSource.query(`SELECT to_regclass($1)::text AS part`, [name]);
    expect(row.part).toBe(name);
  });

  describe('as the application role', () => {
    let app: Client;
    beforeAll(async () => {
      app = new Client({ connectionString: appUrl });
      await app.connect();
    });
    afterAll(async () => {
      await app?.end();
    });

    it.each([
      ['UPDATE audit_log SET action = action', /permission denied/],
      ['DELETE FROM audit_log', /permission denied/],
      ['TRUNCATE audit_log', /permission denied/],
      ['DELETE FROM audit_log_2025m01', /permission denied/],
      ['UPDATE audit_log_default SET action = action', /permission denied/],
      ['DELETE FROM data_access_log', /permission denied/],
      ['TRUNCATE data_access_log_2025m03', /permission denied/],
      ['ALTER TABLE audit_log DETACH PARTITION audit_log_2025m01', /must be (the )?owner/],
      ['DROP TABLE audit_log_2025m01', /must be (the )?owner/],
      [`SELECT ensure_monthly_partitions('dossier', '2030-01-01', 1)`, /not a monthly partitioned table/],
    ])('is refused: %s', async (sql, error) => {
      await expect(app.query(sql)).rejects.toThrow(error);
    });

    it('still refuses UPDATE and DELETE for the owner through the append-only triggers', async () => {
      await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`UPDATE data_access_log SET purpose = 'x'`)).rejects.toThrow(/append-only/);
    });

    it('creates the partition of a month ahead, moving that month out of DEFAULT, and the chain still verifies', async () => {
      const asApp = await new DataSource({ type: 'postgres', url: appUrl }).initialize();
      try {
        const maintenance = new PartitionMaintenance(asApp);
        expect(await maintenance.ensure('2034-05-20', 2)).toEqual({ audit_log: 2, data_access_log: 2 });
        expect(await maintenance.ensure('2034-05-20', 2)).toEqual({ audit_log: 0, data_access_log: 0 });
      } finally {
        await asApp.destroy();
      }
      const last = (await dataSource.query(`SELECT id::text AS id FROM audit_log ORDER BY id DESC LIMIT 1`))[0].id;
      expect(await partitionOf('audit_log', last)).toBe('audit_log_2034m06');
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM audit_log_default`)).toEqual([{ n: 0 }]);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM data_access_log_2034m06`)).toEqual([{ n: 1 }]);
      expect(await dataSource.query(`SELECT * FROM audit_log ORDER BY id`)).toEqual(before);
      // The moved DEFAULT partition is attached again with its triggers and without the app's UPDATE/DELETE.
      await expect(app.query(`DELETE FROM audit_log_default`)).rejects.toThrow(/permission denied/);
      const triggers = await dataSource.query(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log_default'::regclass ORDER BY tgname`,
      );
      expect(triggers).toEqual([{ tgname: 'audit_log_no_update_delete' }]);
      await expect(dataSource.query(`DELETE FROM audit_log_2034m06`)).rejects.toThrow(/append-only/);

      await dataSource.transaction((em) =>
        audit.append(em, {
          actorType: 'system',
          actorId: null,
          action: 'partition.check',
          entityType: 'audit_log',
          entityId: 'x',
          data: {},
        }),
      );
      expect(await audit.verify([checkpoint])).toEqual({ ok: true, rows: STAMPS.length + 1 });
    });
  });
});
