import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { DateRange } from '../document-data.types';

/**
 * The appendix of an approval decision: when the worker must send the monthly job-search notice
 * (Mẫu số 24, NĐ 374/2025; DOMAIN.md §2 "After the decision"), one window per benefit month:
 * - month 1: within 3 working days after the result is returned, i.e. the 1st to the 3rd working day after
 *   `resultReturnedOn` (that day itself not counted);
 * - month k ≥ 2: within the first 3 working days of benefit month k, i.e. its first to its third working day
 *   (the month's first day counts when it is a working day).
 * Pure: the calendar is data (public holidays, swapped Saturdays).
 */
export function noticeSchedule(
  periods: readonly DateRange[],
  resultReturnedOn: string,
  calendar: WorkingCalendar,
): DateRange[] {
  return periods.map((period, index) => {
    if (index === 0) {
      return { from: calendar.addWorkingDays(resultReturnedOn, 1), to: calendar.addWorkingDays(resultReturnedOn, 3) };
    }
    return { from: calendar.nthWorkingDay(period.from, 1), to: calendar.nthWorkingDay(period.from, 3) };
  });
}
