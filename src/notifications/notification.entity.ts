import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationChannel, NotificationStatus } from './notification.repository';

/** An e-mail or SMS the service sent or tried to send, with its text and delivery status (table `notification`). */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id: string;

  /** The citizen's personal id; `admin` for the alerts to administrators. */
  @Column({ name: 'personal_id', type: 'text', nullable: false })
  personalId: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: true })
  dossierId: string | null;

  @Column({ name: 'channel', type: 'text', nullable: false })
  channel: NotificationChannel;

  @Column({ name: 'template', type: 'text', nullable: false })
  template: string;

  /** Makes a repeated notification a no-op (unique). */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true, unique: true })
  dedupeKey: string | null;

  @Column({ name: 'recipient', type: 'text', nullable: false })
  recipient: string;

  @Column({ name: 'subject', type: 'text', nullable: true })
  subject: string | null;

  @Column({ name: 'body', type: 'text', nullable: false })
  body: string;

  /** SMS only. */
  @Column({ name: 'encoding', type: 'text', nullable: true })
  encoding: 'gsm7' | 'ucs2' | null;

  /** SMS only. */
  @Column({ name: 'segments', type: 'integer', nullable: true })
  segments: number | null;

  @Column({ name: 'status', type: 'text', nullable: false, default: 'queued' })
  status: NotificationStatus;

  @Column({ name: 'attempts', type: 'integer', nullable: false, default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
