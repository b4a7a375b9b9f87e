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
});
