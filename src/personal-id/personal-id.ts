import { BirthRegistrationProvince, birthRegistrationProvince } from './province-codes';

export type Sex = 'male' | 'female';

/** Why a string is not a personal ID. Stable codes: extend, never rename. */
export type PersonalIdRejection =
  'required' | 'contains_whitespace' | 'non_digit' | 'wrong_length' | 'unknown_province_code';

/** Accepted, but worth a human look. */
export type PersonalIdWarning = 'unlisted_place_code';

export type PersonalIdParseResult =
  | { readonly ok: true; readonly value: PersonalId; readonly warnings: readonly PersonalIdWarning[] }
  | { readonly ok: false; readonly reasons: readonly PersonalIdRejection[] };

export interface CenturyAndSex {
  /** First year of the century, e.g. 1900. */
  readonly centuryStart: number;
  readonly sex: Sex;
}

/**
 * The century/sex digit `G` (4th digit): 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9.
 * Every digit 0–9 is meaningful; there is no invalid value.
 */
export function decodeCenturySexDigit(digit: number): CenturyAndSex {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) throw new RangeError(`not a decimal digit: ${digit}`);
  return { centuryStart: 1900 + 100 * Math.floor(digit / 2), sex: digit % 2 === 0 ? 'male' : 'female' };
}

/** The `G` digit a person born in `birthYear` with `sex` should carry; `undefined` outside 1900–2399. */
export function encodeCenturySexDigit(birthYear: number, sex: Sex): number | undefined {
  const centuryIndex = Math.floor(birthYear / 100) - 19;
  if (!Number.isInteger(centuryIndex) || centuryIndex < 0 || centuryIndex > 4) return undefined;
  return centuryIndex * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * Số định danh cá nhân: 12 ASCII digits `PPP G YY NNNNNN` (DOMAIN §5). No check digit exists, so a well-formed
 * number can still be wrong; disagreement with the registry is flagged by `checkAgainstRegistry`, not rejected.
 *
 * `parse` is strict: it does not trim or drop separators, because silently rewriting an identifier is how two
 * people end up sharing a dossier. Callers that accept typed input may strip spaces before calling it and must
 * then show the user the normalised number.
 */
export class PersonalId {
  private constructor(
    /** The 12 digits. */
    readonly value: string,
  ) {}

  static parse(input: unknown): PersonalIdParseResult {
    if (input === undefined || input === null || input === '') return { ok: false, reasons: ['required'] };
    if (typeof input !== 'string') return { ok: false, reasons: ['non_digit'] };
    const reasons: PersonalIdRejection[] = [];
    if (/\s/u.test(input)) reasons.push('contains_whitespace');
    if (/[^\s0-9]/u.test(input)) reasons.push('non_digit');
    // Length counts code points so that a non-BMP character is one wrong character, not two.
    if ([...input].length !== 12) reasons.push('wrong_length');
    if (reasons.length > 0) return { ok: false, reasons };

    const placeCode = input.slice(0, 3);
    if (placeCode.startsWith('0')) {
      if (!birthRegistrationProvince(placeCode)) return { ok: false, reasons: ['unknown_province_code'] };
      return { ok: true, value: new PersonalId(input), warnings: [] };
    }
    return { ok: true, value: new PersonalId(input), warnings: ['unlisted_place_code'] };
  }

  /** For values that already passed validation (e.g. from the database); throws on anything else. */
  static of(input: string): PersonalId {
    const result = PersonalId.parse(input);
    if (!result.ok) throw new TypeError(`not a personal ID (${result.reasons.join(', ')})`);
    return result.value;
  }

  /** `PPP`: province (or country) code of the birth registration. */
  get placeCode(): string {
    return this.value.slice(0, 3);
  }

  /** The pre-2025 province of the birth registration; `undefined` for a place code outside the province table. */
  get birthRegistrationProvince(): BirthRegistrationProvince | undefined {
    return birthRegistrationProvince(this.placeCode);
  }

  /** `G`: century and sex digit. */
  get centurySexDigit(): number {
    return Number(this.value[3]);
  }

  get sex(): Sex {
    return decodeCenturySexDigit(this.centurySexDigit).sex;
  }

  /** Birth year as encoded in the number (century from `G`, last two digits from `YY`). */
  get birthYear(): number {
    return decodeCenturySexDigit(this.centurySexDigit).centuryStart + Number(this.value.slice(4, 6));
  }

  /** For logs and public pages: first three and last three digits, e.g. `079******345`. */
  masked(): string {
    return `${this.value.slice(0, 3)}******${this.value.slice(9)}`;
  }

  equals(other: PersonalId): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
