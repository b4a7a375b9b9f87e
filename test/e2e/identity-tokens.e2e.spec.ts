import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JWK, SignJWT, importJWK } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { citizenToken } from '../../scripts/token';
import { SANDBOX_STAFF } from '../../src/sandbox/sandbox-staff';
import { startTestApp, TestApp } from '../support/test-app';

const problemJson = /^application\/problem\+json/;

describe('access tokens, guards, staff login and client credentials', () => {
  let t: TestApp;
  let citizen: string;
  const personalId = '070088112648';

  beforeAll(async () => {
    t = await startTestApp();
    citizen = await citizenToken(t.runtime.config.publicBaseUrl, personalId);
  });
  afterAll(() => t.close());

  const api = () => request(t.baseUrl);

  /** Signs claims with the service's own key, to forge tokens that differ in exactly one respect. */
  async function forge(overrides: { aud?: string; iss?: string; exp?: number; kind?: string }): Promise<string> {
    const stored = JSON.parse(
      readFileSync(join(t.runtime.config.dataDir, 'secrets', 'access-token-signing-key.json'), 'utf8'),
    ) as { kid: string; privateJwk: JWK };
    const key = await importJWK({ ...stored.privateJwk, alg: 'ES256' }, 'ES256');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ kind: overrides.kind ?? 'citizen', use: 'bearer', pid: personalId, auth_time: now })
      .setProtectedHeader({ alg: 'ES256', kid: stored.kid, typ: 'at+jwt' })
      .setIssuer(overrides.iss ?? t.runtime.config.publicBaseUrl)
      .setAudience(overrides.aud ?? 'tro-cap-that-nghiep-api')
      .setSubject(personalId)
      .setJti(`forged-${now}-${Math.random()}`)
      .setIssuedAt(now - 7200)
      .setExpirationTime(overrides.exp ?? now + 600)
      .sign(key);
  }

  async function expect401(token: string | undefined): Promise<request.Response> {
    const req = api().get('/api/v1/me/data-access');
    const res = await (token ? req.set('Authorization', `Bearer ${token}`) : req);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(problemJson);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(res.body.detail).toMatch(/[ăâđêôơư]/);
    return res;
  }

  describe('citizen bearer token from the real e-ID flow', () => {
    it('opens citizen endpoints', async () => {
      await api().get('/api/v1/me/data-access').set('Authorization', `Bearer ${citizen}`).expect(200);
    });

    it('carries the documented claims', () => {
      const [header, payload] = citizen
        .split('.')
        .slice(0, 2)
        .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
      expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
      expect(payload).toMatchObject({
        iss: t.runtime.config.publicBaseUrl,
        aud: 'tro-cap-that-nghiep-api',
        sub: personalId,
        pid: personalId,
        kind: 'citizen',
        use: 'bearer',
        name: 'Đặng Hữu Phước',
      });
      expect(payload.exp - payload.iat).toBe(3600);
    });

    it('a forged token with our key and the right claims is accepted (the forge helper is sound)', async () => {
      await api()
        .get('/api/v1/me/data-access')
        .set('Authorization', `Bearer ${await forge({})}`)
        .expect(200);
    });
  });

  describe('401 problem+json', () => {
    it('without any credentials', async () => {
      await expect401(undefined);
    });

    it('for a tampered token (payload changed, signature kept)', async () => {
      const [h, p, s] = citizen.split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
      payload.sub = payload.pid = '075192104729';
      await expect401([h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.'));
    });

    it('for a token with a broken signature', async () => {
      await expect401(citizen.slice(0, -4) + (citizen.endsWith('AAAA') ? 'BBBB' : 'AAAA'));
    });

    it('for an expired token', async () => {
      const res = await expect401(await forge({ exp: Math.floor(Date.now() / 1000) - 60 }));
      expect(res.body.detail).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    });

    it('for a token of another audience', async () => {
      await expect401(await forge({ aud: 'some-other-api' }));
    });

    it('for a token of another issuer', async () => {
      await expect401(await forge({ iss: 'https://attacker.example' }));
    });

    it('for a token signed by another key', async () => {
      const other = await new SignJWT({ kind: 'citizen', pid: personalId })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer(t.runtime.config.publicBaseUrl)
        .setAudience('tro-cap-that-nghiep-api')
        .setSubject(personalId)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode('x'.repeat(32)));
      await expect401(other);
    });

    it('for garbage and for a malformed Authorization header', async () => {
      await expect401('not-a-jwt');
      const res = await api().get('/api/v1/me/data-access').set('Authorization', 'Basic abc');
      expect(res.status).toBe(401);
    });

    it('for a bearer token presented as the session cookie', async () => {
      const res = await api().get('/api/v1/me/data-access').set('Cookie', `tctn_session=${citizen}`);
      expect(res.status).toBe(401);
    });
  });

  describe('403 for a valid caller of the wrong kind or role', () => {
    it('citizen token on a staff endpoint', async () => {
      const res = await api().get('/api/v1/staff/me').set('Authorization', `Bearer ${citizen}`);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
    });

    it('staff token on a citizen endpoint', async () => {
      const staff = await staffLogin('tiepnhan.bh');
      await api().get('/api/v1/me/profile').set('Authorization', `Bearer ${staff.body.accessToken}`).expect(403);
    });
  });

  function staffLogin(username: string, password?: string): request.Test {
    const account = SANDBOX_STAFF.find((s) => s.username === username)!;
    return api()
      .post('/api/v1/auth/staff/login')
      .send({ username, password: password ?? account.password });
  }

  describe('staff login', () => {
    it('returns a 60-minute bearer token; /api/v1/staff/me returns the principal', async () => {
      const login = await staffLogin('thamdinh.dx');
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ expiresIn: 3600, tokenType: 'Bearer' });
      const me = await api()
        .get('/api/v1/staff/me')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(200);
      expect(me.body).toEqual({
        kind: 'staff',
        subject: 'thamdinh.dx',
        username: 'thamdinh.dx',
        fullName: 'Hoàng Minh Tuấn',
        role: 'reviewer',
        centerCode: 'DNA-DX',
      });
    });

    it('gives province-level roles no center', async () => {
      const login = await staffLogin('giamdoc.snv');
      const me = await api()
        .get('/api/v1/staff/me')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(200);
      expect(me.body).toMatchObject({ role: 'director', centerCode: null });
    });

    it('refuses a wrong password and an unknown user alike, in Vietnamese', async () => {
      const wrong = await staffLogin('truongtt.bh', 'nope');
      const unknown = await staffLogin('khongtontai', 'nope');
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(problemJson);
        expect(res.body.detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
      }
    });

    it('validates the body', async () => {
      const res = await api().post('/api/v1/auth/staff/login').send({ username: 'a' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'password' }));
    });

    it('locks the account for 15 minutes after 5 consecutive failures, even for the right password', async () => {
      const username = 'tiepnhan.lk';
      for (let i = 1; i <= 4; i++) {
        const res = await staffLogin(username, `wrong-${i}`);
        expect(res.status).toBe(401);
        expect(res.body.reason).toBeUndefined();
      }
      const fifth = await staffLogin(username, 'wrong-5');
      expect(fifth.status).toBe(401);
      expect(fifth.body.reason).toBe('account_locked');
      expect(fifth.body.detail).toMatch(/^Tạm thời không thể đăng nhập/);
      const lockedUntil = Date.parse(fifth.body.lockedUntil);
      expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);

      const right = await staffLogin(username);
      expect(right.status).toBe(401);
      expect(right.body).toMatchObject({ reason: 'account_locked', lockedUntil: fifth.body.lockedUntil });
      // Other accounts are not affected.
      await staffLogin('thamdinh.lk').expect(200);
    });

    it('resets the failure count after a successful login', async () => {
      const username = 'thamdinh.bh';
      for (let i = 0; i < 4; i++) await staffLogin(username, 'wrong').expect(401);
      await staffLogin(username).expect(200);
      for (let i = 0; i < 4; i++) await staffLogin(username, 'wrong').expect(401);
      await staffLogin(username).expect(200);
    });
  });

  describe('portal client credentials', () => {
    it('lists the sandbox client and issues it a token that opens client endpoints only', async () => {
      const clients = await api().get('/sandbox/clients').expect(200);
      expect(clients.body).toEqual([
        { clientId: 'portal-sandbox', clientSecret: expect.stringMatching(/^[\w-]{40,}$/) },
        { clientId: 'bhxh-sandbox', clientSecret: expect.stringMatching(/^[\w-]{40,}$/) },
      ]);
      const token = await api().post('/api/v1/auth/clients/token').send(clients.body[0]).expect(200);
      expect(token.body).toMatchObject({ expiresIn: 3600, tokenType: 'Bearer' });
      await api().get('/api/v1/staff/me').set('Authorization', `Bearer ${token.body.accessToken}`).expect(403);
      await api().get('/api/v1/me/profile').set('Authorization', `Bearer ${token.body.accessToken}`).expect(403);
    });

    it('answers 401 for a wrong secret or an unknown client', async () => {
      for (const body of [
        { clientId: 'portal-sandbox', clientSecret: 'wrong-secret-wrong-secret' },
        { clientId: 'nobody', clientSecret: 'wrong-secret-wrong-secret' },
      ]) {
        const res = await api().post('/api/v1/auth/clients/token').send(body);
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(problemJson);
        expect(res.body.detail).toBe('Mã ứng dụng hoặc khóa bí mật không đúng.');
      }
    });
  });

  describe('tokens follow their account', () => {
    const sql = (text: string, params: unknown[]) => t.app.get(DataSource).query(text, params);
    const me = (token: string) => api().get('/api/v1/staff/me').set('Authorization', `Bearer ${token}`);

    it('refuses a staff token at once when its account is deactivated, and accepts it again when reactivated', async () => {
      const token = (await staffLogin('tiepnhan.dx').expect(200)).body.accessToken;
      await me(token).expect(200);
      await sql(`UPDATE staff_account SET active = false WHERE username = $1`, ['tiepnhan.dx']);
      try {
        const res = await me(token);
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(problemJson);
        expect(res.body).toMatchObject({ code: 'unauthenticated' });
        expect(res.body.detail).toBe(
          'Tài khoản đã bị khóa hoặc đã được đổi vai trò, đơn vị công tác. Vui lòng đăng nhập lại.',
        );
      } finally {
        await sql(`UPDATE staff_account SET active = true WHERE username = $1`, ['tiepnhan.dx']);
      }
      await me(token).expect(200);
    });

    it('refuses a staff token whose account has moved to another role or center', async () => {
      const token = (await staffLogin('truongtt.dx').expect(200)).body.accessToken;
      const [{ role, center_code: center }] = await sql(
        `SELECT role, center_code FROM staff_account WHERE username = $1`,
        ['truongtt.dx'],
      );
      try {
        await sql(`UPDATE staff_account SET role = 'reviewer' WHERE username = $1`, ['truongtt.dx']);
        await me(token).expect(401);
        await sql(`UPDATE staff_account SET role = $2, center_code = 'DNA-BH' WHERE username = $1`, [
          'truongtt.dx',
          role,
        ]);
        await me(token).expect(401);
      } finally {
        await sql(`UPDATE staff_account SET role = $2, center_code = $3 WHERE username = $1`, [
          'truongtt.dx',
          role,
          center,
        ]);
      }
      await me(token).expect(200);
      // A fresh login carries the account as it is now.
      expect((await me((await staffLogin('truongtt.dx').expect(200)).body.accessToken)).body.centerCode).toBe(center);
    });

    it('refuses a portal client token once the client is revoked', async () => {
      const [client] = (await api().get('/sandbox/clients').expect(200)).body;
      const token = (await api().post('/api/v1/auth/clients/token').send(client).expect(200)).body.accessToken;
      await me(token).expect(403);
      await sql(`UPDATE api_client SET active = false WHERE client_id = $1`, [client.clientId]);
      try {
        const res = await me(token);
        expect(res.status).toBe(401);
        expect(res.body.detail).toBe('Ứng dụng kết nối đã bị thu hồi quyền truy cập.');
      } finally {
        await sql(`UPDATE api_client SET active = true WHERE client_id = $1`, [client.clientId]);
      }
    });
  });

  it('keeps generated secrets under <dataDir>/secrets with mode 0600', () => {
    for (const name of [
      'access-token-signing-key.json',
      'sandbox-eid.json',
      'sandbox-portal-client.json',
      'eid-login-transaction-key.json',
    ]) {
      const mode = statSync(join(t.runtime.config.dataDir, 'secrets', name)).mode & 0o777;
      expect({ name, mode: mode.toString(8) }).toEqual({ name, mode: '600' });
    }
    expect(statSync(join(t.runtime.config.dataDir, 'secrets')).mode & 0o777).toBe(0o700);
  });

  it('rate-limits staff login per client address', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 35 }, () =>
        api()
          .post('/api/v1/auth/staff/login')
          .send({})
          .then((r) => r.status),
      ),
    );
    expect(statuses).toContain(429);
    const limited = await staffLogin('khongtontai', 'x');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(problemJson);
  });
});
