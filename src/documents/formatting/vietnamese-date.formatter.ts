/** Dates as printed on Vietnamese administrative documents. Calendar dates are ISO strings (YYYY-MM-DD). */

/** A calendar date without time zone, "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Viet Nam has used UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseIsoDate(value: IsoDate): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${value}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: "${value}"`);
  }
  return { year, month, day };
}

/** The calendar date in Viet Nam at the given instant. */
export function vietnamCalendarDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function toCalendarDate(value: IsoDate | Date): CalendarDate {
  return value instanceof Date ? vietnamCalendarDate(value) : parseIsoDate(value);
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** "2026-11-26" → "26/11/2026". */
export function formatShortDate(value: IsoDate | Date): string {
  const { year, month, day } = toCalendarDate(value);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * "ngày 26 tháng 11 năm 2026". Per Nghị định 30/2020 days below 10 and months below 3 take a leading zero
 * ("ngày 05 tháng 02 năm 2026").
 */
export function formatLongDate(value: IsoDate | Date): string {
  const { year, month, day } = toCalendarDate(value);
  const monthText = month < 3 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** "14 giờ 05 phút, ngày 26/11/2026" (Viet Nam time). */
export function formatDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return `${pad2(shifted.getUTCHours())} giờ ${pad2(shifted.getUTCMinutes())} phút, ngày ${formatShortDate(instant)}`;
}
