import { WorkingCalendar } from '../../calendar/working-calendar';

/**
 * Open dossiers by how far their due date is, in WORKING days (the processing time is counted in working days and
 * the work queue's "due soon" uses the same count):
 * - `overdue`: due date before today;
 * - `0_3`, `4_10`, `over_10`: working days in (today, due date] — due today is 0;
 * - `paused`: a supplement was requested, the clock stands still (the stored due date is moved on resumption);
 * - `no_due_date`: not received yet, so no due date.
 */
export const DUE_BUCKETS = ['overdue', '0_3', '4_10', 'over_10', 'paused', 'no_due_date'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

export interface OpenDossierGroup {
  centerCode: string;
  status: string;
  dueDate: string | null;
  count: number;
}

export function dueBucket(
  group: Pick<OpenDossierGroup, 'status' | 'dueDate'>,
  today: string,
  calendar: WorkingCalendar,
): DueBucket {
  if (group.status === 'SUPPLEMENT_REQUESTED') return 'paused';
  if (!group.dueDate) return 'no_due_date';
  if (group.dueDate < today) return 'overdue';
  const left = calendar.workingDaysBetween(today, group.dueDate);
  if (left <= 3) return '0_3';
  if (left <= 10) return '4_10';
  return 'over_10';
}

/** Counts per center and bucket (every bucket present for every center seen). */
export function countByDueBucket(
  groups: readonly OpenDossierGroup[],
  today: string,
  calendar: WorkingCalendar,
): { centerCode: string; bucket: DueBucket; count: number }[] {
  const byCenter = new Map<string, Record<DueBucket, number>>();
  const memo = new Map<string, DueBucket>();
  for (const group of groups) {
    const counts =
      byCenter.get(group.centerCode) ??
      (Object.fromEntries(DUE_BUCKETS.map((b) => [b, 0])) as Record<DueBucket, number>);
    byCenter.set(group.centerCode, counts);
    const memoKey = `${group.status}|${group.dueDate}`;
    const bucket = memo.get(memoKey) ?? dueBucket(group, today, calendar);
    memo.set(memoKey, bucket);
    counts[bucket] += group.count;
  }
  return [...byCenter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([centerCode, counts]) => DUE_BUCKETS.map((bucket) => ({ centerCode, bucket, count: counts[bucket] })));
}
