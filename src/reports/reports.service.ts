import { Inject, Injectable } from '@nestjs/common';
import { LegalContextService } from '../eligibility/legal-context.service';
import { CLOCK, Clock } from '../platform/clock/clock';
import { DomainError } from '../platform/errors/domain-error';
import { ReportPeriod, monthPeriod, validatePeriod } from './domain/report-period';
import { ReportReader, resolveReportScope } from './domain/report-scope';
import { ReportSummary, buildSummary } from './domain/report-summary';
import { MonthlyQueryDto } from './dto/monthly-query.dto';
import { SummaryQueryDto } from './dto/summary-query.dto';
import { writeCsvReport } from './export/csv-report.writer';
import { monthlyReportTables } from './export/monthly-report-tables';
import { CONTENT_TYPES, ReportFile, reportFileName } from './export/report-file';
import { reportHeading } from './export/report-heading';
import { writeXlsxReport } from './export/xlsx-report.writer';
import { ReportsRepository } from './reports.repository';

/** The summary and the monthly report, scoped to what the caller may read. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly legal: LegalContextService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async summary(query: SummaryQueryDto, reader: ReportReader): Promise<ReportSummary> {
    const errors = validatePeriod(query.from, query.to);
    if (errors.length) throw DomainError.validation(errors, 'Khoảng thời gian báo cáo không hợp lệ.');
    return this.summaryFor({ from: query.from, to: query.to }, await this.scope(reader, query.centerCode));
  }

  async monthly(query: MonthlyQueryDto, reader: ReportReader): Promise<ReportFile> {
    const centerCode = await this.scope(reader, query.centerCode);
    const format = query.format ?? 'xlsx';
    const summary = await this.summaryFor(monthPeriod(query.month), centerCode);
    const tables = monthlyReportTables(summary);
    const scopeName = centerCode
      ? (summary.filed.byCenter.find((c) => c.key === centerCode)?.label ?? centerCode)
      : 'toàn tỉnh';
    const heading = reportHeading(query.month, summary.period, scopeName, summary.generatedAt);
    const fileName = reportFileName(query.month, centerCode, format);
    switch (format) {
      case 'xlsx':
        return {
          fileName,
          contentType: CONTENT_TYPES.xlsx,
          disposition: 'attachment',
          body: await writeXlsxReport(tables, heading, summary.generatedAt),
        };
      case 'csv':
        return {
          fileName,
          contentType: CONTENT_TYPES.csv,
          disposition: 'attachment',
          body: writeCsvReport(tables, heading),
        };
      case 'json':
        return {
          fileName,
          contentType: CONTENT_TYPES.json,
          body: JSON.stringify({ month: query.month, ...heading, summary, tables }),
        };
    }
  }

  /** The figures of one period for one center or (null) the whole province; no access check. */
  async summaryFor(period: ReportPeriod, centerCode: string | null): Promise<ReportSummary> {
    const [rows, { calendar }] = await Promise.all([
      this.repository.summaryRows(period, centerCode),
      this.legal.current(),
    ]);
    return buildSummary(period, centerCode, rows, calendar, this.clock.now().toISOString());
  }

  private async scope(reader: ReportReader, requested: string | undefined): Promise<string | null> {
    const centerCode = resolveReportScope(reader, requested);
    // A center head's center comes from the account; a center named by province staff must exist.
    if (centerCode && reader.role !== 'center_head' && !(await this.repository.centerExists(centerCode))) {
      throw DomainError.validation([
        { field: 'centerCode', code: 'unknown_center', message: 'Không có trung tâm dịch vụ việc làm với mã này.' },
      ]);
    }
    return centerCode;
  }
}
