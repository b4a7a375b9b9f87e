import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { sql } from '../platform/database/sql';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationEntity } from './notification.entity';

export type NotificationChannel = 'email' | 'sms';
export type NotificationStatus = 'queued' | 'retrying' | 'sent' | 'failed';

export interface NotificationRow {
  id: string;
  personalId: string;
  dossierId: string | null;
  channel: NotificationChannel;
  template: string;
  recipient: string;
  subject: string | null;
  body: string;
  encoding: 'gsm7' | 'ucs2' | null;
  segments: number | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  /** null: the deployment's default (`SMS_UNACCENTED`). */
  smsUnaccented: boolean | null;
}

/** Tables `notification` (what was sent, or tried) and `notification_preference`. */
@Injectable()
export class NotificationRepository {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectRepository(NotificationPreferenceEntity)
    private readonly preferenceRows: Repository<NotificationPreferenceEntity>,
  ) {}

  /**
   * False when `dedupeKey` was already used (the notification exists). One statement with the caller's transaction:
   * the conflict on the unique key is the answer.
   */
  async insert(
    em: EntityManager,
    row: Omit<NotificationRow, 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'> & {
      dedupeKey: string | null;
    },
  ): Promise<boolean> {
    const rows = await sql.rows<{ id: string }>(
      em,
      `INSERT INTO notification (id, personal_id, dossier_id, channel, template, dedupe_key, recipient, subject, body,
         encoding, segments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        row.id,
        row.personalId,
        row.dossierId,
        row.channel,
        row.template,
        row.dedupeKey,
        row.recipient,
        row.subject,
        row.body,
        row.encoding,
        row.segments,
      ],
    );
    return rows.length > 0;
  }

  async find(id: string): Promise<NotificationRow | undefined> {
    const row = await this.notifications.findOneBy({ id });
    return row ? toRow(row) : undefined;
  }

  async markSent(id: string, attempts: number): Promise<void> {
    await this.notifications.update({ id }, { status: 'sent', sentAt: () => 'now()', attempts, lastError: null });
  }

  async markFailure(id: string, attempts: number, error: string, final: boolean): Promise<void> {
    await this.notifications.update(
      { id, status: Not('sent') },
      { status: final ? 'failed' : 'retrying', attempts, lastError: error.slice(0, 1000) },
    );
  }

  /** Newest first. */
  async forPerson(personalId: string, limit: number): Promise<NotificationRow[]> {
    const rows = await this.notifications.find({
      where: { personalId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
    return rows.map(toRow);
  }

  /** Read at every workflow step that notifies: one plain statement, as before (the step is a measured hot path). */
  async preferences(personalId: string, em?: EntityManager): Promise<NotificationPreferences | undefined> {
    return sql.one<NotificationPreferences>(
      em ?? this.preferenceRows.manager,
      `SELECT email, sms, sms_unaccented AS "smsUnaccented" FROM notification_preference WHERE personal_id = $1`,
      [personalId],
    );
  }

  /** Creates or replaces the citizen's choice (one upsert). */
  async savePreferences(personalId: string, p: NotificationPreferences): Promise<void> {
    await sql.run(
      this.preferenceRows.manager,
      `INSERT INTO notification_preference (personal_id, email, sms, sms_unaccented) VALUES ($1, $2, $3, $4)
       ON CONFLICT (personal_id) DO UPDATE SET email = $2, sms = $3, sms_unaccented = $4, updated_at = now()`,
      [personalId, p.email, p.sms, p.smsUnaccented],
    );
  }
}

/** The record the worker and the citizen's list use: timestamps as RFC 3339 UTC strings with milliseconds. */
function toRow(n: NotificationEntity): NotificationRow {
  return {
    id: n.id,
    personalId: n.personalId,
    dossierId: n.dossierId,
    channel: n.channel,
    template: n.template,
    recipient: n.recipient,
    subject: n.subject,
    body: n.body,
    encoding: n.encoding,
    segments: n.segments,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt ? n.sentAt.toISOString() : null,
  };
}
