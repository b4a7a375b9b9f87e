import { IndicatorSet } from './service-indicators';

/**
 * The open-data row (GET /api/v1/public/kpi): one per scope (the province, then each center) and month. Counts and
 * shares only, never a person, a dossier or a comment. docs/api.md lists the fields; the CSV has the same columns.
 */
export interface KpiRow {
  month: string;
  scope: 'province' | 'center';
  centerCode: string | null;
  centerName: string | null;
  filedTotal: number;
  filedOnline: number;
  filedPortal: number;
  filedCounter: number;
  onlineShare: number | null;
  decided: number;
  decidedOnTime: number;
  onTimeShare: number | null;
  electronicResults: number;
  electronicResultShare: number | null;
  averageWorkingDaysToDecision: number | null;
  p90WorkingDaysToDecision: number | null;
  noticesDue: number;
  noticesOnTime: number;
  noticesOnTimeShare: number | null;
  paymentsDue: number;
  paymentsOnTime: number;
  paymentsOnTimeShare: number | null;
  satisfactionRatings: number;
  satisfactionAverage: number | null;
}

export const KPI_COLUMNS: readonly (keyof KpiRow)[] = [
  'month',
  'scope',
  'centerCode',
  'centerName',
  'filedTotal',
  'filedOnline',
  'filedPortal',
  'filedCounter',
  'onlineShare',
  'decided',
  'decidedOnTime',
  'onTimeShare',
  'electronicResults',
  'electronicResultShare',
  'averageWorkingDaysToDecision',
  'p90WorkingDaysToDecision',
  'noticesDue',
  'noticesOnTime',
  'noticesOnTimeShare',
  'paymentsDue',
  'paymentsOnTime',
  'paymentsOnTimeShare',
  'satisfactionRatings',
  'satisfactionAverage',
];

export function kpiRow(month: string, center: { code: string; name: string } | null, s: IndicatorSet): KpiRow {
  return {
    month,
    scope: center ? 'center' : 'province',
    centerCode: center?.code ?? null,
    centerName: center?.name ?? null,
    filedTotal: s.filed.total,
    filedOnline: s.filed.online,
    filedPortal: s.filed.portal,
    filedCounter: s.filed.counter,
    onlineShare: s.filed.onlineShare,
    decided: s.decided,
    decidedOnTime: s.onTime.count,
    onTimeShare: s.onTime.share,
    electronicResults: s.electronicResult.count,
    electronicResultShare: s.electronicResult.share,
    averageWorkingDaysToDecision: s.averageWorkingDaysToDecision,
    p90WorkingDaysToDecision: s.p90WorkingDaysToDecision,
    noticesDue: s.noticesOnTime.total,
    noticesOnTime: s.noticesOnTime.count,
    noticesOnTimeShare: s.noticesOnTime.share,
    paymentsDue: s.paymentsOnTime.total,
    paymentsOnTime: s.paymentsOnTime.count,
    paymentsOnTimeShare: s.paymentsOnTime.share,
    satisfactionRatings: s.satisfaction.ratings,
    satisfactionAverage: s.satisfaction.average,
  };
}

/** RFC 4180 CSV (CRLF, quoted when needed; a leading =,+,-,@ in text is prefixed with ' against formula injection). */
export function toCsv<T extends object>(columns: readonly (keyof T)[], rows: readonly T[]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
