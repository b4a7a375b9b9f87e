import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/support/database';
import { EmbeddedS3, startEmbeddedS3 } from '../platform/storage/embedded-s3';
import { S3ObjectStore } from '../platform/storage/s3-object-store.adapter';
import { chainHash } from './audit-chain';
import { CheckpointSigner } from './audit-checkpoint';
import { AuditCheckpoints, LATEST_CHECKPOINT_KEY } from './audit-checkpoints.service';
import { AuditLogRepository } from './audit-log.repository';
import { AUDIT_ENTITIES } from './audit.entities';

/** The chain verifier on a real PostgreSQL with the real migrations, over more rows than one page. */
describe('audit log verification on PostgreSQL', () => {
  const ROWS = 12_345;
  let dataSource: DataSource;
  let audit: AuditLogRepository;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url, entities: AUDIT_ENTITIES }).initialize();
    audit = new AuditLogRepository(dataSource);
    await dataSource.transaction(async (em) => {
      for (let i = 1; i <= ROWS; i++) {
        await audit.append(em, {
          actorType: 'staff',
          actorId: `canbo.${i % 7}`,
          action: 'dossier.receive',
          entityType: 'dossier',
          entityId: `hs-${i}`,
          data: { n: i, note: 'Tiếp nhận hồ sơ' },
        });
      }
    });
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('reports an intact chain of thousands of rows as intact, counting every row', async () => {
    expect(await audit.verify()).toEqual({ ok: true, rows: ROWS });
  });

  it('names the tampered row in the middle of the chain, not the tenth one', async () => {
    const { 0: middle } = await dataSource.query(
      `SELECT id::text AS id FROM audit_log ORDER BY audit_log.id OFFSET $1 LIMIT 1`,
      [Math.floor(ROWS / 2)],
    );
    await dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`UPDATE audit_log SET data = data || '{"note":"sửa trộm"}' WHERE id = $1`, [middle.id]);
    });
    expect(await audit.verify()).toEqual({
      ok: false,
      rows: Math.floor(ROWS / 2) + 1,
      brokenAt: middle.id,
      problem: 'content does not match its hash',
    });
  });
});

/** Tampering that keeps the chain self-consistent is caught by the signed checkpoints (table and object store). */
describe('audit checkpoints on PostgreSQL and S3', () => {
  const ROWS = 2_500;
  let owner: DataSource;
  let app: DataSource;
  let s3: EmbeddedS3;
  let dataDir: string;

  const entry = (i: number) => ({
    actorType: 'staff',
    actorId: 'canbo.1',
    action: 'dossier.review',
    entityType: 'dossier',
    entityId: `hs-${i}`,
    data: { n: i },
  });
  const checkpoints = () =>
    new AuditCheckpoints(new AuditLogRepository(app), new CheckpointSigner(dataDir), new S3ObjectStore(s3.settings));
  const ids = async () =>
    (await owner.query(`SELECT id::text AS id FROM audit_log ORDER BY audit_log.id`)).map((r: { id: string }) => r.id);
  /** What a database owner can do: switch the triggers off and recompute every hash from row `fromIndex` on. */
  async function rewriteFrom(fromIndex: number, change: (data: Record<string, unknown>) => Record<string, unknown>) {
    await owner.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      const rows = await em.query(
        `SELECT id::text AS id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
                actor_type AS "actorType", actor_id AS "actorId", action, entity_type AS "entityType",
                entity_id AS "entityId", data, prev_hash AS "prevHash" FROM audit_log ORDER BY audit_log.id`,
      );
      let prev = rows[fromIndex].prevHash;
      for (const row of rows.slice(fromIndex)) {
        const data = row === rows[fromIndex] ? change(row.data) : row.data;
        const hash = chainHash(prev, { ...row, data });
        await em.query(`UPDATE audit_log SET data = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [
          row.id,
          data,
          prev,
          hash,
        ]);
        prev = hash;
      }
    });
  }

  beforeEach(async () => {
    const { url, appUrl } = await createTestDatabase();
    owner = await new DataSource({ type: 'postgres', url, entities: AUDIT_ENTITIES }).initialize();
    app = await new DataSource({ type: 'postgres', url: appUrl, entities: AUDIT_ENTITIES }).initialize();
    dataDir = mkdtempSync(join(tmpdir(), 'tctn-audit-'));
    s3 = await startEmbeddedS3(join(dataDir, 'objects'));
    const audit = new AuditLogRepository(app);
    await app.transaction(async (em) => {
      for (let i = 1; i <= ROWS; i++) await audit.append(em, entry(i));
    });
  });
  afterEach(async () => {
    await app?.destroy();
    await owner?.destroy();
    await s3?.stop();
  });

  it('records a signed checkpoint of the head in the table and the object store, once per head', async () => {
    const recorded = await checkpoints().record();
    const last = (await ids()).at(-1);
    expect(recorded).toMatchObject({ lastId: last, count: ROWS });
    expect(await checkpoints().record()).toBeUndefined();
    const [row] = await owner.query(`SELECT last_id::text AS "lastId", row_count::int AS n FROM audit_checkpoint`);
    expect(row).toEqual({ lastId: last, n: ROWS });
    expect((await new S3ObjectStore(s3.settings).get(LATEST_CHECKPOINT_KEY)).toString()).toMatch(
      /^ey[\w-]+\.[\w-]+\.[\w-]+$/,
    );
    expect(await checkpoints().verify()).toEqual({ ok: true, rows: ROWS });
  });

  it('names the deletion of the newest rows (undetectable by the chain alone)', async () => {
    await checkpoints().record();
    const all = await ids();
    await owner.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`DELETE FROM audit_log WHERE id > $1`, [all[ROWS - 4]]);
    });
    expect(await new AuditLogRepository(app).verify()).toEqual({ ok: true, rows: ROWS - 3 });
    expect(await checkpoints().verify()).toMatchObject({
      ok: false,
      rows: ROWS - 3,
      brokenAt: all[ROWS - 1],
      problem: expect.stringMatching(/^missing: .* deleted or truncated$/),
    });
  });

  it('names a rewrite with recomputed hashes at the first checkpoint it contradicts', async () => {
    await checkpoints().record();
    const all = await ids();
    await rewriteFrom(1000, (data) => ({ ...data, note: 'sửa trộm' }));
    expect(await new AuditLogRepository(app).verify()).toEqual({ ok: true, rows: ROWS });
    expect(await checkpoints().verify()).toMatchObject({ ok: false, brokenAt: all[ROWS - 1], rows: ROWS });
  });

  it('still catches it when the owner also empties audit_checkpoint: the object-store copy holds', async () => {
    await checkpoints().record();
    const all = await ids();
    await owner.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`DELETE FROM audit_log WHERE id > $1`, [all[ROWS - 11]]);
      await em.query(`DELETE FROM audit_checkpoint`);
    });
    expect(await checkpoints().verify()).toMatchObject({ ok: false, brokenAt: all[ROWS - 1], rows: ROWS - 10 });
  });

  it('refuses a checkpoint the owner forged without the service key', async () => {
    await checkpoints().record();
    const forger = new CheckpointSigner(mkdtempSync(join(tmpdir(), 'tctn-forger-')));
    const [head] = await owner.query(
      `SELECT last_id::text AS "lastId", row_count::int AS count, head_hash AS hash FROM audit_checkpoint`,
    );
    await owner.query(`INSERT INTO audit_checkpoint (last_id, row_count, head_hash, jws) VALUES ($1, $2, $3, $4)`, [
      head.lastId,
      head.count,
      head.hash,
      await forger.sign(head),
    ]);
    expect(await checkpoints().verify()).toMatchObject({
      ok: false,
      brokenAt: expect.stringMatching(/^audit_checkpoint \d+$/),
      problem: 'checkpoint signature does not verify',
    });
  });
});
