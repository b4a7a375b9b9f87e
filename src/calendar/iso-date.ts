import { vietnamDate } from '../platform/clock/clock';

/**
 * Calendar arithmetic on ISO strings ('YYYY-MM-DD' dates, 'YYYY-MM' months) without local time zones:
 * a date is turned into a UTC day number, moved, and formatted back.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** Days since 1970-01-01 (UTC) of a valid ISO date, or null when the string is not a real calendar date. */
function tryDayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && tryDayNumber(value) !== null;
}

export function isIsoMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_MONTH.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12;
}

export function toDayNumber(date: string): number {
  const n = tryDayNumber(date);
  if (n === null) throw new RangeError(`Ngày không hợp lệ: "${date}" (định dạng YYYY-MM-DD).`);
  return n;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function dateParts(date: string): { year: number; month: number; day: number } {
  toDayNumber(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months since year 0 of a 'YYYY-MM' month or of the month of a 'YYYY-MM-DD' date. */
export function monthIndex(monthOrDate: string): number {
  return Number(monthOrDate.slice(0, 4)) * 12 + Number(monthOrDate.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Day `day` of the month `monthIndex`, or the last day of that month when it is shorter. */
export function clampedDayOfMonth(index: number, day: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The same calendar day `months` months later, clamped to the last day of the target month. */
export function addMonthsClamped(date: string, months: number): string {
  const { day } = dateParts(date);
  return clampedDayOfMonth(monthIndex(date) + months, day);
}

export function lastDayOfMonth(index: number): string {
  return clampedDayOfMonth(index, 31);
}

/** Today's date in Vietnam (UTC+7), the date every deadline in the product is counted in. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate(now);
}
