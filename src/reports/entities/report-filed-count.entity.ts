import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PeriodSummary } from './report-grain';

/**
 * Dossiers filed, by center, day or month and one dimension (status, channel, age band, sex, province) at a time. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_filed_count`.
 */
@Entity({ name: 'report_filed_count' })
export class ReportFiledCountEntity extends PeriodSummary {
  @PrimaryColumn({ name: 'dimension', type: 'text' })
  dimension: string;

  @Column({ name: 'key', type: 'text', nullable: true })
  key: string | null;

  /** A label kept with the key (e.g. the province name). */
  @Column({ name: 'detail', type: 'text', nullable: true })
  detail: string | null;
}
