import { AssessmentInput, ContractType, TerminationReason } from './domain/assessment';
import { Zone } from './domain/legal-rules';
import { InsuranceRecord } from '../registries/social-insurance/social-insurance-registry.port';

/** What the citizen declares that the engine needs (the rest comes from the social-insurance record). */
export interface DeclaredFacts {
  terminationDate: string;
  terminationReason: TerminationReason;
  contractType: ContractType;
  zone?: Zone;
}

/** The engine's input from the social-insurance record (unused months only) and the citizen's declaration. */
export function assessmentInput(
  insurance: InsuranceRecord | null,
  application: DeclaredFacts,
  filingDate: string,
): AssessmentInput {
  const used = new Set(insurance?.usedMonths ?? []);
  const terminationMonth = application.terminationDate.slice(0, 7);
  const counted = (insurance?.contributions ?? []).filter((c) => !used.has(c.month));
  const last = [...counted].reverse().find((c) => c.month <= terminationMonth);
  return {
    terminationDate: application.terminationDate,
    filingDate,
    terminationReason: application.terminationReason,
    contractType: application.contractType,
    salaryRegime: insurance?.salaryRegime ?? 'employer',
    zone: application.zone ?? last?.zone ?? 'I',
    priorReservedMonths: insurance?.reservedMonths ?? 0,
    contributions: counted.map(({ month, salary }) => ({ month, salary })),
  };
}
