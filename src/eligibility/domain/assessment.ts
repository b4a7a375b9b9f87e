import { LegalParameterRow, Zone } from './legal-rules';
import { Regime } from './regime';

/** Codes of docs/api.md (extend, never rename). */
export const TERMINATION_REASONS = [
  'contract_expired',
  'mutual_agreement',
  'employee_lawful_resignation',
  'employer_lawful_termination',
  'restructuring',
  'employer_closed',
  'dismissal',
  'employee_unlawful_resignation',
  'pension_eligible',
  'receiving_pension',
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export const CONTRACT_TYPES = ['indefinite', 'fixed_term', 'short_term', 'seasonal', 'working_contract'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const SALARY_REGIMES = ['employer', 'state'] as const;
export type SalaryRegime = (typeof SALARY_REGIMES)[number];

export interface ContributionMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Monthly unemployment-insurance contribution salary, whole VND. */
  salary: number;
}

/** The calculator request of docs/api.md. */
export interface AssessmentInput {
  terminationDate: string;
  filingDate: string;
  /** Date of the decision; chooses the regime (docs/domain.md §2). Default: `filingDate`. */
  decisionDate?: string;
  terminationReason: TerminationReason;
  contractType: ContractType;
  salaryRegime: SalaryRegime;
  zone: Zone;
  /** Months reserved (bảo lưu) from earlier claims. */
  priorReservedMonths?: number;
  /**
   * The worker already met the conditions for a pension when leaving (a fact about the person from the
   * social-insurance registry, Luật Bảo hiểm xã hội 2024): not eligible under VN-2025 (Luật 74/2025 Điều 38 k.1 a).
   */
  pensionEligible?: boolean;
  /** One entry per month; a month with salary 0 is not a contribution month. */
  contributions: ContributionMonth[];
}

export const INELIGIBILITY_CODES = [
  'unlawful_termination',
  'pension_eligible',
  'receiving_pension',
  'insufficient_contributions',
  'filing_before_termination',
  'filed_late',
] as const;
export type IneligibilityCode = (typeof INELIGIBILITY_CODES)[number];

export const CONDITION_CODES = [
  'lawful_termination',
  'not_pension_eligible',
  'not_receiving_pension',
  'minimum_contributions',
  'filed_after_termination',
  'filed_within_deadline',
] as const;
export type ConditionCode = (typeof CONDITION_CODES)[number];

export interface AssessmentReason {
  code: IneligibilityCode;
  message: string;
}

export interface AssessmentCondition {
  code: ConditionCode;
  passed: boolean;
  message: string;
}

export interface BenefitPeriod {
  from: string;
  to: string;
}

export type ProjectedField = 'filingDeadline' | 'entitlementStart' | 'entitlementEnd' | 'periods';

export type CapRule = 'regional_minimum_wage' | 'base_salary';

/** The calculator response of docs/api.md plus the explanation of how it was reached. */
export interface Assessment {
  eligible: boolean;
  reasons: AssessmentReason[];
  regime: Regime;
  /** The decision date the regime was chosen by (the request's, or the filing date). */
  decisionDate: string;
  contributionMonthsInWindow: number;
  totalContributionMonths: number;
  averageSalary: number;
  cap: number;
  monthlyBenefit: number;
  benefitMonths: number;
  reservedMonthsAfter: number;
  /** Null when not eligible. */
  entitlementStart: string | null;
  /** Null when not eligible. */
  entitlementEnd: string | null;
  periods: BenefitPeriod[];
  filingDeadline: string;
  /** Calendar years not announced yet (projected) that the working-day dates of this result were computed from. */
  projectedYears: number[];
  /** Which dates of this result are estimates because they rest on a projected year ("dự kiến"). */
  projectedFields: ProjectedField[];

  conditions: AssessmentCondition[];
  capRule: CapRule;
  windowMonths: number;
  /** 'YYYY-MM', or null without any contribution at or before the termination month. */
  lastContributionMonth: string | null;
  /** Regime and the latest effective date among the figures used, e.g. 'VN-2025@2026-01-01'. */
  ruleSetVersion: string;
  parametersUsed: LegalParameterRow[];
}
