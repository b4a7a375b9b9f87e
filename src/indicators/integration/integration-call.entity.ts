import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IntegrationSystem } from './integration-systems';

/** One call to a national system, with its outcome and duration (table `integration_call`); append-only. */
@Entity({ name: 'integration_call' })
export class IntegrationCallEntity {
  /** bigserial: node-postgres gives a bigint as a string. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  @Column({ name: 'system', type: 'text', nullable: false })
  system: IntegrationSystem;

  @Column({ name: 'operation', type: 'text', nullable: false })
  operation: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: false })
  occurredAt: Date;

  @Column({ name: 'duration_ms', type: 'integer', nullable: false })
  durationMs: number;

  @Column({ name: 'ok', type: 'boolean', nullable: false })
  ok: boolean;

  /** The failure's message (at most 500 characters); null for a successful call. */
  @Column({ name: 'error', type: 'text', nullable: true })
  error: string | null;
}
