import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SocialInsuranceEvent } from '../../social-insurance/social-insurance-event';

/** An event the sandbox social insurance office received, one row per event ID (`sandbox_social_insurance_event`). */
@Entity({ name: 'sandbox_social_insurance_event' })
export class SandboxSocialInsuranceEventEntity {
  /** bigserial (arrival order): node-postgres gives a string. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  /** The Idempotency-Key, equal to the body's eventId. */
  @Column({ name: 'event_id', type: 'text', nullable: false, unique: true })
  eventId: string;

  @Column({ name: 'personal_id', type: 'text', nullable: false })
  personalId: string;

  @Column({ name: 'dossier_code', type: 'text', nullable: false })
  dossierCode: string;

  @Column({ name: 'type', type: 'text', nullable: false })
  type: string;

  /** The body as sent (the office's contract; the receiver checks the fields it keys on). */
  @Column({ name: 'payload', type: 'jsonb', nullable: false })
  payload: SocialInsuranceEvent;

  @Column({ name: 'deliveries', type: 'integer', nullable: false, default: 1 })
  deliveries: number;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  receivedAt: Date;
}
