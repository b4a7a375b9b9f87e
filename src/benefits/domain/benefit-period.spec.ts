import fc from 'fast-check';
import { shippedCalendar } from '../../calendar/shipped-calendar';
import { WorkingCalendar } from '../../calendar/working-calendar';
import {
  benefitStatus,
  checkNoticeDate,
  monthState,
  monthsToMarkMissed,
  nextNotice,
  planBenefitMonths,
  planTermination,
  TERMINATION_REASONS,
  TerminationReason,
  thirdConsecutiveMissedMonth,
  threeMissedEffectiveDate,
} from './benefit-period';

const calendar = new WorkingCalendar(shippedCalendar());
const range = (from: string, to: string) => ({ from, to });

describe('notice windows (Luật Việc làm 74/2025 Điều 40; NĐ 374/2025 Mẫu số 24)', () => {
  // Expected windows read off the 2026 calendar by hand (weekends, Tết 16–20/2, Giỗ Tổ substitute 27/4, 30/4, 1/5,
  // 1/1 and 2/1 off with Saturday 10/1 worked, 31/8–2/9 off with Saturday 22/8 worked).
  it.each([
    ['returned on a Friday: that day is day 1', '2026-12-18', range('2026-12-18', '2026-12-22')],
    ['returned on a Saturday: counts from Monday', '2026-12-19', range('2026-12-21', '2026-12-23')],
    ['returned before the Giỗ Tổ weekend and substitute day', '2026-04-23', range('2026-04-23', '2026-04-28')],
    ['returned on the Friday before Tết', '2026-02-13', range('2026-02-13', '2026-02-24')],
    ['returned on a holiday (2/9)', '2026-09-02', range('2026-09-03', '2026-09-07')],
  ])('month 1: 3 working days from the day the result is returned — %s', (_label, returnedOn, window) => {
    const [first] = planBenefitMonths([range('2026-01-05', '2026-02-04')], returnedOn, calendar);
    expect(first.noticeWindow).toEqual(window);
  });

  it.each([
    ['starts on New Year (1/1 and 2/1 off)', '2026-01-01', range('2026-01-05', '2026-01-07')],
    ['starts on Friday 9/1, then the swapped working Saturday 10/1', '2026-01-09', range('2026-01-09', '2026-01-12')],
    ['starts on an ordinary Monday', '2026-06-01', range('2026-06-01', '2026-06-03')],
    ['starts on 30/4', '2026-04-30', range('2026-05-04', '2026-05-06')],
  ])('month k ≥ 2: the first 3 working days of the benefit month — %s', (_label, monthStart, window) => {
    const months = planBenefitMonths(
      [range('2025-12-01', monthStart), range(monthStart, '2026-12-31')],
      '2025-12-01',
      calendar,
    );
    expect(months[1]).toEqual({ month: 2, from: monthStart, to: '2026-12-31', noticeWindow: window });
  });

  it('a notice counts only inside the window, bounds included (NĐ 374/2025: "trong 03 ngày làm việc")', () => {
    const w = range('2026-01-05', '2026-01-07');
    expect(checkNoticeDate(w, '2026-01-05')).toEqual({ ok: true });
    expect(checkNoticeDate(w, '2026-01-07')).toEqual({ ok: true });
    expect(checkNoticeDate(w, '2026-01-04')).toEqual({ ok: false, reason: 'outside_notice_window', window: w });
    expect(checkNoticeDate(w, '2026-01-08')).toMatchObject({ ok: false });
  });

  // Independent model: a Monday–Friday calendar, counted with Date#getUTCDay.
  const weekdays = new WorkingCalendar([]);
  const isWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
  const datesBetween = (from: string, to: string) => {
    const out: string[] = [];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
      out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };
  const day = fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) })
    .map((t) => new Date(Math.floor(t / 86_400_000) * 86_400_000).toISOString().slice(0, 10));

  it('property: every window holds exactly 3 working days, starts on the first working day on or after its anchor (NĐ 374/2025)', () => {
    fc.assert(
      fc.property(day, day, (returned, start) => {
        const [m1, m2] = planBenefitMonths([range(start, start), range(start, start)], returned, weekdays);
        for (const [w, anchor] of [
          [m1.noticeWindow, returned],
          [m2.noticeWindow, start],
        ] as const) {
          expect(datesBetween(w.from, w.to).filter(isWeekday)).toHaveLength(3);
          expect(isWeekday(w.from) && isWeekday(w.to)).toBe(true);
          expect(datesBetween(anchor, w.from).filter(isWeekday)).toEqual([w.from]);
        }
      }),
    );
  });
});

describe('month states (Luật Việc làm 74/2025 Điều 41 k.2)', () => {
  const w = range('2026-03-02', '2026-03-04');
  it.each([
    ['2026-03-01', false, null, 'upcoming'],
    ['2026-03-02', false, null, 'open'],
    ['2026-03-04', false, null, 'open'],
    ['2026-03-05', false, null, 'missed'],
    ['2026-03-03', true, null, 'notified'],
    ['2026-04-10', true, 'paid', 'paid'],
    ['2026-03-10', false, 'suspended', 'suspended'],
    ['2026-03-10', false, 'cancelled', 'cancelled'],
  ] as const)('on %s, notified=%s, outcome=%s → %s', (today, notified, outcome, state) => {
    expect(monthState({ noticeWindow: w, notified, outcome }, today)).toBe(state);
  });

  it('windows closed without a notice are marked missed once', () => {
    const months = [
      { month: 1, noticeWindow: range('2026-01-05', '2026-01-07'), notified: true, outcome: null },
      { month: 2, noticeWindow: range('2026-02-02', '2026-02-04'), notified: false, outcome: null },
      { month: 3, noticeWindow: range('2026-03-02', '2026-03-04'), notified: false, outcome: 'missed' as const },
      { month: 4, noticeWindow: range('2026-04-01', '2026-04-03'), notified: false, outcome: null },
    ];
    expect(monthsToMarkMissed(months, '2026-04-03')).toEqual([2]);
    expect(monthsToMarkMissed(months, '2026-04-04')).toEqual([2, 4]);
  });

  it('the next notice is the first window not yet closed nor notified', () => {
    const months = planBenefitMonths(
      [range('2026-06-01', '2026-06-30'), range('2026-07-01', '2026-07-31')],
      '2026-06-01',
      calendar,
    ).map((m, i) => ({ ...m, notified: i === 0, outcome: null }));
    expect(nextNotice(months, '2026-06-02')).toEqual({ month: 2, from: '2026-07-01', to: '2026-07-03' });
    expect(nextNotice(months, '2026-07-04')).toBeNull();
  });

  it('the benefit is not started before month 1, completed after the last month, else as stored', () => {
    const ms = [range('2026-06-01', '2026-06-30'), range('2026-07-01', '2026-07-31')];
    expect(benefitStatus('active', ms, '2026-05-31')).toBe('not_started');
    expect(benefitStatus('active', ms, '2026-06-01')).toBe('active');
    expect(benefitStatus('active', ms, '2026-08-01')).toBe('completed');
    expect(benefitStatus('suspended', ms, '2026-07-10')).toBe('suspended');
    expect(benefitStatus('terminated', ms, '2026-05-01')).toBe('terminated');
  });
});

describe('three consecutive months without a notice end the benefit (Luật Việc làm 74/2025 Điều 41 k.4 đ)', () => {
  const m = (month: number, notified: boolean, outcome: 'missed' | 'suspended' | null) => ({
    month,
    notified,
    outcome,
  });
  it.each([
    ['missed, suspended, missed', [m(1, false, 'suspended'), m(2, false, 'suspended'), m(3, false, 'missed')], 3],
    [
      'a notice breaks the run',
      [m(1, false, 'missed'), m(2, true, null), m(3, false, 'missed'), m(4, false, 'missed')],
      null,
    ],
    [
      'run in months 3–5',
      [m(1, true, null), m(2, true, null), m(3, false, 'missed'), m(4, false, 'missed'), m(5, false, 'missed')],
      5,
    ],
    ['an upcoming month is no miss', [m(1, false, 'missed'), m(2, false, 'missed'), m(3, false, null)], null],
  ])('%s', (_l, months, expected) => {
    expect(thirdConsecutiveMissedMonth(months)).toBe(expected);
  });

  it('takes effect the day after the third window closed', () => {
    expect(threeMissedEffectiveDate(range('2026-04-28', '2026-05-04'))).toBe('2026-05-05');
  });
});

describe('reserved contribution months on termination (Luật Việc làm 74/2025 Điều 41 k.5)', () => {
  // Six benefit months starting on the 5th of each month of 2026; the decision reserved 5 months after the benefit.
  const months = (outcomes: Record<number, 'suspended' | 'paid'> = {}) =>
    [1, 2, 3, 4, 5, 6].map((month) => ({
      month,
      from: `2026-0${month}-05`,
      outcome: outcomes[month] ?? null,
    }));
  const RESERVING = [
    'new_job',
    'military_service',
    'long_study',
    'compulsory_education',
    'declared_missing',
    'detention',
    'own_request',
  ];

  it.each(TERMINATION_REASONS.map((r) => [r, RESERVING.includes(r)] as const))(
    'reason %s reserves unused months: %s (k.5 lists a, b, g, k, l, m, n)',
    (reason, reserves) => {
      // Effective 20/3: month 3 (from 5/3) was received; months 4, 5, 6 are cancelled: 3 × 12 + 5.
      const plan = planTermination({ reason, effectiveDate: '2026-03-20', months: months(), reservedAfterBenefit: 5 });
      expect(plan.cancelledMonths).toEqual([4, 5, 6]);
      expect(plan.reservedMonths).toBe(reserves ? 41 : 0);
    },
  );

  it('a suspended month is neither paid nor reserved (k.2): effective 1/2, month 2 suspended → 4 × 12', () => {
    const plan = planTermination({
      reason: 'new_job',
      effectiveDate: '2026-02-01',
      months: months({ 2: 'suspended' }),
      reservedAfterBenefit: 0,
    });
    expect(plan.cancelledMonths).toEqual([2, 3, 4, 5, 6]);
    expect(plan.reservedMonths).toBe(48);
  });

  it('a paid month is never cancelled, and a change the worker did not report reserves nothing (k.5)', () => {
    const plan = planTermination({
      reason: 'own_request' as TerminationReason,
      effectiveDate: '2026-01-01',
      months: months({ 1: 'paid' }),
      reservedAfterBenefit: 2,
      changeUnreported: true,
    });
    expect(plan.cancelledMonths).toEqual([2, 3, 4, 5, 6]);
    expect(plan.reservedMonths).toBe(0);
  });

  it('property: reserved = 12 × cancelled months not suspended + reserved after benefit, for reserving reasons', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }),
        (n, effectiveMonth, after, suspended) => {
          const ms = Array.from({ length: n }, (_, i) => ({
            month: i + 1,
            from: `2030-${String(i + 1).padStart(2, '0')}-01`,
            outcome: suspended.includes(i + 1) ? ('suspended' as const) : null,
          }));
          const effective =
            effectiveMonth === 0 ? '2029-12-31' : `2030-${String(Math.min(effectiveMonth, 12)).padStart(2, '0')}-15`;
          const plan = planTermination({
            reason: 'new_job',
            effectiveDate: effective,
            months: ms,
            reservedAfterBenefit: after,
          });
          const expectedCancelled = ms.filter((m) => effectiveMonth === 0 || m.month > effectiveMonth);
          expect(plan.cancelledMonths).toEqual(expectedCancelled.map((m) => m.month));
          const unused = expectedCancelled.filter((m) => !suspended.includes(m.month)).length;
          expect(plan.reservedMonths).toBe(unused * 12 + after);
        },
      ),
    );
  });
});
