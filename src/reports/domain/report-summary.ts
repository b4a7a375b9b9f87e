import { WorkingCalendar } from '../../calendar/working-calendar';
import { DOSSIER_STATUSES, STATUS_LABELS } from '../../dossiers/domain/dossier-status';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  DECISION_NOTE_REASON,
  SEXES,
  SEX_LABELS,
  UNKNOWN,
  refusalReasonLabel,
  terminationReasonLabel,
} from './report-labels';
import { ReportPeriod, monthsOf } from './report-period';
import { ReceiptDecisionPair, averageWorkingDays } from './working-day-span';

// ---- what the repository reads (one row per group) ----

export type FiledDimension = 'total' | 'status' | 'channel' | 'center' | 'month' | 'ageBand' | 'sex' | 'province';

/** Dossiers filed in the period, grouped by one dimension at a time (GROUPING SETS). */
export interface FiledGroupRow {
  dimension: FiledDimension;
  key: string | null;
  /** Province name for 'province'. */
  label: string | null;
  count: number;
}

export type Outcome = 'approved' | 'denied';

/** Dossiers decided in the period, grouped by outcome and one more dimension at a time. */
export interface DecidedGroupRow {
  dimension: 'outcome' | 'terminationReason' | 'refusalReason';
  outcome: Outcome;
  /** Termination reason code, or assessment reason code / 'decision_note' for refusals. */
  key: string | null;
  /** The Director's written reason when key is 'decision_note'. */
  note: string | null;
  count: number;
  /** Decided with decided_at date ≤ due_date. */
  onTime: number;
  /** Decided dossiers that have a due date. */
  withDueDate: number;
  monthlyBenefit: number;
  benefitMonths: number;
  benefitAmount: number;
}

export interface EmployerRow {
  taxCode: string | null;
  name: string;
  count: number;
}

export interface ReasonCountRow {
  reason: string;
  count: number;
}

export interface CenterRow {
  code: string;
  name: string;
}

export interface SummaryRows {
  filed: FiledGroupRow[];
  decided: DecidedGroupRow[];
  spans: ReceiptDecisionPair[];
  received: number;
  intakeRefusals: ReasonCountRow[];
  employers: EmployerRow[];
  centers: CenterRow[];
}

// ---- what the API returns ----

export interface CountItem {
  key: string;
  label: string;
  count: number;
}

export interface ApprovalReasonItem extends CountItem {
  totalMonthlyBenefit: number;
  totalBenefitMonths: number;
}

export interface RefusalReasonItem extends CountItem {
  /** Set when the refusal is grouped by the Director's written reason. */
  note?: string;
}

export interface ReportSummary {
  period: ReportPeriod;
  /** null = every center of the province. */
  centerCode: string | null;
  generatedAt: string;
  filed: {
    total: number;
    byStatus: CountItem[];
    byChannel: CountItem[];
    byCenter: CountItem[];
    byMonth: CountItem[];
  };
  flow: {
    received: number;
    decided: number;
    approved: number;
    denied: number;
    rejectedAtIntake: number;
  };
  timeliness: {
    decidedWithDueDate: number;
    decidedOnTime: number;
    /** decidedOnTime / decidedWithDueDate, 0..1; null when nothing was decided. */
    onTimeRate: number | null;
    /** Mean working days from receipt to decision; null when nothing was decided. */
    averageWorkingDaysToDecision: number | null;
  };
  decisions: {
    approvalsByTerminationReason: ApprovalReasonItem[];
    refusalsByReason: RefusalReasonItem[];
    intakeRefusalsByReason: CountItem[];
  };
  benefits: {
    approved: number;
    totalMonthlyBenefit: number;
    totalBenefitMonths: number;
    /** Σ monthly benefit × benefit months of the approvals (whole VND). */
    totalBenefitAmount: number;
  };
  applicants: {
    byAgeBand: CountItem[];
    bySex: CountItem[];
    byProvince: CountItem[];
  };
  topEmployers: { taxCode: string | null; name: string; count: number }[];
}

export const TOP_EMPLOYERS = 10;

/** Turns the grouped rows into the summary: fixed lists get every entry (zeros included), in a stable order. */
export function buildSummary(
  period: ReportPeriod,
  centerCode: string | null,
  rows: SummaryRows,
  calendar: WorkingCalendar,
  generatedAt: string,
): ReportSummary {
  const filed = (dimension: FiledDimension) => rows.filed.filter((r) => r.dimension === dimension);
  const countOf = (dimension: FiledDimension, key: string) =>
    filed(dimension).find((r) => (r.key ?? 'unknown') === key)?.count ?? 0;
  const fixed = <K extends string>(dimension: FiledDimension, keys: readonly K[], labels: Record<K, string>) =>
    keys.map((key) => ({ key, label: labels[key], count: countOf(dimension, key) }));

  const centers = centerCode ? rows.centers.filter((c) => c.code === centerCode) : rows.centers;
  const centerItems: CountItem[] = centers.map((c) => ({
    key: c.code,
    label: c.name,
    count: countOf('center', c.code),
  }));
  for (const row of filed('center')) {
    if (row.key && !centerItems.some((c) => c.key === row.key)) {
      centerItems.push({ key: row.key, label: row.key, count: row.count });
    }
  }

  const outcomeRow = (outcome: Outcome) => rows.decided.find((r) => r.dimension === 'outcome' && r.outcome === outcome);
  const approvedRow = outcomeRow('approved');
  const deniedRow = outcomeRow('denied');
  const decidedRows = [approvedRow, deniedRow].filter((r): r is DecidedGroupRow => !!r);
  const sum = (pick: (r: DecidedGroupRow) => number) => decidedRows.reduce((s, r) => s + pick(r), 0);
  const withDueDate = sum((r) => r.withDueDate);
  const onTime = sum((r) => r.onTime);

  // Ties by key, then by label (refusals by written reason share the key 'decision_note').
  const byCount = <T extends { count: number; key: string; label: string }>(a: T, b: T) =>
    b.count - a.count || a.key.localeCompare(b.key) || a.label.localeCompare(b.label);

  const approvals: ApprovalReasonItem[] = rows.decided
    .filter((r) => r.dimension === 'terminationReason' && r.outcome === 'approved')
    .map((r) => {
      const key = r.key ?? UNKNOWN;
      return {
        key,
        label: terminationReasonLabel(key),
        count: r.count,
        totalMonthlyBenefit: r.monthlyBenefit,
        totalBenefitMonths: r.benefitMonths,
      };
    })
    .sort(byCount);

  const refusals: RefusalReasonItem[] = rows.decided
    .filter((r) => r.dimension === 'refusalReason' && r.outcome === 'denied')
    .map((r): RefusalReasonItem => {
      const key = r.key ?? UNKNOWN;
      if (key === DECISION_NOTE_REASON) {
        const note = r.note ?? '';
        return { key, label: note ? `Lý do khác: ${note}` : 'Lý do khác (không ghi)', count: r.count, note };
      }
      return { key, label: refusalReasonLabel(key), count: r.count };
    })
    .sort(byCount);

  const intake: CountItem[] = rows.intakeRefusals
    .map((r) => ({ key: r.reason, label: r.reason, count: r.count }))
    .sort(byCount);

  return {
    period,
    centerCode,
    generatedAt,
    filed: {
      total: filed('total')[0]?.count ?? 0,
      byStatus: fixed('status', DOSSIER_STATUSES, STATUS_LABELS),
      byChannel: fixed('channel', CHANNELS, CHANNEL_LABELS),
      byCenter: centerItems,
      byMonth: monthsOf(period).map((month) => ({
        key: month,
        label: monthLabel(month),
        count: countOf('month', month),
      })),
    },
    flow: {
      received: rows.received,
      decided: (approvedRow?.count ?? 0) + (deniedRow?.count ?? 0),
      approved: approvedRow?.count ?? 0,
      denied: deniedRow?.count ?? 0,
      rejectedAtIntake: intake.reduce((s, r) => s + r.count, 0),
    },
    timeliness: {
      decidedWithDueDate: withDueDate,
      decidedOnTime: onTime,
      onTimeRate: withDueDate ? onTime / withDueDate : null,
      averageWorkingDaysToDecision: averageWorkingDays(rows.spans, calendar),
    },
    decisions: {
      approvalsByTerminationReason: approvals,
      refusalsByReason: refusals,
      intakeRefusalsByReason: intake,
    },
    benefits: {
      approved: approvedRow?.count ?? 0,
      totalMonthlyBenefit: approvedRow?.monthlyBenefit ?? 0,
      totalBenefitMonths: approvedRow?.benefitMonths ?? 0,
      totalBenefitAmount: approvedRow?.benefitAmount ?? 0,
    },
    applicants: {
      byAgeBand: fixed('ageBand', AGE_BANDS, AGE_BAND_LABELS),
      bySex: fixed('sex', SEXES, SEX_LABELS),
      byProvince: filed('province')
        .map((r) => ({
          key: r.key ?? UNKNOWN,
          label: r.key ? (r.label ?? r.key) : 'Không rõ nơi ở',
          count: r.count,
        }))
        .sort(byCount),
    },
    topEmployers: rows.employers.slice(0, TOP_EMPLOYERS),
  };
}

export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `Tháng ${m}/${year}`;
}
