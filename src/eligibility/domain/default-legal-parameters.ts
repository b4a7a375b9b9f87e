import { LegalParameterRow, RegimeParameterName, Zone } from './legal-rules';

/**
 * The figures the product ships with (docs/domain.md §2–3). The database migration seeds the same rows as literal
 * SQL; an administrator adds later rows (future-dated only) through LegalRulesRepository.addParameter.
 */

const LAW_2013 = 'Luật Việc làm 38/2013/QH13';
const DECREE_2015 = 'Nghị định 28/2015/NĐ-CP (sửa đổi bởi Nghị định 61/2020/NĐ-CP)';
const LAW_2025 = 'Luật Việc làm 74/2025/QH15';
const DECREE_2025 = 'Nghị định 374/2025/NĐ-CP';

/** Luật Việc làm 2013 took effect on 2015-01-01. */
const VN2013_FROM = '2015-01-01';
/** Luật Việc làm 2025 applies to terminations from 2026-01-01. */
const VN2025_FROM = '2026-01-01';

function minimumWages(effectiveFrom: string, decree: string, byZone: Record<Zone, number>): LegalParameterRow[] {
  return (Object.keys(byZone) as Zone[]).map((zone) => ({
    key: 'regional_minimum_wage',
    zone,
    value: byZone[zone],
    effectiveFrom,
    legalBasis: `${decree} (lương tối thiểu vùng theo tháng)`,
  }));
}

function baseSalary(effectiveFrom: string, value: number, legalBasis: string): LegalParameterRow {
  return { key: 'base_salary', zone: null, value, effectiveFrom, legalBasis };
}

function vn2013(name: RegimeParameterName, value: number, basis: string): LegalParameterRow {
  return { key: `vn2013.${name}`, zone: null, value, effectiveFrom: VN2013_FROM, legalBasis: basis };
}

function vn2025(name: RegimeParameterName, value: number, basis: string): LegalParameterRow {
  return { key: `vn2025.${name}`, zone: null, value, effectiveFrom: VN2025_FROM, legalBasis: basis };
}

export const DEFAULT_LEGAL_PARAMETERS: readonly LegalParameterRow[] = [
  ...minimumWages('2019-01-01', 'Nghị định 157/2018/NĐ-CP', {
    I: 4_180_000,
    II: 3_710_000,
    III: 3_250_000,
    IV: 2_920_000,
  }),
  ...minimumWages('2020-01-01', 'Nghị định 90/2019/NĐ-CP', {
    I: 4_420_000,
    II: 3_920_000,
    III: 3_430_000,
    IV: 3_070_000,
  }),
  ...minimumWages('2022-07-01', 'Nghị định 38/2022/NĐ-CP', {
    I: 4_680_000,
    II: 4_160_000,
    III: 3_640_000,
    IV: 3_250_000,
  }),
  ...minimumWages('2024-07-01', 'Nghị định 74/2024/NĐ-CP', {
    I: 4_960_000,
    II: 4_410_000,
    III: 3_860_000,
    IV: 3_450_000,
  }),
  ...minimumWages('2026-01-01', 'Nghị định 293/2025/NĐ-CP', {
    I: 5_310_000,
    II: 4_730_000,
    III: 4_140_000,
    IV: 3_700_000,
  }),

  baseSalary('2018-07-01', 1_390_000, 'Nghị định 72/2018/NĐ-CP (mức lương cơ sở)'),
  baseSalary('2019-07-01', 1_490_000, 'Nghị định 38/2019/NĐ-CP (mức lương cơ sở)'),
  baseSalary('2023-07-01', 1_800_000, 'Nghị định 24/2023/NĐ-CP (mức lương cơ sở)'),
  baseSalary('2024-07-01', 2_340_000, 'Nghị định 73/2024/NĐ-CP (mức lương cơ sở)'),
  baseSalary('2026-07-01', 2_530_000, 'Nghị định 161/2026/NĐ-CP (mức lương cơ sở)'),

  vn2013('processing_working_days', 20, `${LAW_2013}, Điều 46; ${DECREE_2015}, Điều 18`),
  vn2013('entitlement_start_working_day', 16, `${LAW_2013}, Điều 50 khoản 3; ${DECREE_2015}`),
  vn2013('employment_check_working_days', 15, `${LAW_2013}, Điều 49 khoản 4`),
  vn2013('benefit_rate_percent', 60, `${LAW_2013}, Điều 50 khoản 1`),
  vn2013('cap_multiplier', 5, `${LAW_2013}, Điều 50 khoản 1`),
  vn2013('filing_window_months', 3, `${LAW_2013}, Điều 46 khoản 1`),
  vn2013('max_benefit_months', 12, `${LAW_2013}, Điều 50 khoản 2`),
  vn2013('min_benefit_months', 3, `${LAW_2013}, Điều 50 khoản 2`),
  vn2013('months_per_benefit_month', 12, `${LAW_2013}, Điều 50 khoản 2`),
  vn2013('min_contribution_months', 12, `${LAW_2013}, Điều 49 khoản 2`),
  vn2013('contribution_window_months', 24, `${LAW_2013}, Điều 49 khoản 2 điểm a`),
  vn2013(
    'extended_contribution_window_months',
    36,
    `${LAW_2013}, Điều 49 khoản 2 điểm b (hợp đồng mùa vụ, theo công việc từ đủ 3 đến dưới 12 tháng)`,
  ),

  vn2025('processing_working_days', 20, `${LAW_2025}; ${DECREE_2025} (mặc định 20 ngày làm việc, có thể điều chỉnh)`),
  vn2025('entitlement_start_working_day', 11, `${LAW_2025}; ${DECREE_2025}`),
  vn2025('employment_check_working_days', 10, `${LAW_2025}; ${DECREE_2025}`),
  vn2025(
    'reserve_upper_limit_months',
    144,
    `${LAW_2025}; ${DECREE_2025} (chỉ bảo lưu khi tổng trên 36 và không quá 144 tháng)`,
  ),
  vn2025('benefit_rate_percent', 60, `${LAW_2025}; ${DECREE_2025}`),
  vn2025('cap_multiplier', 5, `${LAW_2025}; ${DECREE_2025} (tối đa 5 lần lương tối thiểu vùng)`),
  vn2025('filing_window_months', 3, `${LAW_2025}; ${DECREE_2025}`),
  vn2025('max_benefit_months', 12, `${LAW_2025}; ${DECREE_2025}`),
  vn2025('min_benefit_months', 3, `${LAW_2025}; ${DECREE_2025}`),
  vn2025('months_per_benefit_month', 12, `${LAW_2025}; ${DECREE_2025}`),
  vn2025('min_contribution_months', 12, `${LAW_2025}; ${DECREE_2025}`),
  vn2025('contribution_window_months', 24, `${LAW_2025}; ${DECREE_2025}`),
  vn2025(
    'extended_contribution_window_months',
    36,
    `${LAW_2025}; ${DECREE_2025} (hợp đồng từ đủ 1 tháng đến dưới 12 tháng)`,
  ),
];

/** A fresh copy of the default rows. */
export function defaultLegalParameters(): LegalParameterRow[] {
  return DEFAULT_LEGAL_PARAMETERS.map((row) => ({ ...row }));
}
