import { Client } from 'pg';
import request from 'supertest';
import { AccessTokenService } from '../../src/identity';
import { citizenPrincipal } from '../../src/identity/principal';
import { hashSecret } from '../../src/identity/secrets/password-hasher';
import { SANDBOX_STAFF } from '../../src/sandbox/sandbox-staff';
import { startTestApp, TestApp } from '../support/test-app';

/** Issue #14 (ASVS 3.3.1): logout ends the session on the server; a lock-out that neither enumerates nor locks out. */
describe('server-side logout and staff lock-out', () => {
  let t: TestApp;
  let db: Client;
  const personalId = '075192104729';

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);
  const password = (username: string) => SANDBOX_STAFF.find((s) => s.username === username)!.password;
  const login = (username: string, secret: string, from: string) =>
    api().post('/api/v1/auth/staff/login').set('x-forwarded-for', from).send({ username, password: secret });
  const webSession = (sessionId?: string) =>
    t.app
      .get(AccessTokenService)
      .issue(citizenPrincipal(personalId), { use: 'web', ttlSeconds: 900, sessionId })
      .then((issued) => issued.accessToken);
  const withCookie = (token: string) => api().get('/api/v1/me/data-access').set('cookie', `tctn_session=${token}`);

  describe('logout', () => {
    it("ends a citizen's cookie session on the server: the same cookie, and every renewal of it, then gets 401", async () => {
      const sessionId = `sess-${Date.now()}`;
      const cookie = await webSession(sessionId);
      await withCookie(cookie).expect(200);
      const out = await api()
        .post('/auth/logout')
        .set('cookie', `tctn_session=${cookie}`)
        .set('accept', 'application/json');
      expect(out.status).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/tctn_session=;/);
      const after = await withCookie(cookie);
      expect(after.status).toBe(401);
      expect(after.headers['content-type']).toMatch(/^application\/problem\+json/);
      // A token renewed within the same session (same sid) is refused too; a new login is not.
      await withCookie(await webSession(sessionId)).expect(401);
      await withCookie(await webSession()).expect(200);
    });

    it("ends a staff bearer token's session on the server", async () => {
      const token = (await login('thamdinh.dx', password('thamdinh.dx'), '198.51.100.1').expect(200)).body.accessToken;
      await api().get('/api/v1/staff/me').set('authorization', `Bearer ${token}`).expect(200);
      await api().post('/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
      const after = await api().get('/api/v1/staff/me').set('authorization', `Bearer ${token}`);
      expect(after.status).toBe(401);
      // Logging out twice, or with no session at all, is harmless.
      await api().post('/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
      await api().post('/auth/logout').expect(204);
    });

    it('sends a browser to a Vietnamese page that says it has logged out', async () => {
      const cookie = await webSession();
      const out = await api()
        .post('/auth/logout')
        .set('cookie', `tctn_session=${cookie}`)
        .set('accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
      expect(out.status).toBe(303);
      expect(out.headers.location).toBe('/da-dang-xuat');
      await withCookie(cookie).expect(401);
      const page = await api().get('/da-dang-xuat').set('accept', 'text/html').expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('Bạn đã đăng xuất');
      expect(page.text).toContain('<footer');
    });
  });

  describe('staff lock-out', () => {
    const wrongFive = async (username: string, from: string) => {
      const answers: { status: number; reason?: string; detail: string }[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await login(username, `wrong-${i}`, from);
        answers.push({ status: res.status, reason: res.body.reason, detail: res.body.detail.replace(/\d/g, '0') });
      }
      return answers;
    };

    it('answers an unknown username exactly like a known one, lock-out included', async () => {
      const known = await wrongFive('tiepnhan.dx', '203.0.113.10');
      const unknown = await wrongFive('khong.ton.tai', '203.0.113.10');
      expect(unknown).toEqual(known);
      expect(known[4]).toMatchObject({ status: 401, reason: 'account_locked' });
    });

    it('takes comparable time for unknown and known usernames (a password hash either way)', async () => {
      // A real account hashes with the production cost (sandbox accounts use a cheap one: their passwords are public).
      await db.query(
        `INSERT INTO staff_account (username, password_hash, full_name, role, center_code)
         VALUES ('thamdinh.real', $1, 'Thẩm định', 'reviewer', 'DNA-BH')`,
        [await hashSecret('Mật khẩu thật 2026')],
      );
      const time = async (username: string) => {
        const started = process.hrtime.bigint();
        await login(username, 'wrong', '203.0.113.11').expect(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 4; i++) {
        known.push(await time('thamdinh.real'));
        unknown.push(await time(`nobody${i}`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
      expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
      expect(median(unknown) / median(known)).toBeLessThan(2);
    });

    it('locks a username only for the source that failed: the Director still logs in from elsewhere', async () => {
      const attacker = await wrongFive('giamdoc.snv', '192.0.2.66');
      expect(attacker[4].reason).toBe('account_locked');
      await login('giamdoc.snv', password('giamdoc.snv'), '192.0.2.66').expect(401);
      await login('giamdoc.snv', password('giamdoc.snv'), '198.51.100.7').expect(200);
    });

    it('lets an administrator unlock a username (audited); others may not', async () => {
      await wrongFive('truongtt.dx', '192.0.2.77');
      await login('truongtt.dx', password('truongtt.dx'), '192.0.2.77').expect(401);
      const admin = (await login('quantri', password('quantri'), '198.51.100.8').expect(200)).body.accessToken;
      const head = (await login('truongtt.bh', password('truongtt.bh'), '198.51.100.8').expect(200)).body.accessToken;
      await api().post('/api/v1/admin/staff/truongtt.dx/unlock').set('authorization', `Bearer ${head}`).expect(403);
      await api().post('/api/v1/admin/staff/truongtt.dx/unlock').expect(401);
      await api().post('/api/v1/admin/staff/khong.ton.tai/unlock').set('authorization', `Bearer ${admin}`).expect(404);
      const res = await api()
        .post('/api/v1/admin/staff/truongtt.dx/unlock')
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(res.body).toEqual({ username: 'truongtt.dx', cleared: 1 });
      await login('truongtt.dx', password('truongtt.dx'), '192.0.2.77').expect(200);
      const { rows } = await db.query(
        `SELECT actor_id, entity_id FROM audit_log WHERE action = 'staff_account.unlock' ORDER BY id`,
      );
      expect(rows).toEqual([{ actor_id: 'quantri', entity_id: 'truongtt.dx' }]);
    });
  });
});
