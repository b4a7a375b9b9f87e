import { formatDateTime, formatLongDate, formatShortDate, parseIsoDate } from './vietnamese-date.formatter';

describe('vietnamese-date formatter', () => {
  it('prints short dates as dd/mm/yyyy', () => {
    expect(formatShortDate('2026-03-05')).toBe('05/03/2026');
  });

  it('prints the place-and-date line date with leading zeros for days < 10 and months < 3', () => {
    expect(formatLongDate('2026-11-26')).toBe('ngày 26 tháng 11 năm 2026');
    expect(formatLongDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatLongDate('2026-03-05')).toBe('ngày 05 tháng 3 năm 2026');
  });

  it('uses the Viet Nam calendar day of an instant (UTC+7)', () => {
    expect(formatShortDate(new Date('2026-11-25T17:30:00Z'))).toBe('26/11/2026');
    expect(formatDateTime(new Date('2026-11-26T07:05:00Z'))).toBe('14 giờ 05 phút, ngày 26/11/2026');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => parseIsoDate('26/11/2026')).toThrow(RangeError);
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
  });
});
