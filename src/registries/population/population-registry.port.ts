/**
 * The national population database (Cơ sở dữ liệu quốc gia về dân cư), read by personal ID to prefill identity.
 * HTTP contract: docs/registries.md. Addresses are post-2025 two-level units (tỉnh/thành phố + xã/phường/đặc khu).
 */
export interface Address {
  /** House number, street, hamlet or residential group, e.g. `Số 12, đường Phạm Văn Thuận, khu phố 3`. */
  readonly line: string;
  readonly communeCode: string;
  /** e.g. `Phường Trấn Biên`. */
  readonly communeName: string;
  readonly provinceCode: string;
  /** e.g. `Tỉnh Đồng Nai`, `Thành phố Hồ Chí Minh`. */
  readonly provinceName: string;
}

export interface PopulationRecord {
  /** 12 digits; always equal to the number that was asked for. */
  readonly personalId: string;
  /** NFC Vietnamese with diacritics, as registered. */
  readonly fullName: string;
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string;
  readonly sex: 'male' | 'female';
  /** Country name in Vietnamese, e.g. `Việt Nam`. */
  readonly nationality: string;
  /** Nơi thường trú. */
  readonly permanentAddress: Address;
  /** Nơi ở hiện tại. */
  readonly currentAddress: Address;
  /** `YYYY-MM-DD` of the current identity card (thẻ căn cước). */
  readonly idCardIssueDate: string;
}

export interface RegistryReadOptions {
  /** Forwarded as `X-Request-Id` so both sides can trace one read; a UUID is generated when absent. */
  readonly requestId?: string;
}

export interface PopulationRegistry {
  /**
   * The record, or `null` when the registry has no such person.
   * Rejects with `DomainError` code `upstream_unavailable` when the registry cannot answer properly.
   */
  findByPersonalId(personalId: string, options?: RegistryReadOptions): Promise<PopulationRecord | null>;
}

/** Nest injection token for `PopulationRegistry`. */
export const POPULATION_REGISTRY = Symbol('POPULATION_REGISTRY');
