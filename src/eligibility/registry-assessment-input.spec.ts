import { Contribution, InsuranceRecord } from '../registries/social-insurance/social-insurance-registry.port';
import { parseInsuranceRecord } from '../registries/social-insurance/insurance-record.parser';
import { assessmentInput, firstContractPerMonth } from './registry-assessment-input';

const A = { employerName: 'Công ty A', employerTaxCode: '0311111111', zone: 'I' as const };
const B = { employerName: 'Công ty B', employerTaxCode: '0322222222', zone: 'II' as const };

function record(contributions: Contribution[], extra: Partial<InsuranceRecord> = {}): InsuranceRecord {
  return {
    personalId: '075092001234',
    socialInsuranceNumber: '7512345678',
    salaryRegime: 'employer',
    contributions,
    usedMonths: [],
    reservedMonths: 0,
    ...extra,
  };
}

const declared = {
  terminationDate: '2026-10-30',
  terminationReason: 'contract_expired' as const,
  contractType: 'fixed_term' as const,
};

describe('assessment input from the registry', () => {
  it('keeps the first contract of a month reported by two employers (Luật 38/2013 Điều 43 k.1)', () => {
    // A since 2026-07; B (a second, later contract) from 2026-09: September and October count A's salary only.
    const rows: Contribution[] = [
      { ...A, month: '2026-07', salary: 10_000_000 },
      { ...A, month: '2026-08', salary: 10_000_000 },
      { ...B, month: '2026-09', salary: 4_000_000 },
      { ...A, month: '2026-09', salary: 10_000_000 },
      { ...A, month: '2026-10', salary: 10_000_000 },
      { ...B, month: '2026-10', salary: 4_000_000 },
    ];
    const input = assessmentInput(record(rows), declared, '2026-11-02');
    expect(input.contributions).toEqual([
      { month: '2026-07', salary: 10_000_000 },
      { month: '2026-08', salary: 10_000_000 },
      { month: '2026-09', salary: 10_000_000 },
      { month: '2026-10', salary: 10_000_000 },
    ]);
    expect(input.zone).toBe('I');
  });

  it('keeps the row listed first when both contracts start in the same month', () => {
    const rows: Contribution[] = [
      { ...B, month: '2026-10', salary: 4_000_000 },
      { ...A, month: '2026-10', salary: 10_000_000 },
    ];
    expect(firstContractPerMonth(rows)).toEqual([rows[0]]);
  });

  it('passes the registry pension fact to the engine (Luật 74/2025 Điều 38 k.1 a), false when the registry is silent', () => {
    const row = { ...A, month: '2026-10', salary: 10_000_000 };
    const facts = { eligible: true, insuredYears: 31, retirementAgeDate: '2026-05-01' };
    expect(assessmentInput(record([row], { pension: facts }), declared, '2026-11-02').pensionEligible).toBe(true);
    expect(assessmentInput(record([row]), declared, '2026-11-02').pensionEligible).toBe(false);
    expect(assessmentInput(null, declared, '2026-11-02').pensionEligible).toBe(false);
  });

  it('reads the optional pension facts of the registry contract', () => {
    const body = {
      personalId: '075092001234',
      socialInsuranceNumber: '7512345678',
      salaryRegime: 'employer',
      contributions: [],
      usedMonths: [],
      reservedMonths: 0,
    };
    expect(parseInsuranceRecord(body).pension).toBeUndefined();
    expect(parseInsuranceRecord({ ...body, pension: { eligible: true, insuredYears: 20 } }).pension).toEqual({
      eligible: true,
      insuredYears: 20,
      retirementAgeDate: null,
    });
    expect(() => parseInsuranceRecord({ ...body, pension: { eligible: 'yes' } })).toThrow();
  });
});
