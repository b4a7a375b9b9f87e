import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentAccount } from './social-insurance-event';

/** A citizen's correction of the payment account (table `payment_account_change`); the latest is the current one. */
@Entity({ name: 'payment_account_change' })
export class PaymentAccountChangeEntity {
  /** bigserial: node-postgres reads it as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: false })
  dossierId: string;

  @Column({ type: 'jsonb', nullable: false })
  account: PaymentAccount;

  /** The failed months asked of the office again with the corrected account. */
  @Column({ name: 'retry_months', type: 'integer', array: true, nullable: false, default: () => `'{}'` })
  retryMonths: number[];

  @Column({ name: 'changed_by', type: 'text', nullable: false })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  changedAt: Date;
}
