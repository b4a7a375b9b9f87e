import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { PaymentReportDto } from '../../social-insurance/dto/payment-report.dto';

/**
 * One payment attempt of the sandbox social insurance office (table `sandbox_social_insurance_payment`), with the
 * report it sends back to the service and whether the service has taken it.
 */
@Entity({ name: 'sandbox_social_insurance_payment' })
@Unique(['dossierCode', 'month', 'attempt'])
export class SandboxSocialInsurancePaymentEntity {
  @PrimaryColumn({ name: 'report_id', type: 'text' })
  reportId: string;

  @Column({ name: 'dossier_code', type: 'text', nullable: false })
  dossierCode: string;

  @Column({ name: 'month', type: 'integer', nullable: false })
  month: number;

  @Column({ name: 'attempt', type: 'integer', nullable: false })
  attempt: number;

  @Column({ name: 'status', type: 'text', nullable: false })
  status: 'paid' | 'failed';

  @Column({ name: 'reported', type: 'boolean', nullable: false, default: false })
  reported: boolean;

  /** The body of `POST /api/v1/social-insurance/payments` for this attempt. */
  @Column({ name: 'body', type: 'jsonb', nullable: false })
  body: PaymentReportDto;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  createdAt: Date;
}
