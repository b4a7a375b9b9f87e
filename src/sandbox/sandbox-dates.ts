/**
 * Date arithmetic for building sandbox data. Plain `YYYY-MM-DD` strings on the UTC calendar (no time zones involved).
 * The working-day rule here is an approximation good enough to pick plausible termination dates (weekends, fixed-date
 * public holidays and the 2025–2026 Tết / Giỗ Tổ days); the legal calendar lives with the eligibility rules.
 */
const APPROXIMATE_HOLIDAYS = new Set([
  '2025-01-01',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-04-07',
  '2025-04-30',
  '2025-05-01',
  '2025-09-01',
  '2025-09-02',
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-08-31',
  '2026-09-01',
  '2026-09-02',
]);
const FIXED_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02'];

export function assertIsoDate(value: string, what = 'date'): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ok = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === value;
  if (!ok) throw new RangeError(`${what} must be YYYY-MM-DD, got ${value}`);
}

function toDate(iso: string): Date {
  assertIsoDate(iso);
  return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate());
  return `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isApproximateWorkingDay(iso: string): boolean {
  const weekday = toDate(iso).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !APPROXIMATE_HOLIDAYS.has(iso) && !FIXED_HOLIDAYS.includes(iso.slice(5));
}

/** The latest (approximate) working day on or before `iso`. */
export function workingDayOnOrBefore(iso: string): string {
  let day = iso;
  while (!isApproximateWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** Months since year 0, so that month arithmetic is integer arithmetic. */
export function monthIndexOf(isoDateOrMonth: string): number {
  const [y, m] = isoDateOrMonth.split('-').map(Number);
  return y * 12 + (m - 1);
}

export function yearMonthOf(monthIndex: number): string {
  const y = Math.floor(monthIndex / 12);
  return `${y}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

/** Today's date in Việt Nam (UTC+7), the default sandbox clock. */
export function vietnamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The same day `months` later (the last day of the month when that day does not exist). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The earliest (approximate) working day on or after `iso`. */
export function workingDayOnOrAfter(iso: string): string {
  let day = iso;
  while (!isApproximateWorkingDay(day)) day = addDays(day, 1);
  return day;
}
