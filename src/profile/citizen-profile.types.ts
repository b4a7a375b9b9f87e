import { PersonalIdRegistryFlag } from '../personal-id/personal-id-registry-check';
import { PopulationRecord } from '../registries/population/population-registry.port';
import { Contribution, MinimumWageZone } from '../registries/social-insurance/social-insurance-registry.port';
import { DataAccessEntry } from '../registries/registry-reader.service';

/** Contribution summary from the social-insurance registry. */
export interface InsuranceSummary {
  readonly socialInsuranceNumber: string;
  readonly salaryRegime: 'employer' | 'state';
  /** Distinct months with a contribution (two contracts in one month count once). */
  readonly totalMonths: number;
  /** Distinct contributed months not already used by an earlier benefit decision. */
  readonly unusedMonths: number;
  /** `YYYY-MM`, or `null` when there is no contribution. */
  readonly lastContributionMonth: string | null;
  readonly lastEmployer: { readonly name: string; readonly taxCode: string; readonly zone: MinimumWageZone } | null;
  /** `YYYY-MM` months already consumed by earlier decisions. */
  readonly usedMonths: readonly string[];
  /** Months reserved (bảo lưu) by earlier decisions. */
  readonly reservedMonths: number;
  /** Oldest first, as the registry holds them. */
  readonly contributions: readonly Contribution[];
}

/** GET /api/v1/me/profile: identity from the population registry, never typed by the citizen. */
export interface CitizenProfile extends PopulationRecord {
  /** Disagreements between the personal ID's digits and the registry (a caseworker looks; nothing is rejected). */
  readonly personalIdFlags: readonly PersonalIdRegistryFlag[];
  /** `null`: never insured. */
  readonly insurance: InsuranceSummary | null;
}

export interface DataAccessList {
  readonly items: readonly DataAccessEntry[];
}
