import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReportGrain } from './report-grain';

/**
 * Dossiers refused at intake, by center, day or month and reason. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_intake_refusal_count`.
 */
@Entity({ name: 'report_intake_refusal_count' })
export class ReportIntakeRefusalCountEntity {
  @PrimaryColumn({ name: 'center_code', type: 'text' })
  centerCode: string;

  /** 'd' a day row, 'm' a month row. */
  @PrimaryColumn({ name: 'grain', type: 'char', length: 1 })
  grain: ReportGrain;

  /** The day, or the first day of the month (YYYY-MM-DD). */
  @PrimaryColumn({ name: 'period', type: 'date' })
  period: string;

  @PrimaryColumn({ name: 'reason', type: 'text' })
  reason: string;

  @Column({ name: 'count', type: 'integer', nullable: false })
  count: number;
}
