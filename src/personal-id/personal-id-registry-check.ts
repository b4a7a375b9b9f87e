import { PersonalId, Sex, encodeCenturySexDigit } from './personal-id';

/** Disagreements between a personal ID and the registry's birth data. Stable codes: extend, never rename. */
export type PersonalIdRegistryFlag = 'century_sex_mismatch' | 'birth_year_mismatch';

export interface RegistryBirthData {
  /** `YYYY-MM-DD` as the population registry holds it. */
  readonly dateOfBirth: string;
  readonly sex: Sex;
}

/**
 * Compares the `G` and `YY` digits with the registry (DOMAIN §5). The registry wins for every decision; a flag only
 * asks a caseworker to look, it never rejects the dossier. Returns an empty list when both agree.
 * - `century_sex_mismatch`: `G` does not encode the registry's century of birth and sex;
 * - `birth_year_mismatch`: `YY` differs from the last two digits of the registry's birth year.
 */
export function checkAgainstRegistry(id: PersonalId | string, registry: RegistryBirthData): PersonalIdRegistryFlag[] {
  const personalId = typeof id === 'string' ? PersonalId.of(id) : id;
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(registry.dateOfBirth);
  if (!match) throw new TypeError(`dateOfBirth must be YYYY-MM-DD, got ${registry.dateOfBirth}`);
  const year = Number(match[1]);
  const flags: PersonalIdRegistryFlag[] = [];
  if (encodeCenturySexDigit(year, registry.sex) !== personalId.centurySexDigit) flags.push('century_sex_mismatch');
  if (Number(personalId.value.slice(4, 6)) !== year % 100) flags.push('birth_year_mismatch');
  return flags;
}
