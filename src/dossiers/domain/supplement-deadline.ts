import type { WorkingCalendar } from '../../calendar/working-calendar';

/**
 * Working days the citizen has to answer a supplementation request (hạn bổ sung, hoàn thiện hồ sơ). The procedure's
 * texts set no figure; 10 working days is this service's choice (docs/domain.md, "Supplementation"). The date is
 * recorded with the request, shown to the citizen and printed on the slip; the request stays open after it (the
 * center may still accept a late answer), the date tells the citizen what is expected.
 */
export const SUPPLEMENT_DUE_WORKING_DAYS = 10;

/** The last day to answer a request made on `today` (a Vietnamese calendar date). */
export function supplementDueDate(today: string, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(today, SUPPLEMENT_DUE_WORKING_DAYS);
}
