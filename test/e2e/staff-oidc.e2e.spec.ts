import request from 'supertest';
import { SANDBOX_STAFF } from '../../src/sandbox/sandbox-staff';
import { followRedirects, TestStaffIdp } from '../support/staff-idp';
import { startTestApp, TestApp } from '../support/test-app';

/** Issue #23 item 4: staff sign in through the province's OpenID Connect provider; roles stay granted here. */
describe("staff sign-in through the province's identity provider", () => {
  let idp: TestStaffIdp;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    idp = await TestStaffIdp.start([
      { sub: 'u-recv', email: 'Recv.Idp@snv.example.vn', email_verified: true, name: 'Đinh Văn Nhận' },
      { sub: 'u-dir', employee_number: 'DN-900', email: 'other@snv.example.vn', email_verified: true },
      { sub: 'u-unverified', email: 'recv.idp@snv.example.vn', email_verified: false },
      { sub: 'u-stranger', email: 'stranger@example.vn', email_verified: true, employee_number: 'XX-1' },
    ]);
    t = await startTestApp({
      STAFF_OIDC_ISSUER: idp.issuer,
      STAFF_OIDC_CLIENT_ID: idp.clientId,
      STAFF_OIDC_CLIENT_SECRET: idp.clientSecret,
    });
    idp.register(`${t.runtime.config.publicBaseUrl}/auth/staff/oidc/callback`);
    const quantri = SANDBOX_STAFF.find((s) => s.username === 'quantri')!;
    admin = (
      await request(t.baseUrl)
        .post('/api/v1/auth/staff/login')
        .send({ username: quantri.username, password: quantri.password })
        .expect(200)
    ).body.accessToken;
    for (const account of [
      {
        username: 'tiepnhan.idp',
        fullName: 'Đinh Văn Nhận',
        role: 'receiver',
        centerCode: 'DNA-BH',
        email: 'recv.idp@snv.example.vn',
      },
      { username: 'giamdoc.idp', fullName: 'Mai Thế Trung', role: 'director', employeeNumber: 'DN-900' },
    ])
      await request(t.baseUrl)
        .post('/api/v1/admin/staff')
        .set('authorization', `Bearer ${admin}`)
        .send({ ...account, reason: 'Tài khoản đăng nhập qua hệ thống của tỉnh' })
        .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const signIn = (accountId: string, amr: string[]) => {
    idp.next = { accountId, amr };
    return followRedirects(
      `${t.runtime.config.publicBaseUrl}/auth/staff/oidc/login?returnTo=%2Fcan-bo`,
      `${t.runtime.config.publicBaseUrl}/can-bo/dang-nhap`,
    );
  };
  const tokenOf = (location: string | null) => new URLSearchParams(new URL(location!).hash.slice(1));
  const me = (token: string) => request(t.baseUrl).get('/api/v1/staff/me').set('authorization', `Bearer ${token}`);

  it('matches the account by verified e-mail; the role and center are the ones granted in the service', async () => {
    const done = await signIn('u-recv', ['pwd']);
    expect(done.status).toBe(303);
    const fragment = tokenOf(done.location);
    expect(fragment.get('username')).toBe('tiepnhan.idp');
    expect(fragment.get('returnTo')).toBe('/can-bo');
    expect((await me(fragment.get('oidc_token')!).expect(200)).body).toMatchObject({
      username: 'tiepnhan.idp',
      role: 'receiver',
      centerCode: 'DNA-BH',
    });
  });

  it('matches by employee number first; the Director is accepted only when the provider used a second factor', async () => {
    const single = await signIn('u-dir', ['pwd']);
    expect(single.status).toBe(403);
    expect(single.body.normalize('NFC')).toContain('xác thực hai lớp');
    const double = await signIn('u-dir', ['pwd', 'otp']);
    expect(double.status).toBe(303);
    const token = tokenOf(double.location).get('oidc_token')!;
    expect((await me(token).expect(200)).body).toMatchObject({ username: 'giamdoc.idp', role: 'director' });
  });

  it('refuses an unverified e-mail, a person without an account, and a deactivated account (403 page)', async () => {
    for (const who of ['u-unverified', 'u-stranger']) {
      const refused = await signIn(who, ['pwd']);
      expect(refused.status).toBe(403);
      expect(refused.body.normalize('NFC')).toContain('chưa được cấp quyền sử dụng dịch vụ');
    }
    await request(t.baseUrl)
      .post('/api/v1/admin/staff/tiepnhan.idp/deactivate')
      .set('authorization', `Bearer ${admin}`)
      .send({ reason: 'Nghỉ việc' })
      .expect(200);
    expect((await signIn('u-recv', ['pwd'])).status).toBe(403);
  });

  it('refuses a callback without the login transaction (another browser)', async () => {
    const res = await request(t.baseUrl).get('/auth/staff/oidc/callback?code=x&state=y').set('accept', 'text/html');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
