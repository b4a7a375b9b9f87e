import { Entity, PrimaryColumn } from 'typeorm';
import { PeriodSummary } from './report-grain';

/**
 * Dossiers refused at intake, by center, day or month and reason. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_intake_refusal_count`.
 */
@Entity({ name: 'report_intake_refusal_count' })
export class ReportIntakeRefusalCountEntity extends PeriodSummary {
  @PrimaryColumn({ name: 'reason', type: 'text' })
  reason: string;
}
