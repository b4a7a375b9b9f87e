import { addDays, dayOfWeek, isWeekend, isoDate } from './iso-date';
import { hungKingsCommemoration, lunarNewYear } from './lunar-calendar';
import { CalendarOverride } from './working-calendar';

/**
 * The calendar shipped with the product for 2020–2030, as overrides of the Monday–Friday default
 * (a weekday off = 'holiday', a Saturday worked = 'working'). Weekend holidays are not listed: they change
 * nothing, their effect is the substitute weekday. Years the Government has announced are copied from the
 * announcements for the public sector; the other years are derived from Bộ luật Lao động 2019 art. 112 and
 * must be confirmed by an administrator once the Government announces them (see docs/eligibility.md).
 */

export const SHIPPED_CALENDAR_YEARS: readonly number[] = [
  2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030,
];

export type CalendarYearSource = 'published' | 'rule-derived';

const NEW_YEAR = 'Tết Dương lịch';
const TET = 'Tết Nguyên đán';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
const REUNIFICATION = 'Ngày Chiến thắng (30/4)';
const LABOUR_DAY = 'Ngày Quốc tế Lao động (1/5)';
const NATIONAL_DAY = 'Quốc khánh (2/9)';
const NATIONAL_DAY_ADJACENT = 'Quốc khánh (ngày liền kề 2/9)';

function substitute(holiday: string): string {
  return `Nghỉ bù ${holiday}`;
}

function swappedOff(workedSaturday: string): string {
  return `Nghỉ hoán đổi (làm bù thứ Bảy ${dmy(workedSaturday)})`;
}

function swappedWorking(dayOff: string): string {
  return `Làm bù cho ngày nghỉ hoán đổi ${dmy(dayOff)}`;
}

function dmy(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function off(date: string, name: string): CalendarOverride {
  return { date, kind: 'holiday', name };
}

function worked(date: string, name: string): CalendarOverride {
  return { date, kind: 'working', name };
}

/**
 * Public-sector calendars as announced by the Government (Thủ tướng Chính phủ / Bộ Lao động – Thương binh và
 * Xã hội, from 2025 Bộ Nội vụ) for cán bộ, công chức, viên chức. 2020 still falls under Bộ luật Lao động 2012
 * (Quốc khánh one day).
 */
const PUBLISHED: Record<number, CalendarOverride[]> = {
  2020: [
    off('2020-01-01', NEW_YEAR),
    ...['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'].map((d) => off(d, TET)),
    off('2020-04-02', HUNG_KINGS),
    off('2020-04-30', REUNIFICATION),
    off('2020-05-01', LABOUR_DAY),
    off('2020-09-02', NATIONAL_DAY),
  ],
  2021: [
    off('2021-01-01', NEW_YEAR),
    ...['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'].map((d) => off(d, TET)),
    off('2021-04-21', HUNG_KINGS),
    off('2021-04-30', REUNIFICATION),
    off('2021-05-03', substitute(LABOUR_DAY)),
    off('2021-09-02', NATIONAL_DAY),
    off('2021-09-03', NATIONAL_DAY_ADJACENT),
  ],
  2022: [
    off('2022-01-03', substitute(NEW_YEAR)),
    ...['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'].map((d) => off(d, TET)),
    off('2022-04-11', substitute(HUNG_KINGS)),
    off('2022-05-02', substitute(REUNIFICATION)),
    off('2022-05-03', substitute(LABOUR_DAY)),
    off('2022-09-01', NATIONAL_DAY_ADJACENT),
    off('2022-09-02', NATIONAL_DAY),
  ],
  2023: [
    off('2023-01-02', substitute(NEW_YEAR)),
    ...['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'].map((d) => off(d, TET)),
    off('2023-05-01', LABOUR_DAY),
    off('2023-05-02', substitute(HUNG_KINGS)),
    off('2023-05-03', substitute(REUNIFICATION)),
    off('2023-09-01', NATIONAL_DAY_ADJACENT),
    off('2023-09-04', substitute(NATIONAL_DAY)),
  ],
  2024: [
    off('2024-01-01', NEW_YEAR),
    ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((d) => off(d, TET)),
    off('2024-04-18', HUNG_KINGS),
    off('2024-04-29', swappedOff('2024-05-04')),
    off('2024-04-30', REUNIFICATION),
    off('2024-05-01', LABOUR_DAY),
    worked('2024-05-04', swappedWorking('2024-04-29')),
    off('2024-09-02', NATIONAL_DAY),
    off('2024-09-03', NATIONAL_DAY_ADJACENT),
  ],
  2025: [
    off('2025-01-01', NEW_YEAR),
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) => off(d, TET)),
    off('2025-04-07', HUNG_KINGS),
    worked('2025-04-26', swappedWorking('2025-05-02')),
    off('2025-04-30', REUNIFICATION),
    off('2025-05-01', LABOUR_DAY),
    off('2025-05-02', swappedOff('2025-04-26')),
    off('2025-09-01', NATIONAL_DAY_ADJACENT),
    off('2025-09-02', NATIONAL_DAY),
  ],
  // Friday 2/1 off, Saturday 10/1 worked: VB 12729/VPCP-KGVX of 25/12/2025 (public-sector swap).
  2026: [
    off('2026-01-01', NEW_YEAR),
    off('2026-01-02', swappedOff('2026-01-10')),
    worked('2026-01-10', swappedWorking('2026-01-02')),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => off(d, TET)),
    off('2026-04-27', substitute(HUNG_KINGS)),
    off('2026-04-30', REUNIFICATION),
    off('2026-05-01', LABOUR_DAY),
    worked('2026-08-22', swappedWorking('2026-08-31')),
    off('2026-08-31', swappedOff('2026-08-22')),
    off('2026-09-01', NATIONAL_DAY_ADJACENT),
    off('2026-09-02', NATIONAL_DAY),
  ],
};

/** The announcement each shipped published year was taken from, when the product records it. */
export const SHIPPED_ANNOUNCEMENTS: Readonly<Record<number, { documentNumber: string; documentDate: string }>> = {
  2026: { documentNumber: 'VB 12729/VPCP-KGVX', documentDate: '2025-12-25' },
};

export function calendarYearSource(year: number): CalendarYearSource {
  return PUBLISHED[year] ? 'published' : 'rule-derived';
}

/**
 * The holidays of Bộ luật Lao động 2019 art. 112 for `year`, each with its own date (weekends included),
 * in date order. Tết is taken as the last day of the old lunar year plus the first four days of the new one;
 * the day joined to Quốc khánh is the adjacent weekday that bridges to a weekend (see docs/eligibility.md).
 */
export function statutoryHolidays(year: number): CalendarOverride[] {
  const tet = lunarNewYear(year);
  const holidays = [
    off(isoDate(year, 1, 1), NEW_YEAR),
    ...[-1, 0, 1, 2, 3].map((offset) => off(addDays(tet, offset), TET)),
    off(hungKingsCommemoration(year), HUNG_KINGS),
    off(isoDate(year, 4, 30), REUNIFICATION),
    off(isoDate(year, 5, 1), LABOUR_DAY),
    off(isoDate(year, 9, 2), NATIONAL_DAY),
    off(nationalDayAdjacentDay(year), NATIONAL_DAY_ADJACENT),
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** 1/9 or 3/9: the weekday that makes the longest break with the weekend (Mon → 3/9, Tue/Wed → 1/9, …). */
function nationalDayAdjacentDay(year: number): string {
  const nationalDay = isoDate(year, 9, 2);
  switch (dayOfWeek(nationalDay)) {
    case 1: // Monday: 1/9 is a Sunday
    case 4: // Thursday: 3/9 is a Friday
    case 0: // Sunday: 1/9 is a Saturday, 3/9 a Monday
      return isoDate(year, 9, 3);
    default: // Tuesday, Wednesday, Friday, Saturday
      return isoDate(year, 9, 1);
  }
}

/**
 * Bộ luật Lao động 2019 Điều 111 khoản 3: a weekly rest day that coincides with a holiday of Điều 112 khoản 1 is
 * made up on the next working day. Substitutes are assigned in
 * date order to the next weekday that is neither a holiday nor already a substitute.
 */
export function ruleDerivedOverrides(year: number): CalendarOverride[] {
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((h) => h.date));
  const overrides: CalendarOverride[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) {
      overrides.push(holiday);
      continue;
    }
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    overrides.push(off(day, substitute(holiday.name)));
  }
  return overrides.sort((a, b) => a.date.localeCompare(b.date));
}

/** The overrides for one shipped year: the announcement when there is one, else the rule-derived default. */
export function shippedCalendarYear(year: number): CalendarOverride[] {
  const published = PUBLISHED[year];
  return (published ?? ruleDerivedOverrides(year)).map((o) => ({ ...o }));
}

/** Every shipped override for 2020–2030, in date order. */
export function shippedCalendar(): CalendarOverride[] {
  return SHIPPED_CALENDAR_YEARS.flatMap((year) => shippedCalendarYear(year)).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}
