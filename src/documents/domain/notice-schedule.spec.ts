import { shippedCalendar } from '../../calendar/shipped-calendar';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { noticeSchedule } from './notice-schedule';

const calendar = new WorkingCalendar(shippedCalendar());
const month = (from: string, to: string) => ({ from, to });

describe('noticeSchedule (appendix of the approval decision)', () => {
  it('month 1: the 1st to 3rd working day after the result; later months: the first 3 working days of the month', () => {
    // Result on Thursday 26/11/2026; benefit months start on the 16th (the library's sample decision).
    const periods = [
      month('2026-11-16', '2026-12-15'),
      month('2026-12-16', '2027-01-15'),
      month('2027-01-16', '2027-02-15'),
    ];
    expect(noticeSchedule(periods, '2026-11-26', calendar)).toEqual([
      month('2026-11-27', '2026-12-01'), // Fri, (weekend), Mon, Tue
      month('2026-12-16', '2026-12-18'), // Wed–Fri
      month('2027-01-18', '2027-01-20'), // the month starts on Saturday: Mon–Wed
    ]);
  });

  it.each([
    ['Tết 2026 (16–20/2 off): result on Friday 13/2', '2026-02-13', month('2026-02-23', '2026-02-25')],
    ['result on a Saturday counts from Monday', '2026-03-07', month('2026-03-09', '2026-03-11')],
    ['result just before Quốc khánh 2026 (31/8–2/9 off)', '2026-08-28', month('2026-09-03', '2026-09-07')],
  ])('month 1: %s', (_case, resultOn, expected) => {
    expect(noticeSchedule([month('2026-01-05', '2026-02-04')], resultOn, calendar)[0]).toEqual(expected);
  });

  it.each([
    [
      'starts on Giỗ Tổ substitute day 27/4/2026, then 30/4 and 1/5 off',
      '2026-04-27',
      month('2026-04-28', '2026-05-04'),
    ],
    ['starts on the swapped working Saturday 22/8/2026', '2026-08-22', month('2026-08-22', '2026-08-25')],
    ['starts on 31/8/2026 (Quốc khánh block)', '2026-08-31', month('2026-09-03', '2026-09-07')],
    ['starts on an ordinary Monday', '2026-06-01', month('2026-06-01', '2026-06-03')],
    ['starts on Sunday 1/2/2026, Tết weeks later', '2026-02-01', month('2026-02-02', '2026-02-04')],
  ])('later month: %s', (_case, from, expected) => {
    const periods = [month('2026-01-05', '2026-02-04'), month(from, '2099-01-01')];
    expect(noticeSchedule(periods, '2026-01-02', calendar)[1]).toEqual(expected);
  });

  it('gives one window per benefit month, in order', () => {
    const periods = Array.from({ length: 12 }, (_, i) =>
      month(`2027-${String(i + 1).padStart(2, '0')}-10`, '2099-01-01'),
    );
    const schedule = noticeSchedule(periods, '2027-01-08', calendar);
    expect(schedule).toHaveLength(12);
    for (const w of schedule) expect(w.from <= w.to).toBe(true);
    expect(schedule.map((w) => w.from)).toEqual([...schedule.map((w) => w.from)].sort());
  });
});
