import { Client } from 'pg';
import request from 'supertest';
import { contributionMonths } from '../support/contributions';
import { startTestAppWithDb, TestApp } from '../support/test-app';
import { auth, staffBearer } from '../support/tokens';

const capped = (terminationDate: string, filingDate: string, firstMonth: string) => ({
  terminationDate,
  filingDate,
  terminationReason: 'contract_expired',
  contractType: 'indefinite',
  salaryRegime: 'employer',
  zone: 'I',
  contributions: contributionMonths(firstMonth, 24, 60_000_000),
});

describe('legal figures and calendar as data, changed by an administrator', () => {
  let t: TestApp;
  let db: Client;
  let close: () => Promise<void>;
  let admin: string;
  beforeAll(async () => {
    ({ t, db, close } = await startTestAppWithDb());
    admin = await staffBearer(t, 'quantri', 'admin', null);
  });
  afterAll(() => close());
  const assess = (body: object) => request(t.baseUrl).post('/api/v1/eligibility/assessments').send(body).expect(200);

  it('adds a future-dated minimum wage that changes results only from its date, audited', async () => {
    const before = (await assess(capped('2030-03-15', '2030-03-20', '2028-03'))).body;
    const earlier = (await assess(capped('2029-12-15', '2029-12-20', '2027-12'))).body;
    const res = await request(t.baseUrl)
      .post('/api/v1/admin/legal-parameters')
      .set(auth(admin))
      .send({
        key: 'regional_minimum_wage',
        zone: 'I',
        value: 6_000_000,
        effectiveFrom: '2030-01-01',
        legalBasis: 'Nghị định thử nghiệm/2029/NĐ-CP',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      key: 'regional_minimum_wage',
      zone: 'I',
      value: 6_000_000,
      effectiveFrom: '2030-01-01',
    });
    const after = (await assess(capped('2030-03-15', '2030-03-20', '2028-03'))).body;
    expect(before.cap).not.toBe(30_000_000);
    expect(after.cap).toBe(30_000_000);
    expect(after.monthlyBenefit).toBe(30_000_000);
    expect((await assess(capped('2029-12-15', '2029-12-20', '2027-12'))).body.cap).toBe(earlier.cap);
    const audit = await db.query(`SELECT actor_id, data FROM audit_log WHERE action = 'legal_parameter.add'`);
    expect(audit.rows).toEqual([expect.objectContaining({ actor_id: 'quantri' })]);
  });

  it('refuses a row in force today or earlier, and anyone but an administrator', async () => {
    const past = await request(t.baseUrl).post('/api/v1/admin/legal-parameters').set(auth(admin)).send({
      key: 'regional_minimum_wage',
      zone: 'II',
      value: 1,
      effectiveFrom: '2020-01-01',
      legalBasis: 'Không hợp lệ',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('effectiveFrom');
    await request(t.baseUrl)
      .post('/api/v1/admin/legal-parameters')
      .set(auth(await staffBearer(t, 'gd', 'director', null)))
      .send({})
      .expect(403);
    await request(t.baseUrl).get('/api/v1/admin/legal-parameters').expect(401);
  });

  it('moves the entitlement start when an administrator declares a holiday', async () => {
    const body = {
      ...capped('2030-06-03', '2030-06-10', '2028-06'),
      contributions: contributionMonths('2028-06', 24, 8_000_000),
    };
    const before = (await assess(body)).body.entitlementStart;
    await request(t.baseUrl)
      .put('/api/v1/admin/calendar/2030-06-12')
      .set(auth(admin))
      .send({ kind: 'holiday', name: 'Nghỉ đột xuất (thử nghiệm)' })
      .expect(200);
    const after = (await assess(body)).body.entitlementStart;
    expect(after > before).toBe(true);
    const days = await request(t.baseUrl)
      .get('/api/v1/admin/calendar?from=2030-06-01&to=2030-06-30')
      .set(auth(admin))
      .expect(200);
    expect(days.body.items).toContainEqual(expect.objectContaining({ date: '2030-06-12', kind: 'holiday' }));
  });

  it('marks dates from a projected year "dự kiến" until an administrator imports the announced schedule, audited', async () => {
    // Terminated 2027-03-15 (2027 is projected): the deadline and the start rest on the 2027 estimate.
    const body = {
      ...capped('2027-03-15', '2027-03-22', '2025-04'),
      contributions: contributionMonths('2025-04', 24, 8_000_000),
    };
    const before = (await assess(body)).body;
    expect(before.projectedYears).toEqual([2027]);
    expect(before.projectedFields).toEqual(['filingDeadline', 'entitlementStart', 'entitlementEnd', 'periods']);
    const years = await request(t.baseUrl).get('/api/v1/admin/calendar/years').set(auth(admin)).expect(200);
    expect(years.body.items).toContainEqual(expect.objectContaining({ year: 2027, status: 'projected' }));
    expect(years.body.items).toContainEqual(
      expect.objectContaining({
        year: 2026,
        status: 'announced',
        documentNumber: 'VB 12729/VPCP-KGVX',
        documentDate: '2025-12-25',
      }),
    );

    const bad = await request(t.baseUrl)
      .put('/api/v1/admin/calendar/years/2027')
      .set(auth(admin))
      .send({
        documentNumber: 'TB thử',
        documentDate: '2026-12-01',
        days: [{ date: '2027-03-20', kind: 'holiday', name: 'Thứ Bảy' }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['days.0.kind']);

    // The announced 2027 schedule adds a (fictional) day off on Tuesday 23/03/2027, inside the 11-working-day count.
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      { date: '2027-03-23', kind: 'holiday', name: 'Nghỉ thử nghiệm' },
    ];
    const res = await request(t.baseUrl)
      .put('/api/v1/admin/calendar/years/2027')
      .set(auth(admin))
      .send({ documentNumber: 'Thông báo 9999/TB-BNV', documentDate: '2026-12-01', days })
      .expect(200);
    expect(res.body).toMatchObject({ year: 2027, status: 'announced', documentNumber: 'Thông báo 9999/TB-BNV' });
    const after = (await assess(body)).body;
    expect(after.projectedYears).toEqual([]);
    expect(after.projectedFields).toEqual([]);
    expect(after.entitlementStart > before.entitlementStart).toBe(true);
    const listed = await request(t.baseUrl)
      .get('/api/v1/admin/calendar?from=2027-01-01&to=2027-12-31')
      .set(auth(admin));
    expect(listed.body.items.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-03-23']);
    const audit = await db.query(`SELECT entity_id, data FROM audit_log WHERE action = 'calendar_year.import'`);
    expect(audit.rows).toEqual([
      expect.objectContaining({
        entity_id: '2027',
        data: expect.objectContaining({ documentNumber: 'Thông báo 9999/TB-BNV' }),
      }),
    ]);
    await request(t.baseUrl)
      .put('/api/v1/admin/calendar/years/2028')
      .set(auth(await staffBearer(t, 'gd', 'director', null)))
      .send({ documentNumber: 'x', documentDate: '2026-12-01', days: [] })
      .expect(403);
  });
});
