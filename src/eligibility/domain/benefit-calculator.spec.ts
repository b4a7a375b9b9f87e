import fc from 'fast-check';
import { DomainError, ErrorCode } from '../../platform/errors/domain-error';
import { addDays, monthFromIndex, monthIndex } from '../../calendar/iso-date';
import { shippedCalendar } from '../../calendar/shipped-calendar';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { AssessmentInput, CONDITION_CODES, CONTRACT_TYPES, ContributionMonth, TERMINATION_REASONS } from './assessment';
import { assess } from './benefit-calculator';
import { defaultLegalParameters } from './default-legal-parameters';
import { LegalRules, ZONES } from './legal-rules';

const rules = new LegalRules(defaultLegalParameters());
const calendar = new WorkingCalendar(shippedCalendar());

/** `count` consecutive months ending with `lastMonth`, each at `salary`. */
function monthsEnding(lastMonth: string, count: number, salary = 10_000_000): ContributionMonth[] {
  const last = monthIndex(lastMonth);
  return Array.from({ length: count }, (_, i) => ({ month: monthFromIndex(last - i), salary }));
}

/** A VN-2025 worker with 24 months at 10 000 000 đ, zone I, filing 10 days after termination. */
function input(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    terminationDate: '2026-03-15',
    filingDate: '2026-03-25',
    terminationReason: 'contract_expired',
    contractType: 'indefinite',
    salaryRegime: 'employer',
    zone: 'I',
    contributions: monthsEnding('2026-03', 24),
    ...overrides,
  };
}

function reasonCodes(a: { reasons: { code: string }[] }): string[] {
  return a.reasons.map((r) => r.code);
}

describe('assess: a typical eligible worker (VN-2025)', () => {
  const result = assess(input(), rules, calendar);

  it('returns the API fields', () => {
    expect(result).toMatchObject({
      eligible: true,
      reasons: [],
      regime: 'VN-2025',
      contributionMonthsInWindow: 24,
      totalContributionMonths: 24,
      averageSalary: 10_000_000,
      cap: 26_550_000,
      monthlyBenefit: 6_000_000,
      benefitMonths: 3,
      reservedMonthsAfter: 0,
      entitlementStart: '2026-04-08',
      filingDeadline: '2026-06-15',
      periods: [
        { from: '2026-04-08', to: '2026-05-07' },
        { from: '2026-05-08', to: '2026-06-07' },
        { from: '2026-06-08', to: '2026-07-07' },
      ],
      entitlementEnd: '2026-07-07',
    });
  });

  it('explains itself', () => {
    expect(result.conditions.map((c) => c.code)).toEqual([...CONDITION_CODES]);
    expect(result.conditions.every((c) => c.passed)).toBe(true);
    expect(result.capRule).toBe('regional_minimum_wage');
    expect(result.windowMonths).toBe(24);
    expect(result.lastContributionMonth).toBe('2026-03');
    expect(result.ruleSetVersion).toBe('VN-2025@2026-01-01');
    expect(result.parametersUsed).toContainEqual(
      expect.objectContaining({
        key: 'regional_minimum_wage',
        zone: 'I',
        value: 5_310_000,
        legalBasis: expect.stringContaining('293/2025'),
      }),
    );
    expect(result.parametersUsed.some((r) => r.key.startsWith('vn2013.'))).toBe(false);
  });
});

describe('assess: regime by the date of the decision (Luật 74/2025 Điều 54, Điều 55 khoản 4)', () => {
  it.each([
    // terminationDate, filingDate, decisionDate, regime
    ['2025-06-15', '2025-06-25', undefined, 'VN-2013'],
    ['2025-12-31', '2025-12-31', '2025-12-31', 'VN-2013'],
    ['2025-12-31', '2025-12-31', '2026-01-01', 'VN-2025'],
    ['2025-12-31', '2025-12-31', '2026-01-05', 'VN-2025'],
    ['2025-12-31', '2026-01-06', undefined, 'VN-2025'],
    ['2025-10-01', '2025-10-20', '2026-02-02', 'VN-2025'],
    ['2026-01-01', '2026-01-06', undefined, 'VN-2025'],
  ] as const)('terminated %s, filed %s, decided %s → %s', (terminationDate, filingDate, decisionDate, regime) => {
    const result = assess(
      input({
        terminationDate,
        filingDate,
        decisionDate,
        contributions: monthsEnding(terminationDate.slice(0, 7), 24),
      }),
      rules,
      calendar,
    );
    expect(result.regime).toBe(regime);
    expect(result.decisionDate).toBe(decisionDate ?? filingDate);
  });

  it('a 2025 termination filed in 2026 gets the 11th working day and the VN-2025 cap (Luật 74/2025 Điều 39)', () => {
    // Terminated Wed 31/12/2025, filed Mon 02/02/2026. Working days from 02/02: 02–06 (5), 09–13 (10), 16–20/02 Tết,
    // 23/02 (11) → start 23/02/2026 (VN-2013 would give the 16th: 24–27/02 (15), 02/03 (16)).
    // Cap: 5 × zone-I minimum wage in force in the last contribution month 12/2025 = 5 × 4,960,000 = 24,800,000
    // (not the 2026 figure in force at the decision, 5 × 5,310,000 = 26,550,000).
    const result = assess(
      input({
        terminationDate: '2025-12-31',
        filingDate: '2026-02-02',
        contributions: monthsEnding('2025-12', 24, 60_000_000),
      }),
      rules,
      calendar,
    );
    expect(result).toMatchObject({
      regime: 'VN-2025',
      eligible: true,
      entitlementStart: '2026-02-23',
      cap: 24_800_000,
      monthlyBenefit: 24_800_000,
    });
    expect(result.parametersUsed.some((r) => r.key.startsWith('vn2013.'))).toBe(false);
  });

  it('refuses a decision date before the filing date, naming decisionDate', () => {
    expect(() => assess(input({ decisionDate: '2026-03-24' }), rules, calendar)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          errors: [expect.objectContaining({ field: 'decisionDate', code: 'before_filing' })],
        }),
      }),
    );
  });
});

describe('assess: 12 contribution months within the window', () => {
  it.each([
    [11, false],
    [12, true],
  ])('%i months in the last 24 → eligible %s', (count, eligible) => {
    const result = assess(input({ contributions: monthsEnding('2026-03', count) }), rules, calendar);
    expect(result.eligible).toBe(eligible);
    expect(result.contributionMonthsInWindow).toBe(count);
    expect(reasonCodes(result)).toEqual(eligible ? [] : ['insufficient_contributions']);
  });

  // Window for a termination in March 2026: 24 months = 2024-04 … 2026-03; 36 months = 2023-04 … 2026-03.
  it.each([
    ['indefinite', '2024-04', 24, true],
    ['indefinite', '2024-03', 24, false],
    ['fixed_term', '2024-04', 24, true],
    ['working_contract', '2024-03', 24, false],
    ['short_term', '2023-04', 36, true],
    ['short_term', '2023-03', 36, false],
    ['seasonal', '2023-04', 36, true],
    ['seasonal', '2023-03', 36, false],
  ] as const)('%s contract, 12th month at %s → window %i, eligible %s', (contractType, earliest, window, eligible) => {
    const contributions = [...monthsEnding('2026-03', 11), { month: earliest, salary: 10_000_000 }];
    const result = assess(input({ contractType, contributions }), rules, calendar);
    expect(result.windowMonths).toBe(window);
    expect(result.contributionMonthsInWindow).toBe(eligible ? 12 : 11);
    expect(result.totalContributionMonths).toBe(12);
    expect(result.eligible).toBe(eligible);
  });

  it('uses the 36-month window for seasonal contracts under VN-2013 too', () => {
    const contributions = [...monthsEnding('2025-06', 11), { month: '2022-07', salary: 6_000_000 }];
    const result = assess(
      input({ terminationDate: '2025-06-30', filingDate: '2025-07-01', contractType: 'seasonal', contributions }),
      rules,
      calendar,
    );
    expect(result).toMatchObject({
      regime: 'VN-2013',
      windowMonths: 36,
      contributionMonthsInWindow: 12,
      eligible: true,
    });
  });

  it('counts reserved months for the duration but not for the 12-in-window condition', () => {
    const result = assess(
      input({ contributions: monthsEnding('2026-03', 11), priorReservedMonths: 30 }),
      rules,
      calendar,
    );
    expect(result.eligible).toBe(false);
    expect(result.totalContributionMonths).toBe(41);
  });

  it('ignores months after the termination month', () => {
    const contributions = [...monthsEnding('2026-03', 12, 9_000_000), { month: '2026-04', salary: 99_000_000 }];
    const result = assess(input({ contributions }), rules, calendar);
    expect(result.totalContributionMonths).toBe(12);
    expect(result.averageSalary).toBe(9_000_000);
  });
});

describe('assess: duration and reserved months', () => {
  // VN-2025 terminations in 2026-03; VN-2013 terminations in 2025-06.
  it.each([
    // total, VN-2025 months, VN-2025 reserved, VN-2013 months, VN-2013 reserved
    [12, 3, 0, 3, 0],
    [35, 3, 0, 3, 0],
    [36, 3, 0, 3, 0],
    [37, 3, 1, 3, 1],
    [47, 3, 11, 3, 11],
    [48, 4, 0, 4, 0],
    [59, 4, 11, 4, 11],
    [60, 5, 0, 5, 0],
    [143, 11, 11, 11, 11],
    [144, 12, 0, 12, 0],
    [145, 12, 0, 12, 1],
    [200, 12, 0, 12, 56],
  ])('%i months → VN-2025 %i months reserving %i; VN-2013 %i months reserving %i', (total, m25, r25, m13, r13) => {
    const vn2025 = assess(input({ contributions: monthsEnding('2026-03', total) }), rules, calendar);
    expect([vn2025.regime, vn2025.totalContributionMonths, vn2025.benefitMonths, vn2025.reservedMonthsAfter]).toEqual([
      'VN-2025',
      total,
      m25,
      r25,
    ]);
    expect(vn2025.periods).toHaveLength(m25);

    const vn2013 = assess(
      input({ terminationDate: '2025-06-30', filingDate: '2025-07-02', contributions: monthsEnding('2025-06', total) }),
      rules,
      calendar,
    );
    expect([vn2013.regime, vn2013.benefitMonths, vn2013.reservedMonthsAfter]).toEqual(['VN-2013', m13, r13]);
  });

  it('adds reserved months from earlier claims to the total', () => {
    const result = assess(
      input({ contributions: monthsEnding('2026-03', 12), priorReservedMonths: 36 }),
      rules,
      calendar,
    );
    expect(result).toMatchObject({ totalContributionMonths: 48, benefitMonths: 4, reservedMonthsAfter: 0 });
  });
});

describe('assess: average salary and cap', () => {
  it('averages the last 6 months actually contributed, skipping gaps, rounded down', () => {
    const contributions = [
      { month: '2026-03', salary: 10_000_001 },
      { month: '2026-01', salary: 8_000_000 },
      { month: '2025-11', salary: 7_000_000 },
      { month: '2025-10', salary: 7_000_000 },
      { month: '2025-07', salary: 6_000_000 },
      { month: '2025-06', salary: 6_000_000 },
      { month: '2025-05', salary: 1 }, // 7th most recent: not in the average
      ...monthsEnding('2025-04', 10, 1),
    ];
    const result = assess(input({ contributions }), rules, calendar);
    // Sum of the six: 44,000,001; average 7,333,333.5 → 7,333,333 shown; benefit 60 % of the exact average:
    // 44,000,001 × 0.6 / 6 = 4,400,000.1 → 4,400,000.
    expect(result.averageSalary).toBe(7_333_333);
    expect(result.monthlyBenefit).toBe(4_400_000);
  });

  it('averages fewer than 6 months when fewer were contributed', () => {
    const contributions = [
      { month: '2026-03', salary: 9_000_000 },
      { month: '2026-02', salary: 6_000_001 },
    ];
    const result = assess(input({ contributions }), rules, calendar);
    expect(result.averageSalary).toBe(7_500_000);
    expect(result.eligible).toBe(false);
    expect(result.monthlyBenefit).toBe(0);
  });

  it.each([
    ['I', 26_550_000],
    ['II', 23_650_000],
    ['III', 20_700_000],
    ['IV', 18_500_000],
  ] as const)('VN-2025 caps at 5 × the 2026 minimum wage of zone %s (%i)', (zone, cap) => {
    const result = assess(input({ zone, contributions: monthsEnding('2026-03', 24, 60_000_000) }), rules, calendar);
    expect(result).toMatchObject({ cap, monthlyBenefit: cap, capRule: 'regional_minimum_wage' });
  });

  it('does not cap below the cap', () => {
    const result = assess(input({ contributions: monthsEnding('2026-03', 24, 44_250_000) }), rules, calendar);
    expect(result.monthlyBenefit).toBe(26_550_000);
    const below = assess(input({ contributions: monthsEnding('2026-03', 24, 44_249_999) }), rules, calendar);
    expect(below.monthlyBenefit).toBe(26_549_999);
  });

  it('VN-2025 uses the regional minimum wage even on the State salary regime', () => {
    const result = assess(
      input({ salaryRegime: 'state', contributions: monthsEnding('2026-03', 24, 60_000_000) }),
      rules,
      calendar,
    );
    expect(result).toMatchObject({ capRule: 'regional_minimum_wage', cap: 26_550_000 });
  });

  const vn2013 = (overrides: Partial<AssessmentInput>) =>
    assess(
      input({
        terminationDate: '2025-06-30',
        filingDate: '2025-07-02',
        contributions: monthsEnding('2025-06', 24, 60_000_000),
        ...overrides,
      }),
      rules,
      calendar,
    );

  it('VN-2013, employer salary regime: 5 × regional minimum wage', () => {
    expect(vn2013({ zone: 'I' })).toMatchObject({
      capRule: 'regional_minimum_wage',
      cap: 24_800_000,
      monthlyBenefit: 24_800_000,
    });
    expect(vn2013({ zone: 'III' })).toMatchObject({ cap: 19_300_000 });
  });

  it('VN-2013, State salary regime: 5 × base salary', () => {
    expect(vn2013({ salaryRegime: 'state' })).toMatchObject({
      capRule: 'base_salary',
      cap: 11_700_000,
      monthlyBenefit: 11_700_000,
    });
    expect(vn2013({ salaryRegime: 'state' }).ruleSetVersion).toBe('VN-2013@2024-07-01');
  });

  // Luật 38/2013 Điều 50 k.1: "mức lương cơ sở … hoặc mức lương tối thiểu vùng … tại thời điểm chấm dứt hợp đồng".
  it.each([
    // terminationDate, last contribution month, salaryRegime, zone, cap with the arithmetic
    ['2024-07-10', '2024-06', 'state', 'I', 5 * 2_340_000], // NĐ 73/2024 base salary from 01/7/2024 = 11,700,000
    ['2024-07-10', '2024-06', 'employer', 'I', 5 * 4_960_000], // NĐ 74/2024 zone I from 01/7/2024 = 24,800,000
    ['2023-07-05', '2023-06', 'state', 'I', 5 * 1_800_000], // NĐ 24/2023 from 01/7/2023 = 9,000,000
    ['2022-07-04', '2022-06', 'employer', 'III', 5 * 3_640_000], // NĐ 38/2022 zone III from 01/7/2022 = 18,200,000
    ['2024-06-30', '2024-06', 'state', 'I', 5 * 1_800_000], // still the 2023 base salary on 30/6/2024 = 9,000,000
  ] as const)(
    'VN-2013 cap at the termination date (Luật 38/2013 Điều 50 k.1): terminated %s, last month %s, %s, zone %s → %i',
    (terminationDate, lastMonth, salaryRegime, zone, cap) => {
      const result = vn2013({
        terminationDate,
        filingDate: addDays(terminationDate, 5),
        salaryRegime,
        zone,
        contributions: monthsEnding(lastMonth, 24, 60_000_000),
      });
      expect(result).toMatchObject({ regime: 'VN-2013', cap, monthlyBenefit: cap, lastContributionMonth: lastMonth });
    },
  );

  it('VN-2025 cap in the last contribution month, not at termination (Luật 74/2025 Điều 39 k.1)', () => {
    const future = new LegalRules([
      ...defaultLegalParameters(),
      { key: 'regional_minimum_wage', zone: 'I', value: 6_000_000, effectiveFrom: '2027-01-01', legalBasis: 'thử' },
    ]);
    // Terminated 10/01/2027, last contribution 12/2026: 5 × 5,310,000 = 26,550,000, not 5 × 6,000,000.
    const result = assess(
      input({
        terminationDate: '2027-01-10',
        filingDate: '2027-01-11',
        contributions: monthsEnding('2026-12', 24, 60_000_000),
      }),
      future,
      calendar,
    );
    expect(result).toMatchObject({ regime: 'VN-2025', cap: 26_550_000 });
  });
});

describe('assess: filing deadline', () => {
  it.each([
    ['2026-03-15', '2026-06-15', 'a Monday stays'],
    ['2026-08-28', '2026-11-30', 'Saturday 28/11 moves to Monday'],
    ['2026-05-22', '2026-08-22', 'the swapped working Saturday 22/8 stays'],
    ['2025-11-30', '2026-03-02', 'no 30 February: 28/02 is a Saturday, moves to Monday 02/03'],
    ['2026-11-30', '2027-03-01', '28/02/2027 is a Sunday'],
    ['2025-11-17', '2026-02-23', '17/02/2026 is Tết'],
    ['2026-06-02', '2026-09-03', '02/09 is Quốc khánh'],
  ])('terminated %s → deadline %s (%s)', (terminationDate, deadline) => {
    const result = assess(
      input({
        terminationDate,
        filingDate: terminationDate,
        contributions: monthsEnding(terminationDate.slice(0, 7), 24),
      }),
      rules,
      calendar,
    );
    expect(result.filingDeadline).toBe(deadline);
  });

  it('accepts a filing on the deadline and refuses one a day later', () => {
    const onTime = assess(
      input({ terminationDate: '2026-08-28', filingDate: '2026-11-30', contributions: monthsEnding('2026-08', 24) }),
      rules,
      calendar,
    );
    expect(onTime.eligible).toBe(true);
    const late = assess(
      input({ terminationDate: '2026-08-28', filingDate: '2026-12-01', contributions: monthsEnding('2026-08', 24) }),
      rules,
      calendar,
    );
    expect(reasonCodes(late)).toEqual(['filed_late']);
    expect(late.reasons[0].message).toContain('30/11/2026');
  });
});

describe('assess: entitlement start and benefit months', () => {
  it('VN-2025: the 11th working day from filing, across Tết 2026', () => {
    const result = assess(
      input({ terminationDate: '2026-01-20', filingDate: '2026-02-10', contributions: monthsEnding('2026-01', 24) }),
      rules,
      calendar,
    );
    expect(result.entitlementStart).toBe('2026-03-03');
  });

  it('VN-2013 (a decision made in 2025): the 16th working day from filing, across Tết 2025', () => {
    // Filed Mon 20/01/2025: 20–24/01 (5), 27–31/01 Tết, 03–07/02 (10), 10–14/02 (15), 17/02 (16).
    const result = assess(
      input({ terminationDate: '2025-01-10', filingDate: '2025-01-20', contributions: monthsEnding('2025-01', 24) }),
      rules,
      calendar,
    );
    expect(result.regime).toBe('VN-2013');
    expect(result.entitlementStart).toBe('2025-02-17');
  });

  it('counts the swapped Saturday 22/8/2026 as a working day', () => {
    const result = assess(
      input({ terminationDate: '2026-08-14', filingDate: '2026-08-17', contributions: monthsEnding('2026-08', 24) }),
      rules,
      calendar,
    );
    expect(result.entitlementStart).toBe('2026-08-28');
    const withoutSwap = new WorkingCalendar(
      shippedCalendar().filter((o) => o.date !== '2026-08-22' && o.date !== '2026-08-31'),
    );
    expect(
      assess(
        input({ terminationDate: '2026-08-14', filingDate: '2026-08-17', contributions: monthsEnding('2026-08', 24) }),
        rules,
        withoutSwap,
      ).entitlementStart,
    ).toBe('2026-08-31');
  });

  it('starts counting on the next working day when filed on a non-working day', () => {
    const result = assess(
      input({ terminationDate: '2026-02-01', filingDate: '2026-02-14', contributions: monthsEnding('2026-02', 24) }),
      rules,
      calendar,
    );
    expect(result.entitlementStart).toBe(calendar.nthWorkingDay('2026-02-23', 11));
    expect(result.entitlementStart).toBe('2026-03-09');
  });

  it('runs benefit months from the 31st: short months end on their last day', () => {
    const result = assess(
      input({ terminationDate: '2026-12-01', filingDate: '2026-12-17', contributions: monthsEnding('2026-12', 60) }),
      rules,
      calendar,
    );
    expect(result.entitlementStart).toBe('2026-12-31');
    expect(result.periods).toEqual([
      { from: '2026-12-31', to: '2027-01-30' },
      { from: '2027-01-31', to: '2027-02-28' },
      { from: '2027-03-01', to: '2027-03-30' },
      { from: '2027-03-31', to: '2027-04-30' },
      { from: '2027-05-01', to: '2027-05-30' },
    ]);
    expect(result.entitlementEnd).toBe('2027-05-30');
  });
});

describe('assess: ineligibility reasons', () => {
  it.each([
    ['employee_unlawful_resignation', 'VN-2025', ['unlawful_termination']],
    ['employee_unlawful_resignation', 'VN-2013', ['unlawful_termination']],
    ['pension_eligible', 'VN-2025', ['pension_eligible']],
    ['pension_eligible', 'VN-2013', []],
    ['receiving_pension', 'VN-2025', ['receiving_pension']],
    ['receiving_pension', 'VN-2013', ['receiving_pension']],
    ['dismissal', 'VN-2025', []],
    ['dismissal', 'VN-2013', []],
    ['employer_closed', 'VN-2025', []],
  ] as const)('%s under %s → %j', (terminationReason, regime, codes) => {
    const dates =
      regime === 'VN-2025'
        ? { terminationDate: '2026-03-15', filingDate: '2026-03-25', contributions: monthsEnding('2026-03', 24) }
        : { terminationDate: '2025-06-15', filingDate: '2025-06-25', contributions: monthsEnding('2025-06', 24) };
    const result = assess(input({ terminationReason, ...dates }), rules, calendar);
    expect(result.regime).toBe(regime);
    expect(reasonCodes(result)).toEqual(codes);
    expect(result.eligible).toBe(codes.length === 0);
  });

  it('refuses a filing before the termination date', () => {
    const result = assess(input({ filingDate: '2026-03-14' }), rules, calendar);
    expect(reasonCodes(result)).toEqual(['filing_before_termination']);
    expect(result.reasons[0].message).toBe('Ngày nộp hồ sơ 14/03/2026 trước ngày chấm dứt hợp đồng 15/03/2026.');
  });

  it('still computes what it can when ineligible, and lists every failed condition', () => {
    const result = assess(
      input({
        terminationReason: 'receiving_pension',
        filingDate: '2026-07-01',
        contributions: monthsEnding('2026-03', 10, 9_000_000),
      }),
      rules,
      calendar,
    );
    expect(result).toMatchObject({
      eligible: false,
      averageSalary: 9_000_000,
      cap: 26_550_000,
      contributionMonthsInWindow: 10,
      totalContributionMonths: 10,
      monthlyBenefit: 0,
      benefitMonths: 0,
      reservedMonthsAfter: 10,
      entitlementStart: null,
      entitlementEnd: null,
      periods: [],
      filingDeadline: '2026-06-15',
    });
    expect(reasonCodes(result)).toEqual(['receiving_pension', 'insufficient_contributions', 'filed_late']);
    expect(result.conditions.filter((c) => !c.passed).map((c) => c.code)).toEqual([
      'not_receiving_pension',
      'minimum_contributions',
      'filed_within_deadline',
    ]);
    for (const r of result.reasons) expect(r.message.normalize('NFC')).toBe(r.message);
  });
});

describe('assess: effective-dated figures', () => {
  const future = new LegalRules([
    ...defaultLegalParameters(),
    {
      key: 'regional_minimum_wage',
      zone: 'I',
      value: 6_000_000,
      effectiveFrom: '2027-01-01',
      legalBasis: 'Nghị định thử nghiệm',
    },
  ]);
  const high = (terminationDate: string, lastMonth: string, zone: 'I' | 'II' = 'I') =>
    input({
      terminationDate,
      filingDate: terminationDate,
      zone,
      contributions: monthsEnding(lastMonth, 24, 80_000_000),
    });

  it('changes nothing before its date', () => {
    expect(assess(high('2026-12-20', '2026-12'), future, calendar)).toEqual(
      assess(high('2026-12-20', '2026-12'), rules, calendar),
    );
    expect(assess(high('2027-01-10', '2026-12'), future, calendar).cap).toBe(26_550_000);
  });

  it('applies from the last contribution month on or after its date, only in its zone', () => {
    const result = assess(high('2027-01-10', '2027-01'), future, calendar);
    expect(result.cap).toBe(30_000_000);
    expect(result.ruleSetVersion).toBe('VN-2025@2027-01-01');
    expect(assess(high('2027-01-10', '2027-01', 'II'), future, calendar).cap).toBe(23_650_000);
  });
});

describe('assess: malformed input', () => {
  it('throws a validation error naming each bad field', () => {
    const bad = {
      ...input(),
      terminationDate: '2026-02-30',
      zone: 'V',
      contributions: [{ month: '2026-13', salary: -1 }],
    } as unknown as AssessmentInput;
    try {
      assess(bad, rules, calendar);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe(ErrorCode.Validation);
      expect(e.details.errors?.map((f) => f.field)).toEqual([
        'terminationDate',
        'zone',
        'contributions.0.month',
        'contributions.0.salary',
      ]);
    }
  });

  it('turns a date without figures in force into a validation error', () => {
    expect(() =>
      assess(
        input({ terminationDate: '2014-06-30', filingDate: '2014-07-01', contributions: monthsEnding('2014-06', 24) }),
        rules,
        calendar,
      ),
    ).toThrow(DomainError);
  });
});

describe('assess: properties', () => {
  const arbitraryInput = fc
    .record({
      termination: fc.integer({ min: 0, max: 3 * 365 }),
      filingOffset: fc.integer({ min: -5, max: 110 }),
      terminationReason: fc.constantFrom(...TERMINATION_REASONS),
      contractType: fc.constantFrom(...CONTRACT_TYPES),
      salaryRegime: fc.constantFrom('employer' as const, 'state' as const),
      zone: fc.constantFrom(...ZONES),
      priorReservedMonths: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      offsets: fc.uniqueArray(fc.integer({ min: 0, max: 220 }), { maxLength: 200 }),
      salaries: fc.array(fc.integer({ min: 0, max: 200_000_000 }), { minLength: 221, maxLength: 221 }),
    })
    .map((r): AssessmentInput => {
      const terminationDate = addDays('2024-07-01', r.termination);
      const last = monthIndex(terminationDate);
      return {
        terminationDate,
        filingDate: addDays(terminationDate, r.filingOffset),
        terminationReason: r.terminationReason,
        contractType: r.contractType,
        salaryRegime: r.salaryRegime,
        zone: r.zone,
        priorReservedMonths: r.priorReservedMonths,
        contributions: r.offsets.map((o) => ({ month: monthFromIndex(last - o), salary: r.salaries[o] })),
      };
    });

  it('never pays above the cap, never reserves a negative number, pays 3–12 months when eligible', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const a = assess(i, rules, calendar);
        expect(a.monthlyBenefit).toBeLessThanOrEqual(a.cap);
        expect(a.monthlyBenefit).toBeGreaterThanOrEqual(0);
        expect(a.reservedMonthsAfter).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(a.monthlyBenefit) && Number.isInteger(a.averageSalary)).toBe(true);
        if (a.eligible) {
          expect(a.benefitMonths).toBeGreaterThanOrEqual(3);
          expect(a.benefitMonths).toBeLessThanOrEqual(12);
          expect(a.periods).toHaveLength(a.benefitMonths);
          expect(calendar.isWorkingDay(a.entitlementStart!)).toBe(true);
        } else {
          expect([a.benefitMonths, a.monthlyBenefit, a.periods.length]).toEqual([0, 0, 0]);
          expect(a.reasons.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never gives fewer benefit months for more contribution months', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer({ min: 0, max: 220 }), (i, extra) => {
        const before = assess(i, rules, calendar);
        const month = monthFromIndex(monthIndex(i.terminationDate) - extra);
        fc.pre(!i.contributions.some((c) => c.month === month));
        const after = assess(
          { ...i, contributions: [...i.contributions, { month, salary: 5_000_000 }] },
          rules,
          calendar,
        );
        expect(after.totalContributionMonths).toBe(before.totalContributionMonths + 1);
        expect(after.benefitMonths).toBeGreaterThanOrEqual(before.benefitMonths);
        if (before.eligible) expect(after.eligible).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps benefit periods contiguous, each about a month long', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const a = assess(i, rules, calendar);
        a.periods.forEach((p, k) => {
          if (k > 0) expect(p.from).toBe(addDays(a.periods[k - 1].to, 1));
          expect(p.to >= p.from).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});

/** The validation error thrown by `assess`, or undefined. */
function validationErrors(i: AssessmentInput): { field: string; code: string; message: string }[] | undefined {
  try {
    assess(i, rules, calendar);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details.errors;
  }
}

describe('assess: one contribution per month (Luật 38/2013 Điều 43 k.1: only the first contract contributes)', () => {
  it('refuses a month listed twice, naming contributions', () => {
    const contributions = [...monthsEnding('2026-03', 12, 10_000_000), { month: '2026-03', salary: 10_000_000 }];
    const errors = validationErrors(input({ contributions }));
    expect(errors).toEqual([
      { field: 'contributions', code: 'duplicate_month', message: expect.stringContaining('03/2026') },
    ]);
    expect(errors![0].message.normalize('NFC')).toBe(errors![0].message);
  });

  it('property: any list with a repeated month is refused; the same list without the repeat is accepted', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 0, max: 50_000_000 }),
        (offsets, pick, salary) => {
          const last = monthIndex('2026-03');
          const contributions = offsets.map((o) => ({ month: monthFromIndex(last - o), salary: 9_000_000 }));
          expect(validationErrors(input({ contributions }))).toBeUndefined();
          const repeated = contributions[pick % contributions.length].month;
          const errors = validationErrors(input({ contributions: [...contributions, { month: repeated, salary }] }));
          expect(errors?.map((e) => [e.field, e.code])).toEqual([['contributions', 'duplicate_month']]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('assess: a month with salary 0 is not a contribution month (DOMAIN §2 Amount)', () => {
  it('11 paid months and one month at 0 are 11 months: not eligible', () => {
    const contributions = [...monthsEnding('2026-03', 11, 10_000_000), { month: '2025-04', salary: 0 }];
    const result = assess(input({ contributions }), rules, calendar);
    expect(result).toMatchObject({ eligible: false, contributionMonthsInWindow: 11, totalContributionMonths: 11 });
    expect(reasonCodes(result)).toEqual(['insufficient_contributions']);
  });

  it('a month at 0 is skipped in the average of the last 6 contributed months', () => {
    // Months 2026-03 … 2025-10 at 6,000,000 except 2026-01 at 0: the last six contributed months are
    // 03, 02, 12, 11, 10 (2025) and 09/2025 at 12,000,000 → (5 × 6,000,000 + 12,000,000) / 6 = 7,000,000.
    const contributions = [
      ...monthsEnding('2026-03', 6, 6_000_000).map((c) => (c.month === '2026-01' ? { ...c, salary: 0 } : c)),
      { month: '2025-09', salary: 12_000_000 },
      ...monthsEnding('2025-08', 10, 1_000_000),
    ];
    const result = assess(input({ contributions }), rules, calendar);
    expect(result).toMatchObject({ averageSalary: 7_000_000, monthlyBenefit: 4_200_000, totalContributionMonths: 16 });
  });

  it('property: adding months at salary 0 never changes the result', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 90_000_000 }), { minLength: 41, maxLength: 41 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 10 }),
        (offsets, salaries, zeroOffsets) => {
          const last = monthIndex('2026-03');
          const paid = offsets.map((o) => ({ month: monthFromIndex(last - o), salary: salaries[o] }));
          const zeros = [...new Set(zeroOffsets)]
            .filter((o) => !offsets.includes(o))
            .map((o) => ({ month: monthFromIndex(last - o), salary: 0 }));
          expect(assess(input({ contributions: [...paid, ...zeros] }), rules, calendar)).toEqual(
            assess(input({ contributions: paid }), rules, calendar),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('assess: 60 % of the exact average, rounded down once (Luật 74/2025 Điều 39 k.1; Luật 38/2013 Điều 50 k.1)', () => {
  it('47,000,000 over six months pays 4,700,000, not 60 % of the rounded average (4,699,999)', () => {
    // 5 × 7,833,333 + 7,833,335 = 47,000,000; exact average 7,833,333.33…; 47,000,000 × 60 / 600 = 4,700,000.
    // Rounding the average first gives floor(7,833,333 × 0.6) = floor(4,699,999.8) = 4,699,999.
    const contributions = [
      ...monthsEnding('2026-03', 5, 7_833_333),
      { month: '2025-10', salary: 7_833_335 },
      ...monthsEnding('2025-09', 12, 5_000_000),
    ];
    const result = assess(input({ contributions }), rules, calendar);
    expect(result).toMatchObject({ averageSalary: 7_833_333, monthlyBenefit: 4_700_000 });
  });

  it('property: the benefit is floor(sum × 60 / (100 × n)) of the last n ≤ 6 months, below the cap (BigInt oracle)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40_000_000 }), { minLength: 12, maxLength: 24 }), (salaries) => {
        const contributions = salaries.map((salary, i) => ({
          month: monthFromIndex(monthIndex('2026-03') - i),
          salary,
        }));
        const result = assess(input({ contributions }), rules, calendar);
        const lastSix = salaries.slice(0, 6).map(BigInt);
        const sum = lastSix.reduce((a, b) => a + b, 0n);
        const oracle = Number((sum * 60n) / (100n * BigInt(lastSix.length)));
        expect(result.averageSalary).toBe(Number(sum / BigInt(lastSix.length)));
        expect(result.monthlyBenefit).toBe(Math.min(oracle, result.cap));
        // Rounding once is never below rounding twice, and at most 1 đồng above it.
        const twice = Math.min(Number((BigInt(result.averageSalary) * 60n) / 100n), result.cap);
        expect(result.monthlyBenefit - twice).toBeGreaterThanOrEqual(0);
        expect(result.monthlyBenefit - twice).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('assess: pension eligibility is a fact about the person (Luật 74/2025 Điều 38 k.1 a)', () => {
  it.each([
    // regime, terminationReason, pensionEligible, reason codes
    ['VN-2025', 'contract_expired', true, ['pension_eligible']],
    ['VN-2025', 'employer_lawful_termination', true, ['pension_eligible']],
    ['VN-2025', 'mutual_agreement', false, []],
    ['VN-2025', 'pension_eligible', undefined, ['pension_eligible']],
    ['VN-2013', 'contract_expired', true, []],
    ['VN-2013', 'pension_eligible', undefined, []],
  ] as const)('%s, reason %s, pensionEligible %s → %j', (regime, terminationReason, pensionEligible, codes) => {
    const dates =
      regime === 'VN-2025'
        ? { terminationDate: '2026-03-15', filingDate: '2026-03-25', contributions: monthsEnding('2026-03', 24) }
        : { terminationDate: '2025-06-15', filingDate: '2025-06-25', contributions: monthsEnding('2025-06', 24) };
    const result = assess(input({ terminationReason, pensionEligible, ...dates }), rules, calendar);
    expect(result.regime).toBe(regime);
    expect(reasonCodes(result)).toEqual(codes);
  });

  it('a 2025 termination by a pension-eligible worker decided in 2026 is not eligible (VN-2025 applies)', () => {
    const result = assess(
      input({
        terminationDate: '2025-12-15',
        filingDate: '2025-12-20',
        decisionDate: '2026-01-12',
        pensionEligible: true,
        contributions: monthsEnding('2025-12', 24),
      }),
      rules,
      calendar,
    );
    expect([result.regime, reasonCodes(result)]).toEqual(['VN-2025', ['pension_eligible']]);
  });

  it('refuses a pensionEligible that is not a boolean', () => {
    const errors = validationErrors({ ...input(), pensionEligible: 'yes' } as unknown as AssessmentInput);
    expect(errors?.map((e) => [e.field, e.code])).toEqual([['pensionEligible', 'invalid_value']]);
  });
});

describe('assess: the 2026 January swap (VB 12729/VPCP-KGVX, 25/12/2025) and projected years', () => {
  it('a deadline on Friday 02/01/2026 (a day off) moves to Monday 05/01: filing on 05/01 is on time (BLDS 2015 Điều 148 k.5)', () => {
    // Terminated 02/10/2025 → same day three months later 02/01/2026, a public-sector day off → next working day
    // Mon 05/01/2026 (Sat 03 and Sun 04 are weekend days).
    const result = assess(
      input({ terminationDate: '2025-10-02', filingDate: '2026-01-05', contributions: monthsEnding('2025-10', 24) }),
      rules,
      calendar,
    );
    expect(result.filingDeadline).toBe('2026-01-05');
    expect(result.eligible).toBe(true);
  });

  it('counts Saturday 10/01/2026 as a working day: filed Tue 06/01/2026 → 11th working day Mon 19/01/2026', () => {
    // 06, 07, 08, 09 (4), Sat 10 (5), 12–16 (10), 19 (11).
    const result = assess(
      input({ terminationDate: '2025-12-31', filingDate: '2026-01-06', contributions: monthsEnding('2025-12', 24) }),
      rules,
      calendar,
    );
    expect([result.regime, result.entitlementStart]).toEqual(['VN-2025', '2026-01-19']);
  });

  const announced = new WorkingCalendar(shippedCalendar(), {
    announcedYears: [2020, 2021, 2022, 2023, 2024, 2025, 2026],
  });

  it.each([
    // terminationDate, filingDate, projectedYears, projectedFields
    ['2026-03-15', '2026-03-25', [], []],
    ['2026-11-20', '2026-12-21', [2027], ['filingDeadline', 'entitlementStart', 'entitlementEnd', 'periods']],
    ['2026-09-20', '2026-12-01', [], []],
    ['2026-10-05', '2026-12-28', [2027], ['filingDeadline', 'entitlementStart', 'entitlementEnd', 'periods']],
    ['2026-10-05', '2026-10-06', [2027], ['filingDeadline']],
  ] as const)(
    'terminated %s, filed %s: dates resting on projected years %j are marked %j',
    (terminationDate, filingDate, years, fields) => {
      const result = assess(
        input({ terminationDate, filingDate, contributions: monthsEnding(terminationDate.slice(0, 7), 24) }),
        rules,
        announced,
      );
      expect(result.projectedYears).toEqual(years);
      expect(result.projectedFields).toEqual(fields);
    },
  );

  it('marks nothing projected when the calendar does not say which years are announced', () => {
    const result = assess(
      input({ terminationDate: '2027-03-15', filingDate: '2027-03-22', contributions: monthsEnding('2027-03', 24) }),
      rules,
      calendar,
    );
    expect([result.projectedYears, result.projectedFields]).toEqual([[], []]);
  });
});
