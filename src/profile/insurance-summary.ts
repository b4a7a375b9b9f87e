import { InsuranceRecord } from '../registries/social-insurance/social-insurance-registry.port';
import { InsuranceSummary } from './citizen-profile.types';

/** Summarises a registry record for the citizen's profile (pure). */
export function summariseInsurance(record: InsuranceRecord): InsuranceSummary {
  const months = new Set(record.contributions.map((c) => c.month));
  const used = new Set(record.usedMonths);
  let last: InsuranceRecord['contributions'][number] | undefined;
  for (const c of record.contributions) if (!last || c.month >= last.month) last = c;
  return {
    socialInsuranceNumber: record.socialInsuranceNumber,
    salaryRegime: record.salaryRegime,
    totalMonths: months.size,
    unusedMonths: [...months].filter((m) => !used.has(m)).length,
    lastContributionMonth: last?.month ?? null,
    lastEmployer: last ? { name: last.employerName, taxCode: last.employerTaxCode, zone: last.zone } : null,
    usedMonths: [...record.usedMonths],
    reservedMonths: record.reservedMonths,
    contributions: record.contributions.map((c) => ({ ...c })),
  };
}
