import { addDays } from '../../calendar/iso-date';
import type { WorkingCalendar } from '../../calendar/working-calendar';

/**
 * The benefit period after an approval decision (Luật Việc làm 74/2025 Điều 40–41; Nghị định 374/2025): the benefit
 * months fixed by the decision, each month's job-search notice window (Mẫu số 24), month states, the
 * three-missed-months rule (Điều 41 k.4 đ) and the contribution months reserved on termination (Điều 41 k.5).
 * Pure: the working calendar and "today" are inputs.
 */

/** Codes of the termination reasons of Điều 41 k.4, in the order of the law (a, b, c, d, đ, e, g, h, i, k, l, m, n). */
export const TERMINATION_REASONS = [
  'new_job',
  'military_service',
  'pension',
  'refused_two_jobs',
  'three_missed_notices',
  'emigration',
  'long_study',
  'sanctioned',
  'death',
  'compulsory_education',
  'declared_missing',
  'detention',
  'own_request',
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export function isTerminationReason(value: unknown): value is TerminationReason {
  return typeof value === 'string' && (TERMINATION_REASONS as readonly string[]).includes(value);
}

/** The letter of Điều 41 k.4 for each reason, and how the decision words it. */
export const TERMINATION_REASON_LAW: Record<TerminationReason, { point: string; label: string }> = {
  new_job: { point: 'a', label: 'Có việc làm và thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc' },
  military_service: {
    point: 'b',
    label: 'Thực hiện nghĩa vụ quân sự, nghĩa vụ công an, tham gia dân quân thường trực',
  },
  pension: { point: 'c', label: 'Hưởng lương hưu hằng tháng' },
  refused_two_jobs: {
    point: 'd',
    label: 'Sau 02 lần từ chối nhận việc làm do tổ chức dịch vụ việc làm công giới thiệu mà không có lý do chính đáng',
  },
  three_missed_notices: {
    point: 'đ',
    label: 'Không thông báo về việc tìm kiếm việc làm hằng tháng trong 03 tháng liên tục',
  },
  emigration: { point: 'e', label: 'Ra nước ngoài để định cư' },
  long_study: { point: 'g', label: 'Đi học tập có thời hạn từ đủ 12 tháng trở lên' },
  sanctioned: { point: 'h', label: 'Bị xử phạt vi phạm hành chính về bảo hiểm thất nghiệp' },
  death: { point: 'i', label: 'Chết' },
  compulsory_education: {
    point: 'k',
    label:
      'Chấp hành quyết định áp dụng biện pháp xử lý hành chính giáo dục bắt buộc, đưa vào cơ sở cai nghiện bắt buộc',
  },
  declared_missing: { point: 'l', label: 'Bị Tòa án tuyên bố mất tích' },
  detention: { point: 'm', label: 'Bị tạm giam, chấp hành hình phạt tù' },
  own_request: { point: 'n', label: 'Theo đề nghị của người lao động' },
};

/** Điều 41 k.5: the reasons for which the contribution months not yet used are reserved. */
export const RESERVING_REASONS: readonly TerminationReason[] = [
  'new_job',
  'military_service',
  'long_study',
  'compulsory_education',
  'declared_missing',
  'detention',
  'own_request',
];

/** Each benefit month consumes 12 contribution months (the duration rule: 12–36 months give 3 months, +1 per 12). */
export const CONTRIBUTION_MONTHS_PER_BENEFIT_MONTH = 12;

/** Working days in each notice window (Nghị định 374/2025: "trong 03 ngày làm việc"). */
export const NOTICE_WINDOW_WORKING_DAYS = 3;

/** Consecutive months without a notice that end the benefit (Điều 41 k.4 đ). */
export const MISSED_MONTHS_FOR_TERMINATION = 3;

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export interface BenefitMonthPlan {
  /** 1-based. */
  readonly month: number;
  readonly from: string;
  readonly to: string;
  readonly noticeWindow: DateRange;
}

/**
 * The benefit months and their notice windows:
 * - month 1: the first 3 working days counted from the day the result is returned, that day being day 1 when it is
 *   a working day;
 * - month k ≥ 2: the first 3 working days counted from the first day of benefit month k (day 1 when working).
 */
export function planBenefitMonths(
  periods: readonly DateRange[],
  resultReturnedOn: string,
  calendar: WorkingCalendar,
): BenefitMonthPlan[] {
  return periods.map((p, i) => {
    const start = i === 0 ? resultReturnedOn : p.from;
    return {
      month: i + 1,
      from: p.from,
      to: p.to,
      noticeWindow: {
        from: calendar.nthWorkingDay(start, 1),
        to: calendar.nthWorkingDay(start, NOTICE_WINDOW_WORKING_DAYS),
      },
    };
  });
}

/** What has been recorded about a month (stored); the state a reader sees is derived with `monthState`. */
export type MonthOutcome = 'missed' | 'suspended' | 'cancelled' | 'paid';
export type MonthState = 'upcoming' | 'open' | 'notified' | 'missed' | 'suspended' | 'paid' | 'cancelled';

export interface MonthFacts {
  readonly noticeWindow: DateRange;
  readonly notified: boolean;
  readonly outcome: MonthOutcome | null;
}

/** The state of a month on `today` (a notice filed makes it `notified` whatever the window; a decision wins). */
export function monthState(m: MonthFacts, today: string): MonthState {
  if (m.outcome === 'cancelled' || m.outcome === 'suspended' || m.outcome === 'paid') return m.outcome;
  if (m.notified) return 'notified';
  if (m.outcome === 'missed') return 'missed';
  if (today < m.noticeWindow.from) return 'upcoming';
  if (today <= m.noticeWindow.to) return 'open';
  return 'missed';
}

export type NoticeCheck = { ok: true } | { ok: false; reason: 'outside_notice_window'; window: DateRange };

/** A notice counts only inside its month's window (bounds included). */
export function checkNoticeDate(window: DateRange, filedOn: string): NoticeCheck {
  return filedOn >= window.from && filedOn <= window.to
    ? { ok: true }
    : { ok: false, reason: 'outside_notice_window', window };
}

/** Windows that have closed by `today` without a notice and are not yet marked: the months to mark missed. */
export function monthsToMarkMissed(months: readonly (MonthFacts & { month: number })[], today: string): number[] {
  return months.filter((m) => !m.notified && m.outcome === null && m.noticeWindow.to < today).map((m) => m.month);
}

/**
 * Điều 41 k.4 đ: the month that completes a run of 3 consecutive months without a notice (missed or suspended),
 * or null. Months are taken in order; a notified month breaks the run.
 */
export function thirdConsecutiveMissedMonth(
  months: readonly { month: number; notified: boolean; outcome: MonthOutcome | null }[],
): number | null {
  let run = 0;
  for (const m of [...months].sort((a, b) => a.month - b.month)) {
    const without = !m.notified && (m.outcome === 'missed' || m.outcome === 'suspended');
    run = without ? run + 1 : 0;
    if (run === MISSED_MONTHS_FOR_TERMINATION) return m.month;
  }
  return null;
}

/** The effective date of a termination for three missed notices: the day after the third window closed. */
export function threeMissedEffectiveDate(thirdWindow: DateRange): string {
  return addDays(thirdWindow.to, 1);
}

export interface TerminationPlan {
  /** Months starting on or after the effective date: not paid, cancelled. */
  readonly cancelledMonths: number[];
  /** Contribution months reserved for a later claim (Điều 41 k.5); 0 for the reasons k.5 does not list. */
  readonly reservedMonths: number;
  readonly reserves: boolean;
}

/**
 * What a termination does to the months: those that start on or after the effective date are cancelled (the month
 * under way on that date was received); for the reasons of k.5 the contribution months not yet used are reserved:
 * 12 for each cancelled month that was not suspended (a suspended month is neither paid nor reserved, k.2), plus
 * the months the decision already reserved after the benefit. A worker who did not report the change
 * (`changeUnreported`) keeps nothing.
 */
export function planTermination(input: {
  reason: TerminationReason;
  effectiveDate: string;
  months: readonly { month: number; from: string; outcome: MonthOutcome | null }[];
  reservedAfterBenefit: number;
  changeUnreported?: boolean;
}): TerminationPlan {
  const cancelled = input.months.filter((m) => m.from >= input.effectiveDate && m.outcome !== 'paid');
  const reserves = RESERVING_REASONS.includes(input.reason) && !input.changeUnreported;
  const unused = cancelled.filter((m) => m.outcome !== 'suspended').length;
  return {
    cancelledMonths: cancelled.map((m) => m.month),
    reserves,
    reservedMonths: reserves ? unused * CONTRIBUTION_MONTHS_PER_BENEFIT_MONTH + input.reservedAfterBenefit : 0,
  };
}

export type BenefitStatus = 'not_started' | 'active' | 'suspended' | 'terminated' | 'completed' | 'transferred';
/** What is stored; `not_started` and `completed` are derived from the dates. */
export type StoredBenefitStatus = 'active' | 'suspended' | 'terminated' | 'transferred';

export function benefitStatus(stored: StoredBenefitStatus, months: readonly DateRange[], today: string): BenefitStatus {
  if (stored !== 'active') return stored;
  if (!months.length) return 'completed';
  if (today < months[0].from) return 'not_started';
  if (today > months[months.length - 1].to) return 'completed';
  return 'active';
}

/** The next window a notice can still be filed in (open or upcoming, not yet notified), or null. */
export function nextNotice(
  months: readonly (BenefitMonthPlan & { notified: boolean; outcome: MonthOutcome | null })[],
  today: string,
): { month: number; from: string; to: string } | null {
  const next = months.find((m) => !m.notified && m.outcome === null && m.noticeWindow.to >= today);
  return next ? { month: next.month, from: next.noticeWindow.from, to: next.noticeWindow.to } : null;
}
