import { Column, Entity, PrimaryColumn } from 'typeorm';

export type BenefitCountKind = 'notices' | 'suspensions' | 'resumptions' | 'terminations';

/**
 * Notices and decided proposals counted by day and center (table `report_benefit_count`), kept by the triggers of
 * migration 1765700000000 on `job_search_notice` and `benefit_proposal`; the application only reads it.
 */
@Entity({ name: 'report_benefit_count' })
export class ReportBenefitCountEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'center_code', type: 'text' })
  centerCode: string;

  @PrimaryColumn({ type: 'text' })
  kind: BenefitCountKind;

  @Column({ type: 'integer', nullable: false })
  count: number;
}
