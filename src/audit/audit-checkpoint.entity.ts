import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed checkpoint of the audit chain head (table `audit_checkpoint`; insert-only for the service). */
@Entity({ name: 'audit_checkpoint' })
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The audit_log id of the newest row the checkpoint covers. */
  @Column({ name: 'last_id', type: 'bigint', nullable: false })
  lastId: string;

  /** How many rows the chain held up to and including `last_id` (bigint, read as a string). */
  @Column({ name: 'row_count', type: 'bigint', nullable: false })
  rowCount: string;

  @Column({ name: 'head_hash', type: 'char', length: 64, nullable: false })
  headHash: string;

  /** The checkpoint as signed (compact JWS, ES256). */
  @Column({ name: 'jws', type: 'text', nullable: false })
  jws: string;
}
