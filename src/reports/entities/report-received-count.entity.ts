import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReportGrain } from './report-grain';

/**
 * Dossiers received, by center and day or month. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_received_count`.
 */
@Entity({ name: 'report_received_count' })
export class ReportReceivedCountEntity {
  @PrimaryColumn({ name: 'center_code', type: 'text' })
  centerCode: string;

  /** 'd' a day row, 'm' a month row. */
  @PrimaryColumn({ name: 'grain', type: 'char', length: 1 })
  grain: ReportGrain;

  /** The day, or the first day of the month (YYYY-MM-DD). */
  @PrimaryColumn({ name: 'period', type: 'date' })
  period: string;

  @Column({ name: 'count', type: 'integer', nullable: false })
  count: number;
}
