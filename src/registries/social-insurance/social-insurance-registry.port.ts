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
