import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message the sandbox SMS gateway received (table `sandbox_sms`), deduplicated by Idempotency-Key. */
@Entity({ name: 'sandbox_sms' })
export class SandboxSmsEntity {
  /** bigserial: node-postgres gives a string. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  /** The Idempotency-Key the message came with. */
  @Column({ name: 'message_id', type: 'text', nullable: false, unique: true })
  messageId: string;

  @Column({ name: 'recipient', type: 'text', nullable: false })
  recipient: string;

  @Column({ name: 'text', type: 'text', nullable: false })
  text: string;

  @Column({ name: 'encoding', type: 'text', nullable: true })
  encoding: string | null;

  @Column({ name: 'segments', type: 'integer', nullable: true })
  segments: number | null;

  @Column({ name: 'deliveries', type: 'integer', nullable: false, default: 1 })
  deliveries: number;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  receivedAt: Date;
}
