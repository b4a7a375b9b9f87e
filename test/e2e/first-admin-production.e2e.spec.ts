import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { productionEnv } from '../support/production-env';
import { firstLogin } from '../support/staff-login';
import { startTestApp, TestApp } from '../support/test-app';
import { attachTerminationProof } from '../support/attachments';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/**
 * Issue #23, acceptance: with SANDBOX=off nothing is seeded; the first administrator comes from the one-time
 * command, creates the caseworkers and a Director (who must enrol two-factor), and they take a dossier to a signed
 * decision. The national registries are another instance of the service in sandbox mode, reached over HTTP by the
 * production adapters; the other national systems are the local stub of productionEnv().
 */
describe('first start in production (SANDBOX=off)', () => {
  let nationalSystems: TestApp;
  let t: TestApp;
  let env: Record<string, string>;
  let stopEnv: () => Promise<void>;
  let db: Client;

  beforeAll(async () => {
    nationalSystems = await startTestApp({ DOCUMENT_WORKER: 'off' });
    const production = await productionEnv();
    stopEnv = production.stop;
    env = {
      ...production.env,
      POPULATION_REGISTRY_URL: `${nationalSystems.baseUrl}/sandbox/population`,
      INSURANCE_REGISTRY_URL: `${nationalSystems.baseUrl}/sandbox/insurance`,
      TRUST_PROXY: 'true',
    };
    t = await startTestApp(env);
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  }, 120000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
    await nationalSystems?.close();
    await stopEnv?.();
  });

  const api = () => request(t.baseUrl);
  const adminFirst = (...args: string[]) =>
    run(process.execPath, ['-r', '@swc-node/register', 'src/admin-first.ts', ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        SWCRC: 'true',
        ...env,
        DATABASE_URL: t.appDatabaseUrl,
        DATABASE_MIGRATION_URL: t.databaseUrl,
      },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('creates the first administrator once, who creates a receiver, a reviewer, a center head and a Director; they decide a dossier', async () => {
    // Nothing seeded: no staff account, no center, no API client but the configured ones.
    expect((await db.query(`SELECT count(*)::int AS n FROM staff_account`)).rows[0].n).toBe(0);

    const first = await adminFirst('--username', 'quantri.tinh', '--full-name', 'Lê Văn Quản');
    expect(first.code).toBe(0);
    const oneTime = /one-time password: (\S+)/.exec(first.stdout)![1];
    const again = await adminFirst('--username', 'quantri.hai', '--full-name', 'Người Thứ Hai');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('an administrator already exists');
    expect((await db.query(`SELECT count(*)::int AS n FROM staff_account`)).rows[0].n).toBe(1);

    // The administrator's first login: a new password, then two-factor (required for administrators).
    const admin = await firstLogin(t.baseUrl, 'quantri.tinh', oneTime, 'đồng nai mùa mưa đến sớm', '192.0.2.1');
    expect(admin.totpSecret).toBeDefined();
    const asAdmin = () => ({ authorization: `Bearer ${admin.accessToken}` });

    // The administrator opens the province's first center (name, address, hours, the communes it serves).
    await api()
      .post('/api/v1/admin/centers')
      .set(asAdmin())
      .send({
        code: 'DNA-BH',
        name: 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa',
        provinceName: 'Đồng Nai',
        address: 'Số 1, Phạm Văn Thuận, phường Trấn Biên, tỉnh Đồng Nai',
        phone: '0251 3822 222',
        hours: 'Thứ Hai – Thứ Sáu, 7:30 – 17:00',
        communes: ['75001', '75002'],
      })
      .expect(201);
    const people = [
      { username: 'tiepnhan.bh', fullName: 'Nguyễn Thị Thanh Tâm', role: 'receiver', centerCode: 'DNA-BH' },
      { username: 'thamdinh.bh', fullName: 'Trần Văn Khoa', role: 'reviewer', centerCode: 'DNA-BH' },
      { username: 'truongtt.bh', fullName: 'Lê Thị Bích Liên', role: 'center_head', centerCode: 'DNA-BH' },
      { username: 'giamdoc.snv', fullName: 'Trần Đức Hải', role: 'director', title: 'Giám đốc Sở Nội vụ' },
    ];
    const tokens: Record<string, string> = {};
    for (const [i, person] of people.entries()) {
      const created = await api()
        .post('/api/v1/admin/staff')
        .set(asAdmin())
        .send({ ...person, reason: 'Khởi tạo tài khoản khi đưa dịch vụ vào vận hành' })
        .expect(201);
      const login = await firstLogin(
        t.baseUrl,
        person.username,
        created.body.oneTimePassword,
        `mật khẩu riêng của ${person.fullName} năm nay`.replace(/ /g, '-'),
        `192.0.2.${10 + i}`,
      );
      expect(Boolean(login.totpSecret)).toBe(person.role === 'director');
      tokens[person.role] = login.accessToken;
    }

    // A walk-in citizen files at the counter; identity and insurance come from the registries over HTTP.
    const citizen = residents('eligible')[0];
    const filed = await api()
      .post('/api/v1/staff/dossiers')
      .set({ authorization: `Bearer ${tokens.receiver}` })
      .send({ personalId: citizen.personalId, application: applicationFor(citizen, 'DNA-BH') });
    expect(filed.status).toBe(201);
    await attachTerminationProof(t.baseUrl, filed.body.id, tokens.receiver, 'staff');
    let version = filed.body.version;
    for (const [role, body] of [
      ['receiver', { action: 'receive' }],
      ['reviewer', { action: 'start_review' }],
      ['reviewer', { action: 'complete_review', recommendation: 'approve' }],
      ['center_head', { action: 'propose' }],
      ['director', { action: 'approve' }],
    ] as const) {
      const res = await api()
        .post(`/api/v1/staff/dossiers/${filed.body.id}/actions`)
        .set({ authorization: `Bearer ${tokens[role]}` })
        .send({ ...body, expectedVersion: version });
      expect([res.status, res.body.title]).toEqual([200, undefined]);
      version = res.body.version;
    }
    const decided = await api()
      .get(`/api/v1/staff/dossiers/${filed.body.id}`)
      .set({ authorization: `Bearer ${tokens.director}` })
      .expect(200);
    expect(decided.body.status).toBe('APPROVED');
    const history = (await db.query(`SELECT actor_id FROM dossier_event WHERE dossier_id = $1`, [filed.body.id])).rows;
    expect(history.map((h) => h.actor_id)).toEqual(expect.arrayContaining(['tiepnhan.bh', 'giamdoc.snv']));

    // The decision is issued by the worker and signed with the configured certificate (checked with pdfsig).
    const until = Date.now() + 60000;
    let pdf: Buffer | undefined;
    while (!pdf && Date.now() < until) {
      const res = await api()
        .get(`/api/v1/staff/dossiers/${filed.body.id}/documents/decision-approval/pdf`)
        .set({ authorization: `Bearer ${tokens.director}` })
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      if (res.status === 200) pdf = res.body;
      else await new Promise((r) => setTimeout(r, 300));
    }
    expect(pdf).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'tctn-first-admin-')), 'decision.pdf');
    writeFileSync(file, pdf!);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC')).toContain(
      citizen.fullName,
    );
  }, 180000);
});
