import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JWK, SignJWT, importJWK } from 'jose';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { citizenToken, eidLogin } from '../../scripts/token';
import { summariseInsurance } from '../../src/profile/insurance-summary';
import { vietnamToday } from '../../src/sandbox/sandbox-dates';
import { sandboxResidents } from '../../src/sandbox/sandbox-residents';
import { startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);

describe('citizen profile, data-access log and the token CLI', () => {
  let t: TestApp;
  let db: Client;
  const residents = sandboxResidents(vietnamToday());
  const byId = (id: string) => residents.find((r) => r.personalId === id)!;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const api = () => request(t.baseUrl);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const accessRows = async (personalId: string) =>
    (
      await db.query(
        `SELECT actor_type, actor_id, source, purpose, request_id FROM data_access_log WHERE subject_personal_id = $1 ORDER BY id`,
        [personalId],
      )
    ).rows;

  it.each([
    ['075192104729', 'Nguyễn Thị Ánh Tuyết'],
    ['075199326461', 'Trương Thị Ngọc Ẩn'],
    ['046177437327', 'Tôn Nữ Thị Sương'],
    ['082080247271', 'Lưu Văn Ổn'],
    ['075189508598', 'Nguyễn Hữu Nghĩa'],
  ])('profile of %s (%s) equals the registry data', async (personalId, name) => {
    const resident = byId(personalId);
    expect(resident.fullName).toBe(name);
    const token = await citizenToken(t.runtime.config.publicBaseUrl, personalId);
    const res = await api().get('/api/v1/me/profile').set(bearer(token)).expect(200);
    const { population, insurance } = resident;
    expect(res.body).toEqual({
      personalId,
      fullName: population.fullName,
      dateOfBirth: population.dateOfBirth,
      sex: population.sex,
      nationality: population.nationality,
      permanentAddress: population.permanentAddress,
      currentAddress: population.currentAddress,
      idCardIssueDate: population.idCardIssueDate,
      personalIdFlags: resident.scenario === 'id-mismatch' ? expect.arrayContaining([expect.any(String)]) : [],
      insurance: summariseInsurance(insurance!),
    });
    expect(res.body.fullName.normalize('NFC')).toBe(res.body.fullName);
    expect(res.body.insurance.contributions).toEqual(insurance!.contributions);
    expect(res.body.insurance.totalMonths).toBe(new Set(insurance!.contributions.map((c) => c.month)).size);
    const last = insurance!.contributions[insurance!.contributions.length - 1];
    expect(res.body.insurance.lastContributionMonth).toBe(last.month);
    expect(res.body.insurance.lastEmployer).toEqual({
      name: last.employerName,
      taxCode: last.employerTaxCode,
      zone: last.zone,
    });
  });

  it('gives insurance: null for a person who was never insured', async () => {
    const token = await citizenToken(t.runtime.config.publicBaseUrl, '092197500679');
    const res = await api().get('/api/v1/me/profile').set(bearer(token)).expect(200);
    expect(res.body).toMatchObject({ fullName: 'Châu Ngọc Thủy Tiên', insurance: null });
  });

  it('logs each prefill: one row per registry, purpose prefill, actor the citizen, with the request id', async () => {
    const personalId = '070083199757';
    const token = await citizenToken(t.runtime.config.publicBaseUrl, personalId);
    expect(await accessRows(personalId)).toEqual([]);
    await api().get('/api/v1/me/profile').set(bearer(token)).set('X-Request-Id', 'prefill-1').expect(200);
    await api().get('/api/v1/me/profile').set(bearer(token)).set('X-Request-Id', 'prefill-2').expect(200);
    const row = (source: string, requestId: string) => ({
      actor_type: 'citizen',
      actor_id: personalId,
      source,
      purpose: 'prefill',
      request_id: requestId,
    });
    expect(await accessRows(personalId)).toEqual([
      row('population', 'prefill-1'),
      row('social_insurance', 'prefill-1'),
      row('population', 'prefill-2'),
      row('social_insurance', 'prefill-2'),
    ]);
    const own = await api().get('/api/v1/me/data-access').set(bearer(token)).expect(200);
    expect(own.body.items).toHaveLength(4);
    expect(own.body.items[0]).toMatchObject({
      actorType: 'citizen',
      actorTypeLabel: 'Chính công dân',
      purpose: 'prefill',
      purposeLabel: 'Điền sẵn thông tin vào tờ khai',
      requestId: 'prefill-2',
    });
    expect(own.body.items.map((i: { sourceLabel: string }) => i.sourceLabel)).toContain(
      'Cơ sở dữ liệu quốc gia về dân cư',
    );
  });

  it('answers 503 problem+json and writes no data-access row when the population registry fails', async () => {
    const personalId = '040079120567';
    const token = await citizenToken(t.runtime.config.publicBaseUrl, personalId);
    await api().put('/sandbox/faults/population').send({ kind: 'error', status: 500 }).expect(204);
    try {
      const res = await api().get('/api/v1/me/profile').set(bearer(token));
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, code: 'upstream_unavailable' });
      expect(JSON.stringify(res.body)).not.toMatch(/stack|at \//);
    } finally {
      await api().delete('/sandbox/faults').expect(204);
    }
    expect(await accessRows(personalId)).toEqual([]);
    await api().get('/api/v1/me/profile').set(bearer(token)).expect(200);
    expect(await accessRows(personalId)).toHaveLength(2);
  });

  it("shows citizen A only A's entries and citizen B only B's", async () => {
    const a = '079195128486';
    const b = '001090136405';
    const tokenA = await citizenToken(t.runtime.config.publicBaseUrl, a);
    const tokenB = await citizenToken(t.runtime.config.publicBaseUrl, b);
    await api().get('/api/v1/me/profile').set(bearer(tokenA)).expect(200);
    await api().get('/api/v1/me/profile').set(bearer(tokenB)).expect(200);
    await api().get('/api/v1/me/profile').set(bearer(tokenB)).expect(200);
    const seenByA = (await api().get('/api/v1/me/data-access').set(bearer(tokenA)).expect(200)).body.items;
    const seenByB = (await api().get('/api/v1/me/data-access').set(bearer(tokenB)).expect(200)).body.items;
    expect(seenByA).toHaveLength(2);
    expect(seenByB).toHaveLength(4);
    expect(seenByA.every((e: { actorId: string }) => e.actorId === a)).toBe(true);
    expect(seenByB.every((e: { actorId: string }) => e.actorId === b)).toBe(true);
  });

  it('renews an aging web session cookie and ends it on logout', async () => {
    const { browser } = await eidLogin(t.runtime.config.publicBaseUrl, '038084152243');
    const session = browser.jar.get('tctn_session')!;
    const fresh = await api().get('/api/v1/me/data-access').set('Cookie', `tctn_session=${session}`).expect(200);
    expect(fresh.headers['set-cookie']).toBeUndefined();
    const payload = JSON.parse(Buffer.from(session.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ use: 'web', kind: 'citizen', sub: '038084152243' });
    expect(payload.exp - payload.iat).toBe(15 * 60);

    // A session token older than 5 minutes is replaced on use, keeping the original login time.
    const stored = JSON.parse(
      readFileSync(join(t.runtime.config.dataDir, 'secrets', 'access-token-signing-key.json'), 'utf8'),
    ) as { kid: string; privateJwk: JWK };
    const now = Math.floor(Date.now() / 1000);
    const aging = await new SignJWT({ ...payload, iat: now - 360, exp: now + 540 })
      .setProtectedHeader({ alg: 'ES256', kid: stored.kid, typ: 'at+jwt' })
      .sign(await importJWK({ ...stored.privateJwk, alg: 'ES256' }, 'ES256'));
    const renewed = await api().get('/api/v1/me/data-access').set('Cookie', `tctn_session=${aging}`).expect(200);
    const cookie = (renewed.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(
      /^tctn_session=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=900; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const next = JSON.parse(Buffer.from(cookie.split('=')[1].split('.')[1], 'base64url').toString());
    expect(next.iat).toBeGreaterThanOrEqual(now);
    expect(next.auth_time).toBe(payload.auth_time);

    const out = await api().post('/auth/logout').set('Cookie', `tctn_session=${session}`).expect(204);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^tctn_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const { browser } = await eidLogin(t.runtime.config.publicBaseUrl, '038084152243');
    const session = browser.jar.get('tctn_session')!;
    const res = await api()
      .post('/api/v1/me/data-access')
      .set('Cookie', `tctn_session=${session}`)
      .set('Origin', 'https://evil.example');
    expect([403, 404]).toContain(res.status);
  });

  it('refuses a returnTo outside the site', async () => {
    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await api().get('/auth/eid/login').query({ returnTo });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'returnTo' });
    }
  });

  it('refuses a callback without the login cookie (replayed in another browser)', async () => {
    const res = await api().get('/auth/eid/callback').query({ code: 'abc', state: 'xyz' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('the sandbox login page is Vietnamese and marked as a sandbox; an unknown ID is refused on the page', async () => {
    await expect(citizenToken(t.runtime.config.publicBaseUrl, '079999999999')).rejects.toThrow(
      /Không có cư dân thử nghiệm nào có số định danh này/,
    );
    const { browser } = await eidLogin(t.runtime.config.publicBaseUrl, '075192104729');
    const page = browser.steps.find((s) => /\/sandbox\/eid\/interaction\/[\w-]+$/.test(s.url.pathname))!;
    expect(page.response.headers.get('x-sandbox')).toBe('true');
  });

  describe('token CLI as a child process', () => {
    const cli = (...args: string[]) =>
      run(process.execPath, ['-r', '@swc-node/register', 'scripts/token.ts', ...args], {
        cwd: `${__dirname}/../..`,
        env: { ...process.env, BASE_URL: t.runtime.config.publicBaseUrl },
        timeout: 60_000,
      });

    it('citizen: runs the real flow and prints a token that opens the profile', async () => {
      const { stdout } = await cli('citizen', '087189207676');
      const token = stdout.trim();
      expect(token.split('.')).toHaveLength(3);
      const res = await api().get('/api/v1/me/profile').set(bearer(token)).expect(200);
      expect(res.body.fullName).toBe('Phan Thị Diễm Hương');
    });

    it('staff and client print working tokens', async () => {
      const staff = (await cli('staff', 'truongtt.dx')).stdout.trim();
      const me = await api().get('/api/v1/staff/me').set(bearer(staff)).expect(200);
      expect(me.body).toMatchObject({ role: 'center_head', centerCode: 'DNA-DX' });
      const client = (await cli('client')).stdout.trim();
      await api().get('/api/v1/staff/me').set(bearer(client)).expect(403);
    });

    it('fails with a clear message on stderr and exit code 1', async () => {
      await expect(cli('staff', 'khong.co')).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/no sandbox staff account "khong.co"/),
      });
      await expect(cli('bogus')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/usage:/) });
    });
  });
});
