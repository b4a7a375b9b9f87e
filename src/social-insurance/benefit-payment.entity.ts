import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VND_AMOUNT } from '../platform/database/column-transformers';
import type { PaymentStatus } from './payments.repository';

/**
 * One benefit month as the provincial social insurance office pays it (table `benefit_payment`): `pending` from the
 * approval until the office reports it paid or failed.
 */
@Entity({ name: 'benefit_payment' })
export class BenefitPaymentEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @PrimaryColumn({ type: 'integer' })
  month: number;

  @Column({ name: 'dossier_code', type: 'text', nullable: false })
  dossierCode: string;

  @Column({ name: 'personal_id', type: 'text', nullable: false })
  personalId: string;

  /** `YYYY-MM-DD`, like the other dates. */
  @Column({ name: 'period_from', type: 'date', nullable: false })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date', nullable: false })
  periodTo: string;

  /** Whole VND. */
  @Column({ type: 'bigint', nullable: false, transformer: VND_AMOUNT })
  amount: number;

  @Column({ type: 'text', nullable: false })
  status: PaymentStatus;

  @Column({ name: 'paid_at', type: 'date', nullable: true })
  paidAt: string | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  /** The office's report that set the current status. */
  @Column({ name: 'last_report_id', type: 'text', nullable: true })
  lastReportId: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  updatedAt: Date;
}
