import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A monthly report draft awaiting the Director (table `indicator_report`); its PDF and XLSX are in the object store. */
@Entity({ name: 'indicator_report' })
export class IndicatorReportEntity {
  /** YYYY-MM. */
  @PrimaryColumn({ name: 'month', type: 'char', length: 7 })
  month: string;

  @Column({ name: 'status', type: 'text', nullable: false, default: 'draft' })
  status: 'draft';

  @Column({ name: 'pdf_key', type: 'text', nullable: false })
  pdfKey: string;

  /** Hex SHA-256 of the PDF. */
  @Column({ name: 'pdf_sha256', type: 'char', length: 64, nullable: false })
  pdfSha256: string;

  @Column({ name: 'xlsx_key', type: 'text', nullable: false })
  xlsxKey: string;

  @Column({ name: 'prepared_at', type: 'timestamptz', nullable: false })
  preparedAt: Date;
}
