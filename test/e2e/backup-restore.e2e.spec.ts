import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { backup, emptyBucket, Manifest, restore, verify } from '../../scripts/backup-restore-rehearsal';
import { AuditCheckpoints } from '../../src/audit/audit-checkpoints.service';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * The restore rehearsal of docs/operations.md on the embedded PostgreSQL and S3 store: a service with dossiers,
 * audit rows, a signed checkpoint and objects is backed up, its database dropped and its bucket emptied, then
 * restored from the backup alone and verified (row counts, objects byte for byte, the audit chain and checkpoint).
 */
describe('backup, wipe, restore, verify', () => {
  let t: TestApp;
  let manifest: Manifest;
  let dossierBefore: unknown;
  let auditRows: number;
  const dir = mkdtempSync(join(tmpdir(), 'tctn-backup-test-'));
  const owner = () => {
    const c = new Client({ connectionString: t.databaseUrl });
    return c.connect().then(() => c);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const person = residents('eligible')[0];
    const citizen = await citizenBearer(t, person.personalId);
    const filed = await request(t.baseUrl)
      .post('/api/v1/dossiers')
      .set(auth(citizen))
      .send(applicationFor(person))
      .expect(201);
    // A staff read logs registry access (data_access_log) next to the filing's audit rows.
    const reviewer = await staffBearer(t, 'td.backup', 'reviewer', 'DNA-BH');
    await request(t.baseUrl).get(`/api/v1/staff/dossiers/${filed.body.id}`).set(auth(reviewer)).expect(200);
    await t.runtime.objectStore.put('rehearsal/ghi-chu.txt', Buffer.from('Hồ sơ đã tiếp nhận'), 'text/plain');
    expect(await t.app.get(AuditCheckpoints).record()).toBeDefined();
    // The service stops; its object store stays up for the restore.
    await t.app.close();

    const db = await owner();
    dossierBefore = (await db.query(`SELECT row_to_json(d) AS r FROM dossier d`)).rows;
    auditRows = (await db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    await db.end();
    expect(auditRows).toBeGreaterThan(0);

    manifest = await backup(t.databaseUrl, t.runtime.s3, dir);

    // Wipe: the database dropped and created empty, the bucket emptied.
    const name = new URL(t.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    await emptyBucket(t.runtime.s3);
    expect(await t.runtime.objectStore.exists('rehearsal/ghi-chu.txt')).toBe(false);

    await restore(t.databaseUrl, t.runtime.s3, dir);
  }, 120_000);
  afterAll(async () => {
    await t?.runtime.stop();
  });

  it('backed up every table with rows, the objects and the monthly partitions', () => {
    expect(manifest.tables.dossier).toBe(1);
    expect(manifest.tables.audit_log).toBe(auditRows);
    expect(manifest.tables.audit_checkpoint).toBe(1);
    expect(manifest.tables.data_access_log).toBeGreaterThan(0);
    expect(manifest.objects.map((o) => o.key)).toContain('rehearsal/ghi-chu.txt');
    expect(manifest.objects.map((o) => o.key)).toContain('audit/checkpoints/latest.jws');
    expect(manifest.partitions.audit_log.length).toBeGreaterThanOrEqual(4);
  });

  it('restores counts, objects and a verifiable audit chain with its signed checkpoint', async () => {
    const result = await verify(t.databaseUrl, t.runtime.s3, t.runtime.config.dataDir, dir);
    expect(result).toEqual({ ok: true, problems: [], audit: { ok: true, rows: auditRows } });
    const db = await owner();
    try {
      expect((await db.query(`SELECT row_to_json(d) AS r FROM dossier d`)).rows).toEqual(dossierBefore);
      // The sequence goes on after the restored ids.
      const { rows } = await db.query(
        `SELECT max(id)::text AS max, (SELECT last_value::text FROM audit_log_id_seq) AS seq FROM audit_log`,
      );
      expect(rows[0].seq).toBe(rows[0].max);
    } finally {
      await db.end();
    }
    expect((await t.runtime.objectStore.get('rehearsal/ghi-chu.txt')).toString()).toBe('Hồ sơ đã tiếp nhận');
  });

  it('refuses to restore over a database that holds dossiers', async () => {
    await expect(restore(t.databaseUrl, t.runtime.s3, dir)).rejects.toThrow(/empty database/);
  });

  it('notices a restore that lost a row or an object', async () => {
    const db = await owner();
    try {
      await db.query(
        `BEGIN; SET LOCAL session_replication_role = replica;
         DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log); COMMIT;`,
      );
    } finally {
      await db.end();
    }
    await emptyBucket({ ...t.runtime.s3 });
    const result = await verify(t.databaseUrl, t.runtime.s3, t.runtime.config.dataDir, dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        `audit_log: ${auditRows - 1} rows, the backup has ${auditRows}`,
        'object rehearsal/ghi-chu.txt is missing',
      ]),
    );
  });
});
