import { addDays, isIsoDate, isWeekend, toDayNumber } from './iso-date';

/** One day that differs from the Monday–Friday default: a weekday off, or a Saturday/Sunday worked. */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'working';
  name: string;
}

/**
 * Working days of the public sector: Monday–Friday unless a 'holiday' override says otherwise,
 * Saturday and Sunday off unless a 'working' override (a swapped Saturday) says otherwise.
 * Pure: the overrides are data loaded by the caller (shipped defaults plus administrator edits).
 */
export interface WorkingCalendarOptions {
  /**
   * Years whose schedule the Government has announced (imported by an administrator or shipped from an
   * announcement). Every other year is projected ("dự kiến"): its holidays are derived from the Labour Code and may
   * still change. Omitted: no year is marked projected.
   */
  announcedYears?: readonly number[];
}

export class WorkingCalendar {
  private readonly byDate = new Map<string, CalendarOverride>();
  private readonly announced: ReadonlySet<number> | null;

  constructor(overrides: CalendarOverride[], options: WorkingCalendarOptions = {}) {
    this.announced = options.announcedYears ? new Set(options.announcedYears) : null;
    for (const override of overrides) {
      if (!isIsoDate(override.date)) throw new RangeError(`Ngày không hợp lệ trong lịch làm việc: "${override.date}".`);
      if (override.kind !== 'holiday' && override.kind !== 'working') {
        throw new RangeError(`Loại ngày không hợp lệ trong lịch làm việc: "${String(override.kind)}".`);
      }
      if (this.byDate.has(override.date)) {
        throw new RangeError(`Ngày ${override.date} xuất hiện hai lần trong lịch làm việc.`);
      }
      this.byDate.set(override.date, { ...override });
    }
  }

  /** The overrides this calendar was built from, sorted by date. */
  overrides(): CalendarOverride[] {
    return [...this.byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).map((o) => ({ ...o }));
  }

  /** Whether `year`'s schedule is projected (not announced yet). */
  isProjectedYear(year: number): boolean {
    return this.announced !== null && !this.announced.has(year);
  }

  /** The projected years among the years of [from, to] (either order), ascending. */
  projectedYearsBetween(from: string, to: string): number[] {
    const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y);
    const years: number[] = [];
    for (let year = a; year <= b; year++) if (this.isProjectedYear(year)) years.push(year);
    return years;
  }

  overrideFor(date: string): CalendarOverride | undefined {
    const found = this.byDate.get(date);
    return found && { ...found };
  }

  isWorkingDay(date: string): boolean {
    toDayNumber(date);
    const override = this.byDate.get(date);
    if (override) return override.kind === 'working';
    return !isWeekend(date);
  }

  /** `date` itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: string): string {
    let current = date;
    while (!this.isWorkingDay(current)) current = addDays(current, 1);
    return current;
  }

  /** The date `n` working days after `date` (`date` itself is not counted; n = 0 returns `date`). */
  addWorkingDays(date: string, n: number): string {
    assertCount(n, 0);
    let current = date;
    toDayNumber(current);
    for (let counted = 0; counted < n;) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) counted += 1;
    }
    return current;
  }

  /** The n-th working day counted from `from`, which is day 1 when it is itself a working day (n >= 1). */
  nthWorkingDay(from: string, n: number): string {
    assertCount(n, 1);
    return this.addWorkingDays(addDays(from, -1), n);
  }

  /** Number of working days in (from, to]; negative (the count in (to, from]) when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    if (end < start) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let current = addDays(from, 1); toDayNumber(current) <= end; current = addDays(current, 1)) {
      if (this.isWorkingDay(current)) count += 1;
    }
    return count;
  }
}

function assertCount(n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`Số ngày làm việc không hợp lệ: ${n}.`);
}
