import { WorkingCalendar } from '../../calendar/working-calendar';
import { shippedCalendar } from '../../calendar/shipped-calendar';
import { deadlineFlags, pauseClock, resumeClock } from './dossier-deadlines';
import { dossierCode } from './dossier-code';
import { searchName } from './search-name';

const calendar = new WorkingCalendar(shippedCalendar());

describe('dossier deadlines', () => {
  it('keeps the remaining working days across a supplement pause that spans Tết 2026', () => {
    // Received 2026-02-02 (Mon): 20 working days → due 2026-03-09 (Tết 16–20/2 is not counted).
    const due = calendar.addWorkingDays('2026-02-02', 20);
    expect(due).toBe('2026-03-09');
    // Supplement requested on 2026-02-10 (Tue): working days 11, 12, 13 Feb and 23 Feb – 9 Mar remain.
    const remaining = pauseClock('2026-02-10', due, calendar);
    expect(remaining).toBe(14);
    // The citizen answers on 2026-03-02: the clock resumes from there.
    expect(resumeClock('2026-03-02', remaining, calendar)).toBe('2026-03-20');
  });

  it('resumes across the swapped working Saturday 22/8/2026 and the 2/9 holidays', () => {
    expect(resumeClock('2026-08-20', 3, calendar)).toBe('2026-08-24'); // Fri 21, Sat 22 (swapped), Mon 24
    expect(resumeClock('2026-08-28', 1, calendar)).toBe('2026-09-03');
  });

  it('never pauses with negative days and resumes on a working day', () => {
    expect(pauseClock('2026-03-20', '2026-03-09', calendar)).toBe(0);
    expect(resumeClock('2026-02-14', 0, calendar)).toBe('2026-02-23');
  });

  it.each([
    [true, '2026-11-20', '2026-11-26', { overdue: true, dueSoon: false }],
    [true, '2026-11-30', '2026-11-26', { overdue: false, dueSoon: true }],
    [true, '2026-12-15', '2026-11-26', { overdue: false, dueSoon: false }],
    [false, '2026-11-20', '2026-11-26', { overdue: false, dueSoon: false }],
    [true, null, '2026-11-26', { overdue: false, dueSoon: false }],
  ])('open=%s due=%s today=%s', (open, due, today, flags) => {
    expect(deadlineFlags(open, due, today, calendar)).toEqual(flags);
  });
});

describe('dossier code and search name', () => {
  it('formats the code', () => {
    expect(dossierCode('DNA-BH', '2026-11-26', 42)).toBe('DNA-BH-20261126-00042');
  });
  it.each([
    ['Đặng Hữu Phước', 'dang huu phuoc'],
    ['Nguyễn  Thị Ánh Tuyết', 'nguyen thi anh tuyet'],
    ['TRƯƠNG Thị Ngọc Ẩn', 'truong thi ngoc an'],
  ])('%s → %s', (name, folded) => {
    expect(searchName(name)).toBe(folded);
  });
});
