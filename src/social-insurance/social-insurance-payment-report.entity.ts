import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A payment report as the office sent it (canonical form; its SHA-256 tells a repeat from a different report). */
export interface PaymentReportBody {
  reportId: string;
  dossierCode: string;
  personalId: string;
  month: number;
  amount: number;
  status: 'paid' | 'failed';
  /** `YYYY-MM-DD`, when paid. */
  paidAt?: string;
  /** NFC, when failed. */
  failureReason?: string;
}

/** Every payment report of the office, keyed by its own report id (table `social_insurance_payment_report`). */
@Entity({ name: 'social_insurance_payment_report' })
export class SocialInsurancePaymentReportEntity {
  @PrimaryColumn({ name: 'report_id', type: 'text' })
  reportId: string;

  @Column({ name: 'client_id', type: 'text', nullable: false })
  clientId: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: false })
  dossierId: string;

  @Column({ type: 'integer', nullable: false })
  month: number;

  @Column({ name: 'body_sha256', type: 'text', nullable: false })
  bodySha256: string;

  @Column({ type: 'jsonb', nullable: false })
  body: PaymentReportBody;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  receivedAt: Date;
}
