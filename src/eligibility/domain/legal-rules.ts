import { isIsoDate } from '../../calendar/iso-date';
import { Regime, regimeKeyPrefix } from './regime';

export type Zone = 'I' | 'II' | 'III' | 'IV';

export const ZONES: readonly Zone[] = ['I', 'II', 'III', 'IV'];

/** One effective-dated legal figure: `value` applies from `effectiveFrom` until the next row of the same key and zone. */
export interface LegalParameterRow {
  key: string;
  /** Minimum-wage zone for zone-dependent figures, null otherwise. */
  zone: Zone | null;
  /** Whole number: VND, months, working days or percent depending on the key. */
  value: number;
  effectiveFrom: string;
  legalBasis: string;
}

/** Figures that apply to every regime. */
export const SHARED_PARAMETER_KEYS = ['regional_minimum_wage', 'base_salary'] as const;

/**
 * Figures each regime holds under its own key, `<vn2013|vn2025>.<name>`, so that a claim under the old law keeps
 * the old law's figures whatever date it is processed on.
 */
export const REGIME_PARAMETER_NAMES = [
  'processing_working_days',
  'entitlement_start_working_day',
  'employment_check_working_days',
  'reserve_upper_limit_months',
  'benefit_rate_percent',
  'cap_multiplier',
  'filing_window_months',
  'max_benefit_months',
  'min_benefit_months',
  'months_per_benefit_month',
  'min_contribution_months',
  'contribution_window_months',
  'extended_contribution_window_months',
] as const;

export type SharedParameterKey = (typeof SHARED_PARAMETER_KEYS)[number];
export type RegimeParameterName = (typeof REGIME_PARAMETER_NAMES)[number];

export function regimeParameterKey(regime: Regime, name: RegimeParameterName): string {
  return `${regimeKeyPrefix(regime)}.${name}`;
}

/** Every key the product knows; an administrator may add rows only for these. */
export const KNOWN_PARAMETER_KEYS: readonly string[] = [
  ...SHARED_PARAMETER_KEYS,
  ...REGIME_PARAMETER_NAMES.flatMap((name) => [`vn2013.${name}`, `vn2025.${name}`]),
];

/** Keys whose rows carry a zone; every other key has zone null. */
export const ZONED_PARAMETER_KEYS: readonly string[] = ['regional_minimum_wage'];

/** No row of `key` (and `zone`) is in force on `date`. */
export class MissingLegalParameterError extends Error {
  constructor(
    readonly key: string,
    readonly date: string,
    readonly zone: Zone | null,
  ) {
    super(
      `Chưa có giá trị tham số "${key}"${zone ? ` (vùng ${zone})` : ''} áp dụng tại ngày ${date}; ` +
        'quản trị viên cần bổ sung số liệu có hiệu lực từ ngày này trở về trước.',
    );
    this.name = 'MissingLegalParameterError';
  }
}

/** The effective-dated legal figures, looked up by key, date and zone. Pure and immutable. */
export class LegalRules {
  private readonly byKey = new Map<string, LegalParameterRow[]>();

  constructor(rows: LegalParameterRow[]) {
    for (const row of rows) {
      assertValidRow(row);
      const id = seriesId(row.key, row.zone);
      const series = this.byKey.get(id) ?? [];
      if (series.some((r) => r.effectiveFrom === row.effectiveFrom)) {
        throw new RangeError(
          `Tham số "${row.key}"${row.zone ? ` vùng ${row.zone}` : ''} có hai giá trị cùng hiệu lực từ ${row.effectiveFrom}.`,
        );
      }
      series.push(Object.freeze({ ...row }));
      this.byKey.set(id, series);
    }
    for (const series of this.byKey.values()) series.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  /** The latest row with effectiveFrom <= date; throws MissingLegalParameterError when there is none. */
  valueAt(key: string, date: string, zone: Zone | null = null): { value: number; row: LegalParameterRow } {
    const found = this.tryValueAt(key, date, zone);
    if (!found) throw new MissingLegalParameterError(key, date, zone);
    return found;
  }

  /** Like valueAt, but undefined when no row is in force (for figures a regime does not have). */
  tryValueAt(
    key: string,
    date: string,
    zone: Zone | null = null,
  ): { value: number; row: LegalParameterRow } | undefined {
    if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ: "${date}".`);
    const series = this.byKey.get(seriesId(key, zone)) ?? [];
    let found: LegalParameterRow | undefined;
    for (const row of series) {
      if (row.effectiveFrom > date) break;
      found = row;
    }
    return found && { value: found.value, row: found };
  }

  /** Every row, ordered by key, zone and effective date. */
  rows(): LegalParameterRow[] {
    return [...this.byKey.values()]
      .flat()
      .sort(
        (a, b) =>
          seriesId(a.key, a.zone).localeCompare(seriesId(b.key, b.zone)) ||
          a.effectiveFrom.localeCompare(b.effectiveFrom),
      )
      .map((r) => ({ ...r }));
  }
}

function seriesId(key: string, zone: Zone | null): string {
  return zone ? `${key}#${zone}` : key;
}

function assertValidRow(row: LegalParameterRow): void {
  if (!row.key) throw new RangeError('Tham số pháp lý thiếu khóa.');
  if (row.zone !== null && !ZONES.includes(row.zone)) throw new RangeError(`Vùng không hợp lệ: "${String(row.zone)}".`);
  if (!Number.isSafeInteger(row.value) || row.value < 0) {
    throw new RangeError(`Giá trị tham số "${row.key}" phải là số nguyên không âm.`);
  }
  if (!isIsoDate(row.effectiveFrom)) throw new RangeError(`Ngày hiệu lực không hợp lệ: "${row.effectiveFrom}".`);
}
