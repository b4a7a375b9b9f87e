import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PeriodSummary } from './report-grain';

/**
 * Decisions, by center, day or month, outcome and one dimension at a time, with the on-time counts and the benefit sums. Kept by triggers in the transaction of each change (migration 1765700000000);
 * the reports read it with aggregate SQL (ReportsRepository). Table `report_decided_count`.
 */
@Entity({ name: 'report_decided_count' })
export class ReportDecidedCountEntity extends PeriodSummary {
  /** 'approved' or 'denied'. */
  @PrimaryColumn({ name: 'outcome', type: 'text' })
  outcome: string;

  @PrimaryColumn({ name: 'dimension', type: 'text' })
  dimension: string;

  @Column({ name: 'key', type: 'text', nullable: true })
  key: string | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'on_time', type: 'integer', nullable: false })
  onTime: number;

  @Column({ name: 'with_due_date', type: 'integer', nullable: false })
  withDueDate: number;

  /** numeric, read as a string. */
  @Column({ name: 'monthly_benefit', type: 'numeric', nullable: false })
  monthlyBenefit: string;

  /** numeric, read as a string. */
  @Column({ name: 'benefit_months', type: 'numeric', nullable: false })
  benefitMonths: string;

  /** numeric, read as a string. */
  @Column({ name: 'benefit_amount', type: 'numeric', nullable: false })
  benefitAmount: string;
}
