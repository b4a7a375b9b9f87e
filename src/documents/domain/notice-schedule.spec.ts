import { shippedCalendar } from '../../calendar/shipped-calendar';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { noticeSchedule } from './notice-schedule';

const calendar = new WorkingCalendar(shippedCalendar());
const month = (from: string, to: string) => ({ from, to });

describe('noticeSchedule (appendix of the approval decision)', () => {
  it('month 1 in words, counted from the day the result is returned (Luật 74/2025 Điều 40); later months: the first 3 working days of the month', () => {
    const periods = [
      month('2026-11-16', '2026-12-15'),
      month('2026-12-16', '2027-01-15'),
      month('2027-01-16', '2027-02-15'),
    ];
    expect(noticeSchedule(periods, calendar)).toEqual([
      { words: 'Trong 03 ngày làm việc kể từ ngày nhận quyết định/trả kết quả' },
      month('2026-12-16', '2026-12-18'), // Wed–Fri
      month('2027-01-18', '2027-01-20'), // the month starts on Saturday: Mon–Wed
    ]);
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
    expect(noticeSchedule(periods, calendar)[1]).toEqual(expected);
  });

  it('gives one window per benefit month, in order', () => {
    const periods = Array.from({ length: 12 }, (_, i) =>
      month(`2027-${String(i + 1).padStart(2, '0')}-10`, '2099-01-01'),
    );
    const schedule = noticeSchedule(periods, calendar);
    expect(schedule).toHaveLength(12);
    const dated = schedule.slice(1) as { from: string; to: string }[];
    for (const w of dated) expect(w.from <= w.to).toBe(true);
    expect(dated.map((w) => w.from)).toEqual([...dated.map((w) => w.from)].sort());
  });
});
