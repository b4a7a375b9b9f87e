import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { RegistrySource } from '../http/registry-http-client';
import { DataAccessActorType } from './data-access-labels';

/**
 * One read of a national registry about one person, with who read it and why (table `data_access_log`, partitioned
 * by month on `occurred_at`; the entity maps the parent table). Append-only.
 */
@Entity({ name: 'data_access_log' })
export class DataAccessLogEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id: string;

  /** Set by the database (`now()`); with `id` the primary key of the partitioned table. */
  @PrimaryColumn({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()', insert: false, update: false })
  occurredAt: Date;

  @Column({ name: 'subject_personal_id', type: 'char', length: 12, nullable: false })
  subjectPersonalId: string;

  @Column({ name: 'actor_type', type: 'text', nullable: false })
  actorType: DataAccessActorType;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ name: 'source', type: 'text', nullable: false })
  source: RegistrySource;

  /** A DataAccessPurpose code (stored as given: a code unknown to this version is still listed). */
  @Column({ name: 'purpose', type: 'text', nullable: false })
  purpose: string;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
