import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { DateRange, NoticeWords } from '../document-data.types';

/**
 * Month 1's window as the law words it: it counts from the day the result is returned to the worker, which the
 * decision cannot know when it is signed (Luật Việc làm 74/2025 Điều 40; NĐ 374/2025; docs/domain.md §2 "After the
 * decision"). The exact dates are shown to the citizen once the result is returned.
 */
export const FIRST_MONTH_NOTICE_WORDS = 'Trong 03 ngày làm việc kể từ ngày nhận quyết định/trả kết quả';

/**
 * The appendix of an approval decision: when the worker must send the monthly job-search notice
 * (Mẫu số 24, NĐ 374/2025), one entry per benefit month:
 * - month 1: in words ("within 3 working days from the day the decision is received / the result returned");
 * - month k ≥ 2: within the first 3 working days of benefit month k, i.e. its first to its third working day
 *   (the month's first day counts when it is a working day).
 * Pure: the calendar is data (public holidays, swapped Saturdays).
 */
export function noticeSchedule(periods: readonly DateRange[], calendar: WorkingCalendar): (DateRange | NoticeWords)[] {
  return periods.map((period, index) => {
    if (index === 0) return { words: FIRST_MONTH_NOTICE_WORDS };
    return { from: calendar.nthWorkingDay(period.from, 1), to: calendar.nthWorkingDay(period.from, 3) };
  });
}
