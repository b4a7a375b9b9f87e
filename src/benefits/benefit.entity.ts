import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VND_AMOUNT } from '../platform/database/column-transformers';
import type { StoredBenefitStatus } from './domain/benefit-period';

/** The benefit of an approved dossier whose result was returned (table `benefit`, migration 1765300000000). */
@Entity({ name: 'benefit' })
export class BenefitEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @Column({ name: 'center_code', type: 'text', nullable: false })
  centerCode: string;

  @Column({ name: 'personal_id', type: 'char', length: 12, nullable: false })
  personalId: string;

  /** Stored status; `not_started` and `completed` are derived from the dates (domain/benefit-period). */
  @Column({ type: 'text', nullable: false })
  status: StoredBenefitStatus;

  @Column({ name: 'monthly_benefit', type: 'bigint', nullable: false, transformer: VND_AMOUNT })
  monthlyBenefit: number;

  @Column({ name: 'benefit_months', type: 'integer', nullable: false })
  benefitMonths: number;

  @Column({ name: 'reserved_after_benefit', type: 'integer', nullable: false, default: 0 })
  reservedAfterBenefit: number;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'result_returned_on', type: 'date', nullable: false })
  resultReturnedOn: string;

  /** One of TERMINATION_REASONS (domain/benefit-period) once terminated; the column itself is free text. */
  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  terminationReason: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'termination_effective_date', type: 'date', nullable: true })
  terminationEffectiveDate: string | null;

  @Column({ name: 'reserved_months', type: 'integer', nullable: true })
  reservedMonths: number | null;

  @Column({ name: 'terminated_at', type: 'timestamptz', nullable: true })
  terminatedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  updatedAt: Date;
}
