import { DEFAULT_LEGAL_PARAMETERS, defaultLegalParameters } from './default-legal-parameters';
import { KNOWN_PARAMETER_KEYS, LegalRules, MissingLegalParameterError, ZONED_PARAMETER_KEYS } from './legal-rules';

describe('LegalRules', () => {
  const rules = new LegalRules(defaultLegalParameters());

  it.each([
    ['2022-06-30', 'I', 4_420_000],
    ['2022-07-01', 'I', 4_680_000],
    ['2024-07-01', 'IV', 3_450_000],
    ['2025-12-31', 'II', 4_410_000],
    ['2026-01-01', 'I', 5_310_000],
    ['2026-01-01', 'II', 4_730_000],
    ['2026-01-01', 'III', 4_140_000],
    ['2026-01-01', 'IV', 3_700_000],
  ] as const)('regional minimum wage on %s, zone %s = %i', (date, zone, value) => {
    const found = rules.valueAt('regional_minimum_wage', date, zone);
    expect(found.value).toBe(value);
    expect(found.row.zone).toBe(zone);
  });

  it.each([
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-07-01', 2_340_000],
    ['2026-06-30', 2_340_000],
    ['2026-07-01', 2_530_000],
  ])('base salary on %s = %i', (date, value) => {
    expect(rules.valueAt('base_salary', date).value).toBe(value);
  });

  it.each([
    ['vn2013.entitlement_start_working_day', 16],
    ['vn2013.employment_check_working_days', 15],
    ['vn2013.processing_working_days', 20],
    ['vn2025.entitlement_start_working_day', 11],
    ['vn2025.employment_check_working_days', 10],
    ['vn2025.processing_working_days', 20],
    ['vn2025.reserve_upper_limit_months', 144],
    ['vn2025.benefit_rate_percent', 60],
    ['vn2025.cap_multiplier', 5],
    ['vn2025.filing_window_months', 3],
    ['vn2025.max_benefit_months', 12],
  ])('%s = %i', (key, value) => {
    expect(rules.valueAt(key, '2026-06-01').value).toBe(value);
  });

  it('throws a clear error when nothing is in force', () => {
    expect(() => rules.valueAt('vn2025.cap_multiplier', '2025-12-31')).toThrow(MissingLegalParameterError);
    expect(() => rules.valueAt('regional_minimum_wage', '2026-01-01')).toThrow(/vùng|regional_minimum_wage/);
    expect(() => rules.valueAt('no_such_key', '2026-01-01')).toThrow('"no_such_key"');
    expect(rules.tryValueAt('vn2013.reserve_upper_limit_months', '2025-01-01')).toBeUndefined();
  });

  it('rejects two rows of the same key, zone and date, and malformed rows', () => {
    const row = { key: 'base_salary', zone: null, value: 1, effectiveFrom: '2030-01-01', legalBasis: 'x' };
    expect(() => new LegalRules([row, { ...row, value: 2 }])).toThrow(RangeError);
    expect(() => new LegalRules([{ ...row, value: 1.5 }])).toThrow(RangeError);
    expect(() => new LegalRules([{ ...row, effectiveFrom: '2030-02-30' }])).toThrow(RangeError);
  });

  it('ships only known keys, zones exactly where needed, and a legal basis on every row', () => {
    for (const row of DEFAULT_LEGAL_PARAMETERS) {
      expect(KNOWN_PARAMETER_KEYS).toContain(row.key);
      expect(row.zone !== null).toBe(ZONED_PARAMETER_KEYS.includes(row.key));
      expect(row.legalBasis.length).toBeGreaterThan(5);
      expect(row.legalBasis.normalize('NFC')).toBe(row.legalBasis);
    }
  });
});
