import { summariseInsurance } from './insurance-summary';

describe('summariseInsurance', () => {
  const row = (month: string, employerName: string, zone: 'I' | 'II' = 'I') => ({
    month,
    salary: 10_000_000,
    employerName,
    employerTaxCode: employerName === 'A' ? '3600000001' : '3600000002',
    zone,
  });

  it('counts distinct months, takes the last employer, and subtracts used months', () => {
    const summary = summariseInsurance({
      personalId: '075192104729',
      socialInsuranceNumber: '7512345678',
      salaryRegime: 'employer',
      contributions: [row('2025-01', 'A'), row('2025-02', 'A'), row('2025-02', 'B', 'II'), row('2025-03', 'B', 'II')],
      usedMonths: ['2025-01'],
      reservedMonths: 4,
    });
    expect(summary).toMatchObject({
      totalMonths: 3,
      unusedMonths: 2,
      lastContributionMonth: '2025-03',
      lastEmployer: { name: 'B', taxCode: '3600000002', zone: 'II' },
      usedMonths: ['2025-01'],
      reservedMonths: 4,
    });
    expect(summary.contributions).toHaveLength(4);
  });

  it('has no last month or employer without contributions', () => {
    const summary = summariseInsurance({
      personalId: '075192104729',
      socialInsuranceNumber: '075192104729',
      salaryRegime: 'state',
      contributions: [],
      usedMonths: [],
      reservedMonths: 0,
    });
    expect(summary).toMatchObject({ totalMonths: 0, lastContributionMonth: null, lastEmployer: null });
  });
});
