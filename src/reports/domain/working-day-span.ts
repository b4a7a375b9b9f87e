import { WorkingCalendar } from '../../calendar/working-calendar';
import { addDays, toDayNumber } from '../../calendar/iso-date';

/** How many dossiers were received on one date and decided on another. */
export interface ReceiptDecisionPair {
  receivedDate: string;
  decidedDate: string;
  count: number;
}

/**
 * Mean working days from receipt to decision over grouped (receipt date, decision date) pairs, counted as the
 * working calendar counts a processing time: the working days in (receipt date, decision date], so a decision on
 * the day of receipt is 0 and one on the next working day is 1. Null without any pair.
 *
 * The calendar is walked once over the span of all dates (prefix sums), not once per pair.
 */
export function averageWorkingDays(pairs: readonly ReceiptDecisionPair[], calendar: WorkingCalendar): number | null {
  const counted = pairs.filter((p) => p.count > 0);
  if (!counted.length) return null;
  const dates = counted.flatMap((p) => [p.receivedDate, p.decidedDate]).sort();
  const index = workingDayIndex(calendar, dates[0], dates[dates.length - 1]);
  let total = 0;
  let dossiers = 0;
  for (const pair of counted) {
    total += (index(pair.decidedDate) - index(pair.receivedDate)) * pair.count;
    dossiers += pair.count;
  }
  return total / dossiers;
}

/** Maps each date of [first, last] to the number of working days in (first, date]. */
function workingDayIndex(calendar: WorkingCalendar, first: string, last: string): (date: string) => number {
  const start = toDayNumber(first);
  const length = toDayNumber(last) - start + 1;
  const prefix = new Int32Array(length);
  let date = first;
  for (let i = 1; i < length; i++) {
    date = addDays(date, 1);
    prefix[i] = prefix[i - 1] + (calendar.isWorkingDay(date) ? 1 : 0);
  }
  return (d) => prefix[toDayNumber(d) - start];
}
