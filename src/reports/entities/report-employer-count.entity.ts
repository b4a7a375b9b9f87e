import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PeriodSummary } from './report-grain';

/**
 * Dossiers by last employer, center (or '*' province-wide) and day or month. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_employer_count`.
 */
@Entity({ name: 'report_employer_count' })
export class ReportEmployerCountEntity extends PeriodSummary {
  /** The employer's grouping key (tax code, or the normalised name). */
  @PrimaryColumn({ name: 'key', type: 'text' })
  key: string;

  @Column({ name: 'tax_code', type: 'text', nullable: true })
  taxCode: string | null;

  /** The name as written on the dossier. */
  @PrimaryColumn({ name: 'name', type: 'text' })
  name: string;
}
