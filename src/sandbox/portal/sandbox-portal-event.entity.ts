import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A status event body as the sandbox portal received it: any JSON object (the sandbox stands in for the portal and
 * keeps what it was sent, well-formed or not, so a test can see it).
 */
export type SandboxPortalPayload = Record<string, unknown>;

/** What the embedded portal sandbox received, one row per Idempotency-Key (table `sandbox_portal_event`). */
@Entity({ name: 'sandbox_portal_event' })
export class SandboxPortalEventEntity {
  /** bigserial (arrival order): node-postgres gives a string. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  @Column({ name: 'idempotency_key', type: 'text', nullable: false, unique: true })
  idempotencyKey: string;

  @Column({ name: 'dossier_code', type: 'text', nullable: true })
  dossierCode: string | null;

  @Column({ name: 'payload', type: 'jsonb', nullable: false })
  payload: SandboxPortalPayload;

  /** How many times the key arrived (at-least-once delivery). */
  @Column({ name: 'deliveries', type: 'integer', nullable: false, default: 1 })
  deliveries: number;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  receivedAt: Date;

  @Column({ name: 'last_received_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  lastReceivedAt: Date;
}
