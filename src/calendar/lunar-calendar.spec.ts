import { hungKingsCommemoration, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar';
import { addDays } from './iso-date';

describe('lunar calendar (Vietnam, UTC+7)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
  ])('Tết %i falls on %s', (year, expected) => {
    expect(lunarNewYear(year)).toBe(expected);
    expect(solarToLunar(expected)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('puts Tết 2030 on 2030-02-02: the new moon is at 23:07 in Vietnam (UTC+7) but 00:07 on 02-03 in China', () => {
    // Tables copied from Chinese sources print 2030-02-03; at UTC+7 the lunar month starts a day earlier.
    expect(lunarNewYear(2030)).toBe('2030-02-02');
    expect(solarToLunar('2030-02-03')).toEqual({ day: 2, month: 1, year: 2030, leap: false });
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i falls on %s', (year, expected) => {
    expect(hungKingsCommemoration(year)).toBe(expected);
    expect(solarToLunar(expected)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it('knows the eve of Tết is the last day of the previous lunar year', () => {
    const eve = solarToLunar('2026-02-16');
    expect(eve.year).toBe(2025);
    expect(eve.month).toBe(12);
    expect(eve.day).toBeGreaterThanOrEqual(29);
  });

  it('finds the leap month of 2023 (tháng 2 nhuận Quý Mão, from 2023-03-22)', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toThrow(RangeError);
  });

  it('round-trips every day of 2020–2030', () => {
    for (let date = '2020-01-01'; date <= '2030-12-31'; date = addDays(date, 1)) {
      expect(lunarToSolar(solarToLunar(date))).toBe(date);
    }
  });
});
