import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { AuditCheckpoints } from '../../src/audit/audit-checkpoints.service';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';
import { attachTerminationProof } from '../support/attachments';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

describe('tamper-evident audit log', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const receiver = await staffBearer(t, 'tn.bh', 'receiver', 'DNA-BH');
    for (const citizen of residents('eligible').slice(0, 3)) {
      const citizenToken = await citizenBearer(t, citizen.personalId);
      const filed = await request(t.baseUrl)
        .post('/api/v1/dossiers')
        .set(auth(citizenToken))
        .send(applicationFor(citizen))
        .expect(201);
      await attachTerminationProof(t.baseUrl, filed.body.id, citizenToken);
      await request(t.baseUrl)
        .post(`/api/v1/staff/dossiers/${filed.body.id}/actions`)
        .set(auth(receiver))
        .send({ action: 'receive', expectedVersion: 1 })
        .expect(200);
    }
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const verifyCli = () =>
    run(process.execPath, ['-r', '@swc-node/register', join(root, 'scripts', 'audit-verify.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        DATA_DIR: t.runtime.config.dataDir,
        S3_ENDPOINT: t.runtime.s3.endpoint,
        S3_ACCESS_KEY: t.runtime.s3.accessKey,
        S3_SECRET_KEY: t.runtime.s3.secretKey,
        S3_BUCKET: t.runtime.s3.bucket,
        SWCRC: 'true',
      },
    }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e) => ({ code: e.code as number, out: String(e.stdout) }),
    );

  it('refuses UPDATE and DELETE from the application connection', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  // Three dossiers, each: submit, the proof of termination uploaded, receive = 9 audit rows.
  it('names the newest row when a superuser deletes it after a signed checkpoint (endpoint and CLI)', async () => {
    const admin = await staffBearer(t, 'admin', 'admin', null);
    await t.app.get(AuditCheckpoints).record();
    const [newest] = (await db.query(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`)).rows;
    await db.query(
      `BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM audit_log WHERE id = ${newest.id}; COMMIT;`,
    );
    const broken = await request(t.baseUrl).get('/api/v1/admin/audit/verify').set(auth(admin)).expect(200);
    expect(broken.body).toMatchObject({ ok: false, rows: 8, brokenAt: String(newest.id) });
    expect(broken.body.problem).toMatch(/deleted or truncated/);
    const cli = await verifyCli();
    expect(cli.code).toBe(2);
    expect(cli.out).toContain(`BROKEN at row id ${newest.id}: missing`);

    // Put the row back as it was: the chain and its checkpoint agree again.
    const columns = Object.keys(newest);
    await db.query(
      `INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => newest[c]),
    );
    const restored = await request(t.baseUrl).get('/api/v1/admin/audit/verify').set(auth(admin)).expect(200);
    expect(restored.body).toEqual({ ok: true, rows: 9 });
  });

  it('verifies an intact chain, then names the row a superuser tampered with', async () => {
    const admin = await staffBearer(t, 'admin', 'admin', null);
    const intact = await request(t.baseUrl).get('/api/v1/admin/audit/verify').set(auth(admin)).expect(200);
    expect(intact.body).toEqual({ ok: true, rows: 9 });
    expect((await verifyCli()).out).toContain('audit chain intact: 9 rows verified');

    const { rows } = await db.query(`SELECT id::text FROM audit_log ORDER BY id OFFSET 3 LIMIT 1`);
    await db.query(
      `BEGIN; SET LOCAL session_replication_role = replica; UPDATE audit_log SET data = data || '{"note":"sửa trộm"}' WHERE id = ${rows[0].id}; COMMIT;`,
    );

    const broken = await request(t.baseUrl).get('/api/v1/admin/audit/verify').set(auth(admin)).expect(200);
    expect(broken.body).toMatchObject({ ok: false, brokenAt: rows[0].id, problem: 'content does not match its hash' });
    const cli = await verifyCli();
    expect(cli.code).toBe(2);
    expect(cli.out).toContain(`BROKEN at row id ${rows[0].id}`);
    await request(t.baseUrl)
      .get('/api/v1/admin/audit/verify')
      .set(auth(await staffBearer(t, 'tn.bh', 'receiver', 'DNA-BH')))
      .expect(403);
  });
});
