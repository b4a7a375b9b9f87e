import { WorkingCalendar } from '../../calendar/working-calendar';
import { DOSSIER_STATUSES } from '../../dossiers/domain/dossier-status';
import { DomainError } from '../../platform/errors/domain-error';
import { countByDueBucket, dueBucket } from './due-buckets';
import fc from 'fast-check';
import { addDays, toDayNumber } from '../../calendar/iso-date';
import { monthPeriod, monthsOf, periodSlices, validatePeriod } from './report-period';
import { resolveReportScope } from './report-scope';
import { buildSummary, SummaryRows } from './report-summary';
import { averageWorkingDays } from './working-day-span';

/** 2026: Tết 16–20/2, 27/4, 30/4, 1/5, 31/8–2/9 off; Saturday 22/8 worked (docs/domain.md §4). */
const calendar = new WorkingCalendar([
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
    date,
    kind: 'holiday' as const,
    name: 'Tết',
  })),
  { date: '2026-04-30', kind: 'holiday', name: '30/4' },
  { date: '2026-05-01', kind: 'holiday', name: '1/5' },
  { date: '2026-08-22', kind: 'working', name: 'làm bù' },
]);

describe('report period', () => {
  it('accepts a range of up to 366 days, both ends included', () => {
    expect(validatePeriod('2028-01-01', '2028-12-31')).toEqual([]);
    expect(validatePeriod('2026-11-01', '2026-11-01')).toEqual([]);
    expect(validatePeriod('2026-01-01', '2027-01-02')).toEqual([
      expect.objectContaining({ field: 'to', code: 'range_too_long' }),
    ]);
  });

  it('names the field that is wrong', () => {
    expect(validatePeriod(undefined, '2026-11-01')).toEqual([
      expect.objectContaining({ field: 'from', code: 'required' }),
    ]);
    expect(validatePeriod('2026-11-31', 'x')).toEqual([
      expect.objectContaining({ field: 'from', code: 'invalid_date' }),
      expect.objectContaining({ field: 'to', code: 'invalid_date' }),
    ]);
    expect(validatePeriod('2026-11-02', '2026-11-01')).toEqual([
      expect.objectContaining({ field: 'to', code: 'before_from' }),
    ]);
  });

  it('turns a month into its days and lists the months a range touches', () => {
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthsOf({ from: '2026-11-15', to: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('period slices (how a period is read from the month and day rows of the summaries)', () => {
  it('reads whole months at month grain and the days at either end at day grain', () => {
    expect(periodSlices({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ months: ['2026-11-01'], dayRanges: [] });
    expect(periodSlices({ from: '2025-11-30', to: '2026-11-30' })).toEqual({
      months: [
        ...['12'].map((m) => `2025-${m}-01`),
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2026-${m}-01`),
      ],
      dayRanges: [{ from: '2025-11-30', to: '2025-11-30' }],
    });
    expect(periodSlices({ from: '2026-02-10', to: '2026-02-20' })).toEqual({
      months: [],
      dayRanges: [{ from: '2026-02-10', to: '2026-02-20' }],
    });
    expect(periodSlices({ from: '2028-02-02', to: '2028-04-29' })).toEqual({
      months: ['2028-03-01'],
      dayRanges: [
        { from: '2028-02-02', to: '2028-02-29' },
        { from: '2028-04-01', to: '2028-04-29' },
      ],
    });
  });

  it('covers every day of any period exactly once, months whole and inside the period', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 365 }), (from, length) => {
        const period = { from, to: addDays(from, length) };
        const { months, dayRanges } = periodSlices(period);
        const covered: string[] = [];
        for (const first of months) {
          const m = monthPeriod(first.slice(0, 7));
          expect(m.from).toBe(first);
          for (let d = m.from; d <= m.to; d = addDays(d, 1)) covered.push(d);
        }
        for (const r of dayRanges) for (let d = r.from; d <= r.to; d = addDays(d, 1)) covered.push(d);
        covered.sort();
        expect(covered.length).toBe(toDayNumber(period.to) - toDayNumber(period.from) + 1);
        expect(new Set(covered).size).toBe(covered.length);
        expect(covered[0]).toBe(period.from);
        expect(covered[covered.length - 1]).toBe(period.to);
        expect(dayRanges.length).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('report scope', () => {
  it('keeps a center head to their own center', () => {
    expect(resolveReportScope({ role: 'center_head', centerCode: 'DNA-BH' }, undefined)).toBe('DNA-BH');
    expect(resolveReportScope({ role: 'center_head', centerCode: 'DNA-BH' }, 'DNA-BH')).toBe('DNA-BH');
    expect(() => resolveReportScope({ role: 'center_head', centerCode: 'DNA-BH' }, 'DNA-DX')).toThrow(DomainError);
  });

  it('gives province roles the province or the center they ask for', () => {
    expect(resolveReportScope({ role: 'director', centerCode: null }, undefined)).toBeNull();
    expect(resolveReportScope({ role: 'admin', centerCode: null }, 'DNA-LK')).toBe('DNA-LK');
  });

  it('refuses every other role', () => {
    for (const role of ['receiver', 'reviewer', undefined]) {
      expect(() => resolveReportScope({ role, centerCode: 'DNA-BH' }, undefined)).toThrow(
        'Vai trò của bạn không được xem báo cáo.',
      );
    }
  });
});

describe('average working days from receipt to decision', () => {
  it('counts working days in (receipt, decision], skipping Tết and weekends', () => {
    // Friday 13/2 → Monday 23/2 over Tết: 1 working day (23/2).
    expect(averageWorkingDays([{ receivedDate: '2026-02-13', decidedDate: '2026-02-23', count: 1 }], calendar)).toBe(1);
    // Same day = 0; Friday 21/8 → Monday 24/8 counts the swapped Saturday 22/8: 2.
    expect(
      averageWorkingDays(
        [
          { receivedDate: '2026-08-21', decidedDate: '2026-08-21', count: 3 },
          { receivedDate: '2026-08-21', decidedDate: '2026-08-24', count: 1 },
        ],
        calendar,
      ),
    ).toBe(0.5);
  });

  it('weighs pairs by their count and agrees with the calendar pair by pair', () => {
    const pairs = [
      { receivedDate: '2026-04-20', decidedDate: '2026-05-20', count: 7 },
      { receivedDate: '2026-01-05', decidedDate: '2026-03-02', count: 2 },
      { receivedDate: '2026-06-01', decidedDate: '2026-06-01', count: 0 },
    ];
    const expected =
      (7 * calendar.workingDaysBetween('2026-04-20', '2026-05-20') +
        2 * calendar.workingDaysBetween('2026-01-05', '2026-03-02')) /
      9;
    expect(averageWorkingDays(pairs, calendar)).toBeCloseTo(expected, 12);
  });

  it('is null without any decision', () => {
    expect(averageWorkingDays([], calendar)).toBeNull();
  });
});

describe('open dossiers by working days until due', () => {
  const today = '2026-04-28'; // Tuesday; 30/4 and 1/5 are off
  it.each([
    [{ status: 'IN_REVIEW', dueDate: '2026-04-27' }, 'overdue'],
    [{ status: 'IN_REVIEW', dueDate: '2026-04-28' }, '0_3'],
    [{ status: 'IN_REVIEW', dueDate: '2026-05-05' }, '0_3'], // 29/4, 4/5, 5/5
    [{ status: 'IN_REVIEW', dueDate: '2026-05-06' }, '4_10'],
    [{ status: 'IN_REVIEW', dueDate: '2026-05-14' }, '4_10'], // 10 working days
    [{ status: 'IN_REVIEW', dueDate: '2026-05-15' }, 'over_10'],
    [{ status: 'SUPPLEMENT_REQUESTED', dueDate: '2026-04-01' }, 'paused'],
    [{ status: 'SUBMITTED', dueDate: null }, 'no_due_date'],
  ] as const)('%j → %s', (group, bucket) => {
    expect(dueBucket(group, today, calendar)).toBe(bucket);
  });

  it('adds up per center with every bucket present', () => {
    const counted = countByDueBucket(
      [
        { centerCode: 'B', status: 'RECEIVED', dueDate: '2026-04-01', count: 2 },
        { centerCode: 'A', status: 'PROPOSED', dueDate: '2026-04-01', count: 5 },
        { centerCode: 'A', status: 'SUBMITTED', dueDate: null, count: 1 },
      ],
      today,
      calendar,
    );
    expect(counted).toHaveLength(12);
    expect(counted.filter((c) => c.count)).toEqual([
      { centerCode: 'A', bucket: 'overdue', count: 5 },
      { centerCode: 'A', bucket: 'no_due_date', count: 1 },
      { centerCode: 'B', bucket: 'overdue', count: 2 },
    ]);
  });
});

describe('buildSummary', () => {
  const rows: SummaryRows = {
    filed: [
      { dimension: 'total', key: null, label: null, count: 5 },
      { dimension: 'status', key: 'APPROVED', label: null, count: 5 },
      { dimension: 'center', key: 'DNA-BH', label: null, count: 4 },
      { dimension: 'center', key: 'OLD-1', label: null, count: 1 },
      { dimension: 'province', key: null, label: null, count: 1 },
      { dimension: 'province', key: '75', label: 'Tỉnh Đồng Nai', count: 4 },
      { dimension: 'sex', key: 'unknown', label: null, count: 5 },
    ],
    decided: [
      {
        dimension: 'outcome',
        outcome: 'approved',
        key: null,
        note: null,
        count: 3,
        onTime: 2,
        withDueDate: 3,
        monthlyBenefit: 9_000_000,
        benefitMonths: 9,
        benefitAmount: 27_000_000,
      },
      {
        dimension: 'outcome',
        outcome: 'denied',
        key: null,
        note: null,
        count: 2,
        onTime: 2,
        withDueDate: 2,
        monthlyBenefit: 0,
        benefitMonths: 0,
        benefitAmount: 0,
      },
      {
        dimension: 'terminationReason',
        outcome: 'approved',
        key: 'contract_expired',
        note: null,
        count: 3,
        onTime: 2,
        withDueDate: 3,
        monthlyBenefit: 9_000_000,
        benefitMonths: 9,
        benefitAmount: 27_000_000,
      },
      {
        dimension: 'terminationReason',
        outcome: 'denied',
        key: 'dismissal',
        note: null,
        count: 2,
        onTime: 2,
        withDueDate: 2,
        monthlyBenefit: 0,
        benefitMonths: 0,
        benefitAmount: 0,
      },
      {
        dimension: 'refusalReason',
        outcome: 'approved',
        key: null,
        note: null,
        count: 3,
        onTime: 2,
        withDueDate: 3,
        monthlyBenefit: 0,
        benefitMonths: 0,
        benefitAmount: 0,
      },
      {
        dimension: 'refusalReason',
        outcome: 'denied',
        key: 'filed_late',
        note: null,
        count: 1,
        onTime: 1,
        withDueDate: 1,
        monthlyBenefit: 0,
        benefitMonths: 0,
        benefitAmount: 0,
      },
      {
        dimension: 'refusalReason',
        outcome: 'denied',
        key: 'decision_note',
        note: 'Đã có việc làm',
        count: 1,
        onTime: 1,
        withDueDate: 1,
        monthlyBenefit: 0,
        benefitMonths: 0,
        benefitAmount: 0,
      },
    ],
    spans: [{ receivedDate: '2026-11-02', decidedDate: '2026-11-09', count: 5 }],
    received: 6,
    intakeRefusals: [{ reason: 'Sai thẩm quyền', count: 2 }],
    employers: [],
    centers: [
      { code: 'DNA-BH', name: 'Biên Hòa' },
      { code: 'DNA-DX', name: 'Đồng Xoài' },
    ],
  };
  const summary = buildSummary(
    { from: '2026-11-01', to: '2026-11-30' },
    null,
    rows,
    calendar,
    '2026-12-01T00:00:00.000Z',
  );

  it('lists every status, channel, age band and sex, zeros included', () => {
    expect(summary.filed.byStatus.map((s) => s.key)).toEqual([...DOSSIER_STATUSES]);
    expect(summary.filed.byStatus.find((s) => s.key === 'APPROVED')).toEqual({
      key: 'APPROVED',
      label: 'Đã có quyết định hưởng',
      count: 5,
    });
    expect(summary.filed.byChannel.map((c) => c.count)).toEqual([0, 0, 0]);
    expect(summary.applicants.byAgeBand).toHaveLength(6);
    expect(summary.applicants.bySex.map((s) => [s.label, s.count])).toEqual([
      ['Nam', 0],
      ['Nữ', 0],
      ['Không rõ', 5],
    ]);
  });

  it('keeps every center of the province, and one it does not know', () => {
    expect(summary.filed.byCenter).toEqual([
      { key: 'DNA-BH', label: 'Biên Hòa', count: 4 },
      { key: 'DNA-DX', label: 'Đồng Xoài', count: 0 },
      { key: 'OLD-1', label: 'OLD-1', count: 1 },
    ]);
    const one = buildSummary({ from: '2026-11-01', to: '2026-11-30' }, 'DNA-DX', rows, calendar, '');
    expect(one.filed.byCenter.map((c) => c.key)).toEqual(['DNA-DX', 'DNA-BH', 'OLD-1']);
  });

  it('derives flow, timeliness, reasons and benefits', () => {
    expect(summary.flow).toEqual({ received: 6, decided: 5, approved: 3, denied: 2, rejectedAtIntake: 2 });
    expect(summary.timeliness).toEqual({
      decidedWithDueDate: 5,
      decidedOnTime: 4,
      onTimeRate: 0.8,
      averageWorkingDaysToDecision: 5,
    });
    expect(summary.decisions.approvalsByTerminationReason).toEqual([
      {
        key: 'contract_expired',
        label: 'Hết hạn hợp đồng',
        count: 3,
        totalMonthlyBenefit: 9_000_000,
        totalBenefitMonths: 9,
      },
    ]);
    expect(summary.decisions.refusalsByReason).toEqual([
      { key: 'decision_note', label: 'Lý do khác: Đã có việc làm', count: 1, note: 'Đã có việc làm' },
      { key: 'filed_late', label: 'Nộp hồ sơ quá 03 tháng kể từ ngày chấm dứt hợp đồng', count: 1 },
    ]);
    expect(summary.benefits).toEqual({
      approved: 3,
      totalMonthlyBenefit: 9_000_000,
      totalBenefitMonths: 9,
      totalBenefitAmount: 27_000_000,
    });
    expect(summary.applicants.byProvince).toEqual([
      { key: '75', label: 'Tỉnh Đồng Nai', count: 4 },
      { key: 'unknown', label: 'Không rõ nơi ở', count: 1 },
    ]);
  });

  it('answers nulls, not NaN, for a period without decisions', () => {
    const empty = buildSummary(
      { from: '2026-11-01', to: '2026-11-30' },
      null,
      { ...rows, decided: [], spans: [], filed: [] },
      calendar,
      '',
    );
    expect(empty.timeliness).toEqual({
      decidedWithDueDate: 0,
      decidedOnTime: 0,
      onTimeRate: null,
      averageWorkingDaysToDecision: null,
    });
    expect(empty.filed.byMonth).toEqual([{ key: '2026-11', label: 'Tháng 11/2026', count: 0 }]);
  });
  it('orders refusals by written reason with the same count by their text, whatever order the rows come in', () => {
    const note = (text: string) => ({
      dimension: 'refusalReason' as const,
      outcome: 'denied' as const,
      key: 'decision_note',
      note: text,
      count: 2,
      onTime: 0,
      withDueDate: 0,
      monthlyBenefit: 0,
      benefitMonths: 0,
      benefitAmount: 0,
    });
    const labels = (decided: SummaryRows['decided']) =>
      buildSummary(
        { from: '2026-11-01', to: '2026-11-30' },
        null,
        { ...rows, decided },
        calendar,
        '',
      ).decisions.refusalsByReason.map((r) => r.label);
    const expected = ['Lý do khác: Chưa đủ 12 tháng', 'Lý do khác: Đã có việc làm'];
    expect(labels([note('Chưa đủ 12 tháng'), note('Đã có việc làm')])).toEqual(expected);
    expect(labels([note('Đã có việc làm'), note('Chưa đủ 12 tháng')])).toEqual(expected);
  });
});
