import { Column, PrimaryColumn } from 'typeorm';

/** The grain of a summary row: 'd' one day, 'm' one calendar month. */
export type ReportGrain = 'd' | 'm';

/**
 * The columns every per-period summary table starts with (center, grain, period) and its count: the entities of
 * report_received_count, report_filed_count, report_decided_count, report_employer_count and
 * report_intake_refusal_count extend it with their own dimensions.
 */
export abstract class PeriodSummary {
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
