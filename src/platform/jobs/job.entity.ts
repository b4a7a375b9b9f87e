import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JobStatus = 'pending' | 'held' | 'done' | 'dead';

/** What a queue's handler receives: each queue defines its own fields (documents.issue, portal.deliver, …). */
export type JobPayload = Record<string, unknown>;

/**
 * One unit of background work (table `job`, migration 1764810000000-jobs). The store (job.store.ts) reads and writes
 * it with hand-written statements: claims with FOR UPDATE SKIP LOCKED, leases in database time, outcomes fenced on
 * the attempt count. The entity says what the table is.
 */
@Entity({ name: 'job' })
export class JobEntity {
  /** bigserial: node-postgres gives it as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'queue', type: 'text', nullable: false })
  queue: string;

  /** Jobs of one key in a queue run one at a time, in id order. */
  @Column({ name: 'key', type: 'text', nullable: true })
  key: string | null;

  /** A second enqueue with the same dedupe key in the queue is a no-op. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'payload', type: 'jsonb', nullable: false, default: () => "'{}'" })
  payload: JobPayload;

  @Column({ name: 'status', type: 'text', nullable: false, default: 'pending' })
  status: JobStatus;

  /** Set exactly when the job is `held`: what it waits for. */
  @Column({ name: 'hold', type: 'text', nullable: true })
  hold: string | null;

  @Column({ name: 'attempts', type: 'integer', nullable: false, default: 0 })
  attempts: number;

  @Column({ name: 'run_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  runAt: Date;

  /** The lease of the attempt under way. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}
