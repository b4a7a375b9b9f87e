import { addDays, daysInMonth, isIsoDate, isIsoMonth, toDayNumber } from '../../calendar/iso-date';
import { FieldError } from '../../platform/errors/domain-error';

/** Inclusive range of Vietnam calendar dates. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** The longest range a summary may cover (a leap year). */
export const MAX_RANGE_DAYS = 366;

/** Checks a requested range: real dates, from ≤ to, at most 366 days (both ends included). */
export function validatePeriod(from: string | undefined, to: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value === undefined || value === '') {
      errors.push({ field, code: 'required', message: 'Cần nhập ngày (YYYY-MM-DD).' });
    } else if (!isIsoDate(value)) {
      errors.push({ field, code: 'invalid_date', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.' });
    }
  }
  if (errors.length) return errors;
  const days = toDayNumber(to!) - toDayNumber(from!) + 1;
  if (days < 1) {
    errors.push({
      field: 'to',
      code: 'before_from',
      message: 'Ngày kết thúc (to) không được trước ngày bắt đầu (from).',
    });
  } else if (days > MAX_RANGE_DAYS) {
    errors.push({
      field: 'to',
      code: 'range_too_long',
      message: `Khoảng thời gian báo cáo không được quá ${MAX_RANGE_DAYS} ngày.`,
    });
  }
  return errors;
}

/** The calendar month 'YYYY-MM' as a period. */
export function monthPeriod(month: string): ReportPeriod {
  if (!isIsoMonth(month)) throw new RangeError(`Tháng không hợp lệ: "${month}" (định dạng YYYY-MM).`);
  const [year, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}` };
}

/** Every month 'YYYY-MM' that the period touches, in order. */
export function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  let cursor = period.from.slice(0, 7);
  const last = period.to.slice(0, 7);
  while (cursor <= last) {
    months.push(cursor);
    const [year, m] = cursor.split('-').map(Number);
    cursor = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

/** The day after the period, i.e. the exclusive upper bound used in SQL. */
export function dayAfter(period: ReportPeriod): string {
  return addDays(period.to, 1);
}

/**
 * How a period is read from the summary tables: the calendar months lying wholly inside it (month rows, first day
 * of each month) and the days before the first / after the last of those months (day rows, as inclusive ranges).
 * Together they cover every day of the period exactly once.
 */
export interface PeriodSlices {
  months: string[];
  dayRanges: ReportPeriod[];
}

export function periodSlices(period: ReportPeriod): PeriodSlices {
  const whole = monthsOf(period)
    .map(monthPeriod)
    .filter((m) => m.from >= period.from && m.to <= period.to);
  if (!whole.length) return { months: [], dayRanges: [period] };
  const dayRanges: ReportPeriod[] = [];
  const first = whole[0].from;
  const last = whole[whole.length - 1].to;
  if (period.from < first) dayRanges.push({ from: period.from, to: addDays(first, -1) });
  if (last < period.to) dayRanges.push({ from: addDays(last, 1), to: period.to });
  return { months: whole.map((m) => m.from), dayRanges };
}
