import { dayOfWeek, isWeekend } from './iso-date';
import {
  SHIPPED_CALENDAR_YEARS,
  calendarYearSource,
  ruleDerivedOverrides,
  shippedCalendar,
  shippedCalendarYear,
  statutoryHolidays,
} from './shipped-calendar';
import { WorkingCalendar } from './working-calendar';

describe('shipped calendar', () => {
  it('covers 2020–2030', () => {
    expect(SHIPPED_CALENDAR_YEARS).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    const years = new Set(shippedCalendar().map((o) => Number(o.date.slice(0, 4))));
    expect([...years].sort()).toEqual([...SHIPPED_CALENDAR_YEARS]);
  });

  it('matches the announced 2026 public-sector schedule exactly (incl. VB 12729/VPCP-KGVX of 25/12/2025)', () => {
    const year2026 = shippedCalendarYear(2026);
    expect(year2026.filter((o) => o.kind === 'holiday').map((o) => o.date)).toEqual([
      '2026-01-01',
      '2026-01-02',
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
    expect(year2026.filter((o) => o.kind === 'working').map((o) => o.date)).toEqual(['2026-01-10', '2026-08-22']);
    const calendar = new WorkingCalendar(shippedCalendar());
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-26')).toBe(false);
  });

  it('is a valid calendar: one override per date, holidays on weekdays, worked days on weekends, Vietnamese names', () => {
    const all = shippedCalendar();
    expect(() => new WorkingCalendar(all)).not.toThrow();
    for (const o of all) {
      expect(isWeekend(o.date)).toBe(o.kind === 'working');
      expect(o.name.normalize('NFC')).toBe(o.name);
      expect(o.name.length).toBeGreaterThan(3);
    }
  });

  it('gives every year 11 statutory days off from 2021 (BLLĐ 2019) and 10 in 2020 (BLLĐ 2012), net of swaps', () => {
    for (const year of SHIPPED_CALENDAR_YEARS) {
      const overrides = shippedCalendarYear(year);
      const net =
        overrides.filter((o) => o.kind === 'holiday').length - overrides.filter((o) => o.kind === 'working').length;
      expect({ year, net }).toEqual({ year, net: year === 2020 ? 10 : 11 });
    }
  });

  it('marks announced years as published and later years as rule-derived', () => {
    expect(SHIPPED_CALENDAR_YEARS.filter((y) => calendarYearSource(y) === 'published')).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(shippedCalendarYear(2027)).toEqual(ruleDerivedOverrides(2027));
  });

  it('derives the statutory holidays of art. 112 from the lunar calendar', () => {
    const dates2027 = statutoryHolidays(2027).map((h) => h.date);
    expect(dates2027).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-09-02',
      '2027-09-03',
    ]);
  });

  it('gives substitute days on the next free weekdays, BLLĐ 2019 Điều 111 k.3 (2027: Tết over a weekend, 1/5 on a Saturday)', () => {
    const offs = ruleDerivedOverrides(2027).map((o) => o.date);
    expect(offs).toEqual(expect.arrayContaining(['2027-02-10', '2027-02-11', '2027-05-03']));
    expect(ruleDerivedOverrides(2028).map((o) => o.date)).toEqual(
      expect.arrayContaining(['2028-01-03', '2028-05-01', '2028-05-02', '2028-09-01', '2028-09-04']),
    );
  });

  it('reproduces the published 2022 calendar and 2026 without its two Saturday swaps', () => {
    expect(ruleDerivedOverrides(2022).map((o) => o.date)).toEqual(shippedCalendarYear(2022).map((o) => o.date));
    const published2026 = shippedCalendarYear(2026)
      .filter((o) => !['2026-01-02', '2026-01-10', '2026-08-22', '2026-08-31'].includes(o.date))
      .map((o) => o.date);
    expect(ruleDerivedOverrides(2026).map((o) => o.date)).toEqual(published2026);
  });

  it.each([
    [2024, '2024-09-03'],
    [2025, '2025-09-01'],
    [2027, '2027-09-03'],
    [2029, '2029-09-03'],
  ])('joins the right day to Quốc khánh %i (%s)', (year, adjacent) => {
    expect(statutoryHolidays(year).find((h) => h.name.includes('liền kề'))?.date).toBe(adjacent);
    expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(adjacent));
  });
});
