import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MonthOutcome } from './domain/benefit-period';

/** A month of the benefit with its job-search notice window and what was recorded about it (table `benefit_month`). */
@Entity({ name: 'benefit_month' })
export class BenefitMonthEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  /** 1 = the first benefit month. */
  @PrimaryColumn({ type: 'integer' })
  month: number;

  /** `YYYY-MM-DD`, like the other dates. */
  @Column({ name: 'period_from', type: 'date', nullable: false })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date', nullable: false })
  periodTo: string;

  @Column({ name: 'notice_from', type: 'date', nullable: false })
  noticeFrom: string;

  @Column({ name: 'notice_to', type: 'date', nullable: false })
  noticeTo: string;

  @Column({ type: 'text', nullable: true })
  outcome: MonthOutcome | null;

  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt: Date | null;
}
