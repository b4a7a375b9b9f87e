import { fromDayNumber, toDayNumber } from './iso-date';

/**
 * Vietnamese lunisolar calendar after Hồ Ngọc Đức's published algorithm ("Thuật toán tính âm lịch"),
 * which computes new moons and solar terms with the astronomical formulas of Jean Meeus and evaluates
 * them at Vietnam's time zone, UTC+7 (the zone Vietnam has used for the calendar since 1968).
 * Julian day numbers are integers; ISO dates are converted through UTC day numbers.
 */

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the intercalary (nhuận) month. */
  leap: boolean;
}

const VIETNAM_TIME_ZONE = 7;
/** Julian day number of 1970-01-01. */
const JDN_UNIX_EPOCH = 2_440_588;

function jdnFromIso(date: string): number {
  return toDayNumber(date) + JDN_UNIX_EPOCH;
}

function isoFromJdn(jdn: number): string {
  return fromDayNumber(jdn - JDN_UNIX_EPOCH);
}

/** Julian day number (local day at `timeZone`) of the k-th new moon after 1900-01-01. */
function newMoonDay(k: number, timeZone: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  const jdNew = jd1 + c1 - deltaT;
  return Math.floor(jdNew + 0.5 + timeZone / 24);
}

/** Sector (0..11, 30° each) of the sun's longitude at the start of local day `jdn`. */
function sunLongitudeSector(jdn: number, timeZone: number): number {
  const T = (jdn - 2451545.5 - timeZone / 24) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

/** Start (JDN) of the 11th lunar month, the one containing the winter solstice, of solar year `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdnFromIso(`${year}-12-31`) - 2415021;
  const k = Math.floor(off / 29.530588853);
  let nm = newMoonDay(k, timeZone);
  if (sunLongitudeSector(nm, timeZone) >= 9) nm = newMoonDay(k - 1, timeZone);
  return nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month in a 13-month lunar year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last: number;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  do {
    last = arc;
    i += 1;
    arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(date: string, timeZone = VIETNAM_TIME_ZONE): LunarDate {
  const dayNumber = jdnFromIso(date);
  const year = Number(date.slice(0, 4));
  const k = Math.floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone);
  let a11 = lunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/** The solar date of a lunar date; throws when `leap` is asked for a month that is not the leap month. */
export function lunarToSolar(lunar: LunarDate, timeZone = VIETNAM_TIME_ZONE): string {
  const { day, month, year, leap } = lunar;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`Năm âm lịch ${year} không có tháng ${month} nhuận.`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Năm âm lịch ${year} không có tháng nhuận.`);
  }
  const monthStart = newMoonDay(k + off, timeZone);
  return isoFromJdn(monthStart + day - 1);
}

/** Tết Nguyên đán: day 1 of lunar month 1 of the lunar year that starts in solar year `year`. */
export function lunarNewYear(year: number): string {
  return lunarToSolar({ day: 1, month: 1, year, leap: false });
}

/** Giỗ Tổ Hùng Vương: day 10 of lunar month 3 (never the leap month) of `year`. */
export function hungKingsCommemoration(year: number): string {
  return lunarToSolar({ day: 10, month: 3, year, leap: false });
}
