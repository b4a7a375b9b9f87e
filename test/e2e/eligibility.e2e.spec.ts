import request from 'supertest';
import { contributionMonths } from '../support/contributions';
import { startTestApp, TestApp } from '../support/test-app';

const base = {
  terminationDate: '2026-10-30',
  filingDate: '2026-11-10',
  terminationReason: 'contract_expired',
  contractType: 'fixed_term',
  salaryRegime: 'employer',
  zone: 'I',
  contributions: contributionMonths('2024-11', 24, 9_200_000),
};

describe('POST /api/v1/eligibility/assessments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('computes the benefit with the docs/api.md fields', async () => {
    const res = await request(t.baseUrl).post('/api/v1/eligibility/assessments').send(base).expect(200);
    expect(res.body).toMatchObject({
      eligible: true,
      reasons: [],
      regime: 'VN-2025',
      contributionMonthsInWindow: 24,
      totalContributionMonths: 24,
      averageSalary: 9_200_000,
      monthlyBenefit: 5_520_000,
      benefitMonths: 3,
      reservedMonthsAfter: 0,
      cap: 5 * 5_310_000,
      filingDeadline: '2027-02-01',
    });
    expect(res.body.periods).toHaveLength(3);
    expect(res.body.entitlementStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers an ineligible case with 200, eligible false and a reason per failed condition', async () => {
    const res = await request(t.baseUrl)
      .post('/api/v1/eligibility/assessments')
      .send({
        ...base,
        terminationReason: 'employee_unlawful_resignation',
        contributions: contributionMonths('2025-12', 11, 8_000_000),
      })
      .expect(200);
    expect(res.body.eligible).toBe(false);
    expect(res.body.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'insufficient_contributions',
      'unlawful_termination',
    ]);
    expect(res.body.reasons[0].message).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
  });

  it.each([
    [{ ...base, terminationDate: '30/10/2026' }, 'terminationDate'],
    [{ ...base, zone: 'V' }, 'zone'],
    [{ ...base, contributions: [{ month: '2026-01', salary: 'nhiều' }] }, 'contributions.0.salary'],
    [{ ...base, unexpected: 1 }, 'unexpected'],
    [{ ...base, filingDate: undefined }, 'filingDate'],
  ])('rejects malformed input with 400 naming the field (%#)', async (body, field) => {
    const res = await request(t.baseUrl).post('/api/v1/eligibility/assessments').send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 naming contributions for a month listed twice (one contribution per month)', async () => {
    const res = await request(t.baseUrl)
      .post('/api/v1/eligibility/assessments')
      .send({ ...base, contributions: [...base.contributions, { month: '2026-10', salary: 1_000_000 }] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'contributions', code: 'duplicate_month', message: expect.any(String) }),
    ]);
  });

  it('chooses the regime by decisionDate and accepts pensionEligible (Luật 74/2025 Điều 55 k.4, Điều 38 k.1 a)', async () => {
    const old = {
      ...base,
      terminationDate: '2025-12-31',
      filingDate: '2025-12-31',
      contributions: contributionMonths('2024-01', 24, 9_200_000),
    };
    const in2025 = await request(t.baseUrl).post('/api/v1/eligibility/assessments').send(old).expect(200);
    expect(in2025.body).toMatchObject({ regime: 'VN-2013', decisionDate: '2025-12-31', eligible: true });
    const in2026 = await request(t.baseUrl)
      .post('/api/v1/eligibility/assessments')
      .send({ ...old, decisionDate: '2026-01-05', pensionEligible: true })
      .expect(200);
    expect(in2026.body).toMatchObject({ regime: 'VN-2025', decisionDate: '2026-01-05', eligible: false });
    expect(in2026.body.reasons.map((r: { code: string }) => r.code)).toEqual(['pension_eligible']);
  });

  it('is rate limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      statuses.push((await request(t.baseUrl).post('/api/v1/eligibility/assessments').send(base)).status);
    }
    expect(statuses).toContain(429);
    const limited = await request(t.baseUrl).post('/api/v1/eligibility/assessments').send(base);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
  });
});
