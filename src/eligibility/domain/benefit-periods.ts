import { addDays, dateParts, daysInMonth, isoDate, monthIndex } from '../../calendar/iso-date';
import { BenefitPeriod } from './assessment';

/**
 * Benefit months from `start` (NĐ 28/2015 art. 18, kept by NĐ 374/2025): with D the day of the month of `start`,
 * month k ends the day before day D of the k-th following month, or on the last day of that month when it has
 * no day D; the next month starts the day after. Anchored on the start month, so a start on the 31st gives
 * 31/01–28/02, 01/03–30/03, 31/03–30/04, …
 */
export function benefitPeriods(start: string, months: number): BenefitPeriod[] {
  const { day } = dateParts(start);
  const startMonth = monthIndex(start);
  const periods: BenefitPeriod[] = [];
  let from = start;
  for (let k = 1; k <= months; k += 1) {
    const index = startMonth + k;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const last = daysInMonth(year, month);
    const to = day <= last ? addDays(isoDate(year, month, day), -1) : isoDate(year, month, last);
    periods.push({ from, to });
    from = addDays(to, 1);
  }
  return periods;
}
