import { Client } from 'pg';
import request from 'supertest';
import { SANDBOX_STAFF } from '../../src/sandbox/sandbox-staff';
import { authenticatorCode, firstLogin } from '../support/staff-login';
import { startTestApp, TestApp } from '../support/test-app';

/** Issue #23 items 2 and 3: staff accounts administered in the service, passwords, two-factor sign-in. */
describe('staff accounts administered by an administrator', () => {
  let t: TestApp;
  let db: Client;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', STAFF_TWO_FACTOR_ROLES: 'center_head' });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const quantri = SANDBOX_STAFF.find((s) => s.username === 'quantri')!;
    admin = (
      await api()
        .post('/api/v1/auth/staff/login')
        .set('x-forwarded-for', '198.51.100.9')
        .send({ username: quantri.username, password: quantri.password })
        .expect(200)
    ).body.accessToken;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);
  const asAdmin = (method: 'get' | 'post' | 'patch', path: string) =>
    api()[method](`/api/v1/admin/staff${path}`).set('authorization', `Bearer ${admin}`);
  const me = (token: string) => api().get('/api/v1/staff/me').set('authorization', `Bearer ${token}`);
  const login = (body: object, from = '203.0.113.7') =>
    api().post('/api/v1/auth/staff/login').set('x-forwarded-for', from).send(body);
  const auditOf = async (username: string) =>
    (
      await db.query(
        `SELECT action, actor_id, data FROM audit_log WHERE entity_type = 'staff_account' AND entity_id = $1 ORDER BY id`,
        [username],
      )
    ).rows;

  const receiver = {
    username: 'tiepnhan.moi',
    fullName: 'Đặng Thị Mai',
    title: 'Chuyên viên',
    role: 'receiver',
    centerCode: 'DNA-BH',
    phone: '0912 345 678',
    email: 'dang.thi.mai@snv.example.vn',
    employeeNumber: 'DN-00123',
    reason: 'Tuyển dụng theo Quyết định số 15/QĐ-SNV',
  };

  it('creates an account with a one-time password that must be changed at the first login (audited with who and why)', async () => {
    const created = await asAdmin('post', '').send(receiver).expect(201);
    expect(created.body.account).toMatchObject({
      username: 'tiepnhan.moi',
      role: 'receiver',
      centerCode: 'DNA-BH',
      email: 'dang.thi.mai@snv.example.vn',
      active: true,
      mustChangePassword: true,
      twoFactor: { enabled: false, required: false },
    });
    const otp = created.body.oneTimePassword;
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const owed = await login({ username: 'tiepnhan.moi', password: otp });
    expect(owed.status).toBe(401);
    expect(owed.body.reason).toBe('password_change_required');
    expect(owed.body.accessToken).toBeUndefined();

    // NIST SP 800-63B: length, and not a known common password; no composition rules.
    for (const [weak, code] of [
      ['Ab1!xyz', 'password_too_short'],
      ['123456789012', 'password_common'],
      ['iloveyou1234', 'password_common'],
      ['Tiepnhan.Moi!', 'password_guessable'],
    ]) {
      const refused = await login({ username: 'tiepnhan.moi', password: otp, newPassword: weak });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', code })]);
    }
    const ok = await login({ username: 'tiepnhan.moi', password: otp, newPassword: 'mây trắng bay qua đồi thông' });
    expect(ok.status).toBe(200);
    expect((await me(ok.body.accessToken).expect(200)).body).toMatchObject({ role: 'receiver', centerCode: 'DNA-BH' });
    // The one-time password no longer works; the new one does, without any further step.
    expect((await login({ username: 'tiepnhan.moi', password: otp })).status).toBe(401);
    await login({ username: 'tiepnhan.moi', password: 'mây trắng bay qua đồi thông' }).expect(200);

    const audit = await auditOf('tiepnhan.moi');
    expect(audit[0]).toMatchObject({
      action: 'staff_account.create',
      actor_id: 'quantri',
      data: expect.objectContaining({ reason: receiver.reason }),
    });
    expect(audit.map((a) => a.action)).toContain('staff_account.set_password');
    expect(JSON.stringify(audit)).not.toContain(otp);
  });

  it('refuses a change without a reason, a center for the Director, an unknown center, a taken e-mail: 400/409 naming the field', async () => {
    const noReason = await asAdmin('patch', '/tiepnhan.moi').send({ title: 'Chuyên viên chính' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    const directorWithCenter = await asAdmin('post', '').send({
      ...receiver,
      username: 'gd.sai',
      role: 'director',
      email: undefined,
      employeeNumber: undefined,
    });
    expect(directorWithCenter.status).toBe(400);
    expect(directorWithCenter.body.errors).toEqual([
      expect.objectContaining({ field: 'centerCode', code: 'province_role_has_no_center' }),
    ]);
    const unknownCenter = await asAdmin('patch', '/tiepnhan.moi').send({
      centerCode: 'XXX',
      reason: 'Chuyển công tác',
    });
    expect(unknownCenter.status).toBe(400);
    expect(unknownCenter.body.errors[0]).toMatchObject({ field: 'centerCode', code: 'unknown_center' });
    const taken = await asAdmin('post', '').send({
      ...receiver,
      username: 'tiepnhan.khac',
      email: 'DANG.THI.MAI@snv.example.vn',
      employeeNumber: undefined,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ field: 'email', code: 'already_used' });
    expect((await db.query(`SELECT 1 FROM staff_account WHERE username IN ('gd.sai', 'tiepnhan.khac')`)).rowCount).toBe(
      0,
    );
  });

  it('a move to another center, a deactivation or a password reset stops the account working at once', async () => {
    const password = 'mây trắng bay qua đồi thông';
    const token = (await login({ username: 'tiepnhan.moi', password }).expect(200)).body.accessToken;
    const emptied = await asAdmin('patch', '/tiepnhan.moi').send({ title: '', reason: 'Chưa có chức danh' });
    expect([emptied.status, emptied.body.title]).toEqual([200, null]);
    await me(token).expect(200); // a change of title does not end the session
    const moved = await asAdmin('patch', '/tiepnhan.moi')
      .send({ centerCode: 'DNA-DX', title: 'Chuyên viên chính', reason: 'Điều động theo Quyết định 20/QĐ-SNV' })
      .expect(200);
    expect(moved.body).toMatchObject({ centerCode: 'DNA-DX', title: 'Chuyên viên chính' });
    await me(token).expect(401);
    const fresh = (await login({ username: 'tiepnhan.moi', password }).expect(200)).body.accessToken;
    expect((await me(fresh).expect(200)).body.centerCode).toBe('DNA-DX');

    await asAdmin('post', '/tiepnhan.moi/deactivate').send({ reason: 'Nghỉ việc từ ngày 01/12' }).expect(200);
    await me(fresh).expect(401);
    expect((await login({ username: 'tiepnhan.moi', password })).status).toBe(401);
    await asAdmin('post', '/tiepnhan.moi/reactivate').send({ reason: 'Trở lại làm việc' }).expect(200);
    // The sessions from before the deactivation stay ended; a new login works.
    await me(fresh).expect(401);
    const again = (await login({ username: 'tiepnhan.moi', password }).expect(200)).body.accessToken;

    const reset = await asAdmin('post', '/tiepnhan.moi/reset-password').send({ reason: 'Quên mật khẩu' }).expect(200);
    await me(again).expect(401);
    expect((await login({ username: 'tiepnhan.moi', password })).status).toBe(401);
    const owed = await login({ username: 'tiepnhan.moi', password: reset.body.oneTimePassword });
    expect(owed.body.reason).toBe('password_change_required');

    const actions = (await auditOf('tiepnhan.moi')).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'staff_account.update',
        'staff_account.deactivate',
        'staff_account.reactivate',
        'staff_account.reset_password',
      ]),
    );
    const update = (await auditOf('tiepnhan.moi')).find((a) => a.action === 'staff_account.update')!;
    expect(update.data).toMatchObject({
      reason: 'Chưa có chức danh',
      before: { title: 'Chuyên viên' },
      after: { title: null },
    });
    const move = (await auditOf('tiepnhan.moi')).filter((a) => a.action === 'staff_account.update')[1];
    expect(move.data).toMatchObject({
      reason: 'Điều động theo Quyết định 20/QĐ-SNV',
      before: { centerCode: 'DNA-BH', title: null },
      after: { centerCode: 'DNA-DX', title: 'Chuyên viên chính' },
    });
  });

  it('the Director must enrol two-factor: TOTP codes once each, recovery codes once each, wrong codes lock', async () => {
    const created = await asAdmin('post', '')
      .send({ username: 'giamdoc.moi', fullName: 'Võ Minh Quân', role: 'director', reason: 'Bổ nhiệm Giám đốc Sở' })
      .expect(201);
    expect(created.body.account.twoFactor).toEqual({ enabled: false, required: true });
    const password = 'rừng cao su mùa thay lá';
    const first = await firstLogin(t.baseUrl, 'giamdoc.moi', created.body.oneTimePassword, password, '203.0.113.20');
    expect(first.recoveryCodes).toHaveLength(10);
    expect(new Set(first.recoveryCodes).size).toBe(10);
    await me(first.accessToken).expect(200);
    const stored = (await db.query(`SELECT totp_secret FROM staff_account WHERE username = 'giamdoc.moi'`)).rows[0];
    expect(stored.totp_secret).not.toContain(first.totpSecret); // sealed, not the base32 secret

    const from = '203.0.113.21';
    const noCode = await login({ username: 'giamdoc.moi', password }, from);
    expect(noCode.status).toBe(401);
    expect(noCode.body.reason).toBe('two_factor_required');
    // The code used for the enrolment is spent; the next step's code works once.
    const replay = await login({ username: 'giamdoc.moi', password, otp: first.enrolmentCode }, from);
    expect(replay.body.reason).toBe('two_factor_invalid');
    const next = authenticatorCode(first.totpSecret!, 1, first.enrolledAt);
    await login({ username: 'giamdoc.moi', password, otp: next }, from).expect(200);
    expect((await login({ username: 'giamdoc.moi', password, otp: next }, from)).status).toBe(401);
    const recovery = first.recoveryCodes![0];
    await login({ username: 'giamdoc.moi', password, otp: recovery.toLowerCase() }, from).expect(200);
    expect((await login({ username: 'giamdoc.moi', password, otp: recovery }, from)).body.reason).toBe(
      'two_factor_invalid',
    );
    const used = await db.query(
      `SELECT count(*)::int AS n FROM staff_recovery_code c JOIN staff_account a ON a.id = c.account_id
        WHERE a.username = 'giamdoc.moi' AND c.used_at IS NOT NULL`,
    );
    expect(used.rows[0].n).toBe(1);

    // Right password, wrong codes: the fifth failure in a row locks, even though the password was right each time.
    const attacker = '203.0.113.66';
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push((await login({ username: 'giamdoc.moi', password, otp: '000000' }, attacker)).body.reason);
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('two_factor_invalid'));
    expect(answers[4]).toBe('account_locked');
    const unlocked = await asAdmin('post', '/giamdoc.moi/unlock')
      .send({ reason: 'Đã xác minh qua điện thoại' })
      .expect(200);
    expect(unlocked.body.cleared).toBeGreaterThan(0);

    // A lost phone: the administrator resets two-factor; sessions end; the next login enrols again.
    await asAdmin('post', '/giamdoc.moi/reset-two-factor').send({ reason: 'Mất điện thoại' }).expect(200);
    await me(first.accessToken).expect(401);
    const again = await login({ username: 'giamdoc.moi', password }, '203.0.113.22');
    expect(again.body.reason).toBe('two_factor_enrolment_required');
    expect(again.body.enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(again.body.enrolment.qrSvg).toMatch(/^<svg/);
  });

  it('STAFF_TWO_FACTOR_ROLES adds roles; sandbox accounts (published passwords) log in with username and password', async () => {
    const created = await asAdmin('post', '')
      .send({
        username: 'truongtt.moi',
        fullName: 'Lò Văn Páo',
        role: 'center_head',
        centerCode: 'DNA-LK',
        reason: 'Bổ nhiệm',
      })
      .expect(201);
    expect(created.body.account.twoFactor.required).toBe(true);
    const quantri2 = SANDBOX_STAFF.find((s) => s.username === 'quantri2')!;
    await login({ username: quantri2.username, password: quantri2.password }).expect(200);
  });

  it('is for administrators only, and a change of my own password needs the current one', async () => {
    const receiverLogin = await login({ username: 'tiepnhan.bh', password: SANDBOX_STAFF[0].password }).expect(200);
    await api().get('/api/v1/admin/staff').set('authorization', `Bearer ${receiverLogin.body.accessToken}`).expect(403);
    const wrong = await api()
      .post('/api/v1/staff/me/password')
      .set('authorization', `Bearer ${receiverLogin.body.accessToken}`)
      .send({ currentPassword: 'not it', newPassword: 'một mật khẩu mới đủ dài' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    const list = await asAdmin('get', '?role=director&active=true').expect(200);
    expect(list.body.items.map((a: { username: string }) => a.username)).toEqual(
      expect.arrayContaining(['giamdoc.snv', 'giamdoc.moi']),
    );
    expect(list.body.items.every((a: { role: string }) => a.role === 'director')).toBe(true);
    expect(JSON.stringify(list.body)).not.toMatch(/password_hash|passwordHash|totp_secret/);
    await asAdmin('get', '?role=king').expect(400);
  });

  it("without STAFF_OIDC_* the province's identity provider is not offered", async () => {
    await api().get('/auth/staff/oidc/login').expect(404);
    const page = await api().get('/can-bo/dang-nhap').expect(200);
    expect(page.text).not.toContain('/auth/staff/oidc/login');
  });
});
