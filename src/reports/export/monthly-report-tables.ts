import { ReportSummary } from '../domain/report-summary';
import { ColumnKind, ReportColumn, ReportTable, tableWithTotals } from './report-table';

const COUNT: ReportColumn = { header: 'Số hồ sơ', kind: 'count', width: 14 };
const ORDINAL = (header: string, width = 48): ReportColumn => ({ header, kind: 'text', width });

/**
 * The monthly report (báo cáo tháng) as tables with Vietnamese headers: key indicators, then one table per
 * breakdown, each with a "Tổng cộng" row. Pure: the same tables feed XLSX, CSV and JSON.
 */
export function monthlyReportTables(summary: ReportSummary): ReportTable[] {
  const s = summary;
  const indicators: ReportTable = {
    sheet: 'Chỉ tiêu chính',
    title: 'Các chỉ tiêu chính',
    columns: [ORDINAL('Chỉ tiêu', 60), { header: 'Giá trị', kind: 'decimal', width: 20 }, ORDINAL('Đơn vị', 14)],
    rows: [
      ['Số hồ sơ nộp trong kỳ', s.filed.total, 'hồ sơ'],
      ['Số hồ sơ được tiếp nhận trong kỳ', s.flow.received, 'hồ sơ'],
      ['Số hồ sơ bị từ chối tiếp nhận trong kỳ', s.flow.rejectedAtIntake, 'hồ sơ'],
      ['Số hồ sơ đã có quyết định trong kỳ', s.flow.decided, 'hồ sơ'],
      ['– trong đó: quyết định hưởng', s.flow.approved, 'hồ sơ'],
      ['– trong đó: không được hưởng', s.flow.denied, 'hồ sơ'],
      ['Số hồ sơ giải quyết đúng hạn', s.timeliness.decidedOnTime, 'hồ sơ'],
      ['Tỷ lệ giải quyết đúng hạn', s.timeliness.onTimeRate, '%'],
      [
        'Số ngày làm việc bình quân từ tiếp nhận đến quyết định',
        s.timeliness.averageWorkingDaysToDecision,
        'ngày làm việc',
      ],
      ['Tổng mức hưởng hằng tháng của các quyết định hưởng', s.benefits.totalMonthlyBenefit, 'đồng'],
      ['Tổng số tháng hưởng của các quyết định hưởng', s.benefits.totalBenefitMonths, 'tháng'],
      ['Tổng số tiền trợ cấp theo các quyết định hưởng', s.benefits.totalBenefitAmount, 'đồng'],
    ],
    totals: null,
    cellKinds: [
      ...Array<(ColumnKind | null)[]>(7).fill([null, 'count', null]),
      [null, 'percent', null],
      [null, 'decimal', null],
      [null, 'money', null],
      [null, 'months', null],
      [null, 'money', null],
    ],
  };
  const counts = (sheet: string, title: string, first: string, items: { label: string; count: number }[]) =>
    tableWithTotals(
      sheet,
      title,
      [ORDINAL(first), COUNT],
      items.map((i) => [i.label, i.count]),
    );

  return [
    indicators,
    counts('Theo trạng thái', 'Hồ sơ nộp trong kỳ theo trạng thái hiện tại', 'Trạng thái', s.filed.byStatus),
    counts('Theo kênh nộp', 'Hồ sơ nộp trong kỳ theo kênh nộp', 'Kênh nộp', s.filed.byChannel),
    tableWithTotals(
      'Theo trung tâm',
      'Hồ sơ nộp trong kỳ theo trung tâm dịch vụ việc làm',
      [ORDINAL('Mã trung tâm', 14), ORDINAL('Tên trung tâm', 56), COUNT],
      s.filed.byCenter.map((c) => [c.key, c.label, c.count]),
    ),
    tableWithTotals(
      'Quyết định hưởng',
      'Quyết định hưởng theo lý do chấm dứt hợp đồng',
      [
        ORDINAL('Lý do chấm dứt hợp đồng lao động'),
        COUNT,
        { header: 'Tổng mức hưởng hằng tháng (đồng)', kind: 'money', width: 24 },
        { header: 'Tổng số tháng hưởng', kind: 'months', width: 14 },
      ],
      s.decisions.approvalsByTerminationReason.map((r) => [
        r.label,
        r.count,
        r.totalMonthlyBenefit,
        r.totalBenefitMonths,
      ]),
    ),
    counts('Không được hưởng', 'Quyết định không được hưởng theo lý do', 'Lý do', s.decisions.refusalsByReason),
    counts('Từ chối tiếp nhận', 'Từ chối tiếp nhận hồ sơ theo lý do', 'Lý do', s.decisions.intakeRefusalsByReason),
    counts('Theo độ tuổi', 'Người nộp hồ sơ theo độ tuổi (tại ngày nộp)', 'Độ tuổi', s.applicants.byAgeBand),
    counts('Theo giới tính', 'Người nộp hồ sơ theo giới tính', 'Giới tính', s.applicants.bySex),
    counts(
      'Theo tỉnh cư trú',
      'Người nộp hồ sơ theo tỉnh, thành phố nơi ở hiện tại',
      'Tỉnh, thành phố',
      s.applicants.byProvince,
    ),
    tableWithTotals(
      'Doanh nghiệp',
      `${s.topEmployers.length} đơn vị sử dụng lao động có nhiều hồ sơ nhất`,
      [ORDINAL('Mã số thuế', 16), ORDINAL('Tên đơn vị sử dụng lao động', 56), COUNT],
      s.topEmployers.map((e) => [e.taxCode ?? '', e.name, e.count]),
    ),
  ];
}
