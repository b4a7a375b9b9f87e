import { addDays, addMonthsClamped, isIsoDate, monthFromIndex, monthIndex, todayInVietnam } from '../calendar/iso-date';
import { shippedCalendar } from '../calendar/shipped-calendar';
import { WorkingCalendar } from '../calendar/working-calendar';

/**
 * Date helpers for building sandbox data: the calendar module's ISO-date arithmetic and the shipped working-day
 * calendar (2020–2030; weekends only outside it), under the names the sandbox builders use.
 */
const calendar = new WorkingCalendar(shippedCalendar());

export { addDays };
export const addMonths = addMonthsClamped;
export const monthIndexOf = monthIndex;
export const yearMonthOf = monthFromIndex;
/** Today's date in Việt Nam (UTC+7), the default sandbox clock. */
export const vietnamToday = todayInVietnam;

export function assertIsoDate(value: string, what = 'date'): void {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be YYYY-MM-DD, got ${value}`);
}

export function addYears(iso: string, years: number): string {
  return addMonthsClamped(iso, 12 * years);
}

export function isWorkingDay(iso: string): boolean {
  return calendar.isWorkingDay(iso);
}

/** The latest working day on or before `iso`. */
export function workingDayOnOrBefore(iso: string): string {
  let day = iso;
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** The earliest working day on or after `iso`. */
export function workingDayOnOrAfter(iso: string): string {
  return calendar.nextWorkingDayOnOrAfter(iso);
}
