import { Client } from 'pg';
import request from 'supertest';
import { SANDBOX_CENTERS } from '../../src/sandbox/sandbox-staff';
import { citizenToken, staffToken } from '../../scripts/token';
import { startTestApp, TestApp } from '../support/test-app';

const problemJson = /^application\/problem\+json/;

/** Who may read the reports, and what a malformed query gets. */
describe('reports: access and validation', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const base = t.runtime.config.publicBaseUrl;
    const [director, admin, headBh, receiver, citizen] = await Promise.all([
      staffToken(base, 'giamdoc.snv'),
      staffToken(base, 'quantri'),
      staffToken(base, 'truongtt.bh'),
      staffToken(base, 'tiepnhan.bh'),
      citizenToken(base, '070088112648'),
    ]);
    Object.assign(tokens, { director, admin, headBh, receiver, citizen });
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    for (const c of SANDBOX_CENTERS) {
      await db.query(
        `INSERT INTO service_center (code, name, province_name) VALUES ($1, $2, 'Tỉnh Đồng Nai') ON CONFLICT (code) DO NOTHING`,
        [c.code, c.name],
      );
    }
    await db.end();
  });
  afterAll(() => t.close());

  const get = (path: string, who?: string) => {
    const req = request(t.baseUrl).get(path);
    return who ? req.set('Authorization', `Bearer ${tokens[who]}`) : req;
  };
  const summary = '/api/v1/reports/summary?from=2026-11-01&to=2026-11-30';
  const monthly = '/api/v1/reports/monthly?month=2026-11';

  it.each([summary, monthly])('answers 401 without a token (%s)', async (path) => {
    const res = await get(path).expect(401);
    expect(res.headers['content-type']).toMatch(problemJson);
  });

  it.each([
    ['citizen', summary],
    ['citizen', monthly],
    ['receiver', summary],
    ['receiver', monthly],
  ])('answers 403 to a %s (%s)', async (who, path) => {
    const res = await get(path, who).expect(403);
    expect(res.headers['content-type']).toMatch(problemJson);
    expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it.each([summary, monthly])('answers 403 to a center head asking for another center (%s)', async (path) => {
    const res = await get(`${path}&centerCode=DNA-DX`, 'headBh').expect(403);
    expect(res.body.detail).toBe('Bạn chỉ được xem báo cáo của trung tâm mình.');
  });

  it('lets the director, an administrator and a center head (own center) read', async () => {
    await get(summary, 'director').expect(200);
    await get(`${summary}&centerCode=DNA-LK`, 'admin').expect(200);
    await get(`${summary}&centerCode=DNA-BH`, 'headBh').expect(200);
    await get(`${monthly}&format=json`, 'headBh').expect(200);
  });

  it.each([
    ['?to=2026-11-30', 'from', 'invalid_type'],
    ['?from=2026-11-01', 'to', 'invalid_type'],
    ['?from=2026-02-30&to=2026-03-01', 'from', 'invalid_date'],
    ['?from=01/11/2026&to=2026-11-30', 'from', 'invalid_date'],
    ['?from=2026-11-30&to=2026-11-01', 'to', 'before_from'],
    ['?from=2025-01-01&to=2026-01-02', 'to', 'range_too_long'],
    ['?from=2026-11-01&to=2026-11-30&centerCode=dna%20bh', 'centerCode', 'invalid_format'],
    ['?from=2026-11-01&to=2026-11-30&centerCode=XYZ-99', 'centerCode', 'unknown_center'],
    ['?from=2026-11-01&to=2026-11-30&foo=1', 'foo', 'unknown_field'],
  ])('rejects summary%s naming the field %s', async (query, field, code) => {
    const res = await get(`/api/v1/reports/summary${query}`, 'director').expect(400);
    expect(res.headers['content-type']).toMatch(problemJson);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    for (const error of res.body.errors) expect(error.message).toMatch(/[àáảãạăâđêôơưếệộ]/i);
  });

  it('accepts exactly 366 days (2028 is a leap year)', async () => {
    await get('/api/v1/reports/summary?from=2028-01-01&to=2028-12-31', 'director').expect(200);
  });

  it.each([
    ['?month=2026-13', 'month'],
    ['?month=2026-1', 'month'],
    ['', 'month'],
    ['?month=2026-11&format=pdf', 'format'],
  ])('rejects monthly%s naming the field %s', async (query, field) => {
    const res = await get(`/api/v1/reports/monthly${query}`, 'director').expect(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field }));
  });

  it('defaults the monthly report to XLSX, even for an empty month', async () => {
    const res = await get(monthly, 'director').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-tro-cap-that-nghiep-2026-11.xlsx"');
  });
});
