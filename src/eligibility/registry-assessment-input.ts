import { AssessmentInput, ContractType, TerminationReason } from './domain/assessment';
import { Zone } from './domain/legal-rules';
import { Contribution, InsuranceRecord } from '../registries/social-insurance/social-insurance-registry.port';

/** What the citizen declares that the engine needs (the rest comes from the social-insurance record). */
export interface DeclaredFacts {
  terminationDate: string;
  terminationReason: TerminationReason;
  contractType: ContractType;
  zone?: Zone;
}

/**
 * The engine's input from the social-insurance record (unused months only) and the citizen's declaration.
 * One row per month: when two contracts report the same month, only the first contract contributes to unemployment
 * insurance (Luật Việc làm 38/2013 Điều 43 k.1, kept by Luật 74/2025), so the row of the employer whose contributions
 * started earliest in the record is kept (ties: the row the registry lists first) and the other is dropped.
 * Pension eligibility comes from the registry's pension facts. The decision date is left to its default (the filing
 * date); the decision re-assesses with its own date.
 */
export function assessmentInput(
  insurance: InsuranceRecord | null,
  application: DeclaredFacts,
  filingDate: string,
): AssessmentInput {
  const used = new Set(insurance?.usedMonths ?? []);
  const terminationMonth = application.terminationDate.slice(0, 7);
  const counted = firstContractPerMonth(insurance?.contributions ?? []).filter((c) => !used.has(c.month));
  const last = [...counted].reverse().find((c) => c.month <= terminationMonth && c.salary > 0);
  return {
    terminationDate: application.terminationDate,
    filingDate,
    terminationReason: application.terminationReason,
    contractType: application.contractType,
    salaryRegime: insurance?.salaryRegime ?? 'employer',
    zone: application.zone ?? last?.zone ?? 'I',
    priorReservedMonths: insurance?.reservedMonths ?? 0,
    pensionEligible: insurance?.pension?.eligible === true,
    contributions: counted.map(({ month, salary }) => ({ month, salary })),
  };
}

/** One contribution per month, oldest first: the first contract's row (see `assessmentInput`). */
export function firstContractPerMonth(contributions: readonly Contribution[]): Contribution[] {
  const firstMonthOf = new Map<string, string>();
  for (const c of contributions) {
    const seen = firstMonthOf.get(c.employerTaxCode);
    if (seen === undefined || c.month < seen) firstMonthOf.set(c.employerTaxCode, c.month);
  }
  const byMonth = new Map<string, Contribution>();
  for (const c of contributions) {
    const kept = byMonth.get(c.month);
    if (!kept || firstMonthOf.get(c.employerTaxCode)! < firstMonthOf.get(kept.employerTaxCode)!)
      byMonth.set(c.month, c);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
