import { shippedCalendar } from './shipped-calendar';
import { WorkingCalendar } from './working-calendar';

describe('WorkingCalendar', () => {
  const plain = new WorkingCalendar([]);
  const shipped = new WorkingCalendar(shippedCalendar());

  it('works Monday–Friday by default', () => {
    expect(plain.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(plain.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(plain.isWorkingDay('2026-11-29')).toBe(false); // Sunday
  });

  it('applies holiday and working overrides', () => {
    const calendar = new WorkingCalendar([
      { date: '2026-11-27', kind: 'holiday', name: 'Nghỉ thử' },
      { date: '2026-11-28', kind: 'working', name: 'Làm bù thử' },
    ]);
    expect(calendar.isWorkingDay('2026-11-27')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-28')).toBe(true);
    expect(calendar.overrideFor('2026-11-28')?.name).toBe('Làm bù thử');
  });

  it('rejects malformed or duplicate overrides and malformed dates', () => {
    expect(() => new WorkingCalendar([{ date: '2026-02-30', kind: 'holiday', name: 'x' }])).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar([
          { date: '2026-02-02', kind: 'holiday', name: 'x' },
          { date: '2026-02-02', kind: 'working', name: 'y' },
        ]),
    ).toThrow(RangeError);
    expect(() => plain.isWorkingDay('26-02-02')).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2026-02-02', -1)).toThrow(RangeError);
    expect(() => plain.nthWorkingDay('2026-02-02', 0)).toThrow(RangeError);
  });

  it('finds the next working day on or after a date', () => {
    expect(shipped.nextWorkingDayOnOrAfter('2026-02-13')).toBe('2026-02-13');
    expect(shipped.nextWorkingDayOnOrAfter('2026-02-14')).toBe('2026-02-23'); // Tết Bính Ngọ
    expect(shipped.nextWorkingDayOnOrAfter('2026-08-22')).toBe('2026-08-22'); // swapped Saturday
    expect(shipped.nextWorkingDayOnOrAfter('2026-08-29')).toBe('2026-09-03');
  });

  it('adds working days without counting the start', () => {
    expect(plain.addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(plain.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(shipped.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(shipped.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
  });

  it('counts the n-th working day with the start as day 1 when it is a working day', () => {
    expect(plain.nthWorkingDay('2026-11-27', 1)).toBe('2026-11-27');
    expect(plain.nthWorkingDay('2026-11-28', 1)).toBe('2026-11-30');
    expect(plain.nthWorkingDay('2026-11-23', 11)).toBe('2026-12-07');
  });

  it('counts working days in (from, to]', () => {
    expect(plain.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(plain.workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(plain.workingDaysBetween('2026-11-30', '2026-11-23')).toBe(-5);
    expect(shipped.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(shipped.workingDaysBetween('2026-08-21', '2026-09-03')).toBe(7);
  });

  it('keeps addWorkingDays and workingDaysBetween consistent', () => {
    for (const n of [1, 5, 10, 15, 20, 40]) {
      const end = shipped.addWorkingDays('2026-01-30', n);
      expect(shipped.workingDaysBetween('2026-01-30', end)).toBe(n);
      expect(shipped.isWorkingDay(end)).toBe(true);
    }
  });
});
