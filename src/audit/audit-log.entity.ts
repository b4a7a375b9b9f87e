import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One link of the append-only, hash-chained audit log (table `audit_log`, partitioned by month on `occurred_at`; the
 * entity maps the parent table). Rows are written only by AuditLogRepository.append, whose one statement also moves
 * the chain head; UPDATE, DELETE and TRUNCATE are refused by triggers.
 */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  /** bigint from a sequence; with `occurred_at` the primary key of the partitioned table. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  @PrimaryColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_type', type: 'text', nullable: false })
  actorType: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ name: 'action', type: 'text', nullable: false })
  action: string;

  @Column({ name: 'entity_type', type: 'text', nullable: false })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text', nullable: false })
  entityId: string;

  /** The entry's details, hashed in canonical JSON (AuditEntry.data). */
  @Column({ name: 'data', type: 'jsonb', nullable: false, default: () => "'{}'::jsonb" })
  data: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: false })
  prevHash: string;

  @Column({ name: 'hash', type: 'char', length: 64, nullable: false })
  hash: string;
}
