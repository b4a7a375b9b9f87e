import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Runtime } from '../../platform/embedded/runtime';
import { RUNTIME } from '../../platform/platform.module';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { sql } from '../../platform/database/sql';
import { DomainError } from '../../platform/errors/domain-error';
import { OBJECT_STORE, ObjectStore } from '../../platform/storage/object-store.port';
import { kpiRow } from '../domain/open-data';
import { IndicatorsService, MONTH_PATTERN, monthRange, previousMonth } from '../indicators.service';
import { IndicatorReportEntity } from './indicator-report.entity';
import { REPORT_TITLE, renderMonthlyReportPdf } from './monthly-report.pdf';
import { renderMonthlyReportXlsx } from './monthly-report.xlsx';

/** Units report to the Provincial People's Committee by the 13th: the draft of the previous month is prepared then. */
export const REPORT_DAY = 13;

export interface MonthlyReportEntry {
  month: string;
  status: 'draft';
  preparedAt: string;
  pdfSha256: string;
  pdfUrl: string;
  xlsxUrl: string;
}

/**
 * The monthly report (issue #22): on the 13th a draft of the previous month's indicators, as a PDF in the Nghị định
 * 30 form and an XLSX, kept in the object store for the Director to review and sign. Past reports stay listed; a
 * month is prepared once (a repeated run, on any instance, keeps the first draft).
 */
@Injectable()
export class MonthlyReportService {
  private readonly logger = new Logger('monthly-report');

  constructor(
    @InjectRepository(IndicatorReportEntity) private readonly reports: Repository<IndicatorReportEntity>,
    private readonly indicators: IndicatorsService,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Scheduled daily: from the 13th on, the previous month's draft when it is not there yet. */
  async prepareDue(today: string): Promise<string | null> {
    if (Number(today.slice(8, 10)) < REPORT_DAY) return null;
    const month = previousMonth(today);
    if (await this.row(month)) return null;
    await this.prepare(month);
    this.logger.log(`monthly report ${month} prepared`);
    return month;
  }

  /** Prepares (or returns the existing draft of) a finished month. */
  async prepare(month: string): Promise<MonthlyReportEntry> {
    if (!MONTH_PATTERN.test(month) || month >= this.clock.today().slice(0, 7))
      throw DomainError.validation([
        { field: 'month', code: 'out_of_range', message: 'Chỉ lập báo cáo cho tháng đã kết thúc (YYYY-MM).' },
      ]);
    const existing = await this.row(month);
    if (existing) return this.entry(existing);
    const figures = await this.indicators.month(month);
    const preparedAt = this.clock.now();
    const base = this.runtime.config.publicBaseUrl.replace(/\/+$/, '');
    const pdf = await renderMonthlyReportPdf({
      month: figures,
      lastDay: monthRange(month).lastDay,
      issuer: this.runtime.config.issuer,
      preparedAt,
      url: `${base}/api/v1/indicator-reports/${month}/pdf`,
    });
    const rows = [
      kpiRow(month, null, figures.province),
      ...figures.centers.map((c) => kpiRow(month, { code: c.centerCode, name: c.centerName }, c.indicators)),
    ];
    const xlsx = await renderMonthlyReportXlsx(`${REPORT_TITLE} tháng ${month.slice(5)}/${month.slice(0, 4)}`, rows);
    const pdfKey = `indicator-reports/${month}/bao-cao-${month}.pdf`;
    const xlsxKey = `indicator-reports/${month}/bao-cao-${month}.xlsx`;
    await this.store.put(pdfKey, pdf, 'application/pdf');
    await this.store.put(xlsxKey, xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // A concurrent run on another instance may have written the month meanwhile: the first draft stays.
    await sql.run(
      this.reports.manager,
      `INSERT INTO indicator_report (month, status, pdf_key, pdf_sha256, xlsx_key, prepared_at)
       VALUES ($1, 'draft', $2, $3, $4, $5) ON CONFLICT (month) DO NOTHING`,
      [month, pdfKey, createHash('sha256').update(pdf).digest('hex'), xlsxKey, preparedAt],
    );
    return this.entry((await this.row(month))!);
  }

  async list(): Promise<MonthlyReportEntry[]> {
    const rows = await this.reports.find({ order: { month: 'DESC' } });
    return rows.map((r) => this.entry(r));
  }

  async file(month: string, kind: 'pdf' | 'xlsx'): Promise<{ body: Buffer; contentType: string; fileName: string }> {
    const row = MONTH_PATTERN.test(month) ? await this.row(month) : undefined;
    if (!row) throw DomainError.notFound('Chưa có báo cáo của tháng này.');
    return kind === 'pdf'
      ? { body: await this.store.get(row.pdfKey), contentType: 'application/pdf', fileName: `bao-cao-${month}.pdf` }
      : {
          body: await this.store.get(row.xlsxKey),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          fileName: `bao-cao-${month}.xlsx`,
        };
  }

  private async row(month: string): Promise<IndicatorReportEntity | undefined> {
    return (await this.reports.findOneBy({ month })) ?? undefined;
  }

  private entry(r: IndicatorReportEntity): MonthlyReportEntry {
    return {
      month: r.month,
      status: r.status,
      preparedAt: r.preparedAt.toISOString(),
      pdfSha256: r.pdfSha256,
      pdfUrl: `/api/v1/indicator-reports/${r.month}/pdf`,
      xlsxUrl: `/api/v1/indicator-reports/${r.month}/xlsx`,
    };
  }
}
