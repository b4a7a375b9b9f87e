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

describe('assess: regime by termination date', () => {
  it.each([
    ['2025-12-31', 'VN-2013'],
    ['2026-01-01', 'VN-2025'],
  ])('terminated %s → %s', (terminationDate, regime) => {
    const result = assess(
      input({
        terminationDate,
        filingDate: addDays(terminationDate, 5),
        contributions: monthsEnding(terminationDate.slice(0, 7), 24),
      }),
      rules,
      calendar,
    );
    expect(result.regime).toBe(regime);
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

  it('ignores months after the termination month and adds up two entries of the same month', () => {
    const contributions = [
      ...monthsEnding('2026-03', 12, 9_000_000),
      { month: '2026-04', salary: 99_000_000 },
      { month: '2026-03', salary: 3_000_000 },
    ];
    const result = assess(input({ contributions }), rules, calendar);
    expect(result.totalContributionMonths).toBe(12);
    expect(result.averageSalary).toBe(Math.floor((9_000_000 * 6 + 3_000_000) / 6));
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
    const average = Math.floor((10_000_001 + 8_000_000 + 7_000_000 + 7_000_000 + 6_000_000 + 6_000_000) / 6);
    expect(result.averageSalary).toBe(average);
    expect(result.monthlyBenefit).toBe(Math.floor((average * 60) / 100));
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

  it('takes the figure in force in the last contribution month, not at termination', () => {
    // Terminated 2024-07-10, last contribution 2024-06: the 2022 minimum wage and the 2023 base salary apply.
    const base = {
      terminationDate: '2024-07-10',
      filingDate: '2024-07-15',
      contributions: monthsEnding('2024-06', 24, 60_000_000),
    };
    expect(vn2013(base)).toMatchObject({ cap: 23_400_000, lastContributionMonth: '2024-06' });
    expect(vn2013({ ...base, salaryRegime: 'state' })).toMatchObject({ cap: 9_000_000 });
    const july = { ...base, contributions: monthsEnding('2024-07', 24, 60_000_000) };
    expect(vn2013(july)).toMatchObject({ cap: 24_800_000 });
    expect(vn2013({ ...july, salaryRegime: 'state' })).toMatchObject({ cap: 11_700_000 });
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

  it('VN-2013: the 16th working day from filing, across Tết 2026', () => {
    const result = assess(
      input({ terminationDate: '2025-12-20', filingDate: '2026-02-10', contributions: monthsEnding('2025-12', 24) }),
      rules,
      calendar,
    );
    expect(result.regime).toBe('VN-2013');
    expect(result.entitlementStart).toBe('2026-03-10');
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
