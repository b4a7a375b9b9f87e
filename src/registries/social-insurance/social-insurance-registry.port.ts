import { RegistryReadOptions } from '../population/population-registry.port';

export type MinimumWageZone = 'I' | 'II' | 'III' | 'IV';

/** One month of unemployment-insurance contribution. */
export interface Contribution {
  /** `YYYY-MM`. Two rows may share a month when the person had two contracts. */
  readonly month: string;
  /** Contribution salary of that month, whole VND. */
  readonly salary: number;
  readonly employerName: string;
  /** Mã số thuế: 10 digits, or 10 digits + `-` + 3 digits for a branch. */
  readonly employerTaxCode: string;
  /** Minimum-wage zone of the employer's workplace in that month. */
  readonly zone: MinimumWageZone;
}

/**
 * Pension facts the registry holds (Luật Bảo hiểm xã hội 2024 Điều 64: retirement age under Bộ luật Lao động 2019
 * Điều 169 and at least 15 years of social insurance). Under VN-2025 a worker who leaves when already eligible for a
 * pension is not eligible for the unemployment benefit (Luật Việc làm 74/2025 Điều 38 k.1 a).
 */
export interface PensionFacts {
  /** The person meets the conditions for a monthly pension (the registry's own determination). */
  readonly eligible: boolean;
  /** Whole years of social insurance, when the registry gives them (shown to staff). */
  readonly insuredYears: number | null;
  /** The day the person reaches (or reached) the retirement age, when the registry gives it. */
  readonly retirementAgeDate: string | null;
}

export interface InsuranceRecord {
  readonly personalId: string;
  /** Mã số bảo hiểm xã hội: the legacy 10 digits, or the 12-digit personal ID that replaces it (Luật BHXH 2024). */
  readonly socialInsuranceNumber: string;
  /** `state`: salary paid on the State salary scale (matters for the VN-2013 cap). */
  readonly salaryRegime: 'employer' | 'state';
  /** Oldest first. */
  readonly contributions: readonly Contribution[];
  /** `YYYY-MM` months already consumed by earlier benefit decisions; they do not count again. */
  readonly usedMonths: readonly string[];
  /** Contribution months reserved (bảo lưu) by earlier decisions; they count in addition to unused months. */
  readonly reservedMonths: number;
  /** Absent when the registry does not say (treated as not eligible for a pension). */
  readonly pension?: PensionFacts;
}

export interface SocialInsuranceRegistry {
  /**
   * The record, or `null` when the person has never been insured.
   * Rejects with `DomainError` code `upstream_unavailable` when the registry cannot answer properly.
   */
  findByPersonalId(personalId: string, options?: RegistryReadOptions): Promise<InsuranceRecord | null>;
}

/** Nest injection token for `SocialInsuranceRegistry`. */
export const SOCIAL_INSURANCE_REGISTRY = Symbol('SOCIAL_INSURANCE_REGISTRY');
