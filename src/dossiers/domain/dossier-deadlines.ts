import { WorkingCalendar } from '../../calendar/working-calendar';

/** Working days before the due date within which an open dossier counts as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

/** Supplement request after receipt: the clock stops with this many working days left (never negative). */
export function pauseClock(today: string, dueDate: string, calendar: WorkingCalendar): number {
  return Math.max(0, calendar.workingDaysBetween(today, dueDate));
}

/** The citizen's answer restarts the clock: the remaining working days count from today. */
export function resumeClock(today: string, remainingWorkingDays: number, calendar: WorkingCalendar): string {
  return remainingWorkingDays === 0
    ? calendar.nextWorkingDayOnOrAfter(today)
    : calendar.addWorkingDays(today, remainingWorkingDays);
}

export interface DeadlineFlags {
  overdue: boolean;
  dueSoon: boolean;
}

export function deadlineFlags(
  open: boolean,
  dueDate: string | null,
  today: string,
  calendar: WorkingCalendar,
): DeadlineFlags {
  if (!open || !dueDate) return { overdue: false, dueSoon: false };
  if (dueDate < today) return { overdue: true, dueSoon: false };
  return { overdue: false, dueSoon: calendar.workingDaysBetween(today, dueDate) <= DUE_SOON_WORKING_DAYS };
}
