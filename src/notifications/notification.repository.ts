import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { utcTimestamp } from '../platform/database/sql-timestamp';

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

const COLUMNS = `id::text AS id, personal_id AS "personalId", dossier_id::text AS "dossierId", channel, template,
  recipient, subject, body, encoding, segments, status, attempts, last_error AS "lastError",
  ${utcTimestamp('created_at')} AS "createdAt", ${utcTimestamp('sent_at')} AS "sentAt"`;

/** Tables `notification` (what was sent, or tried) and `notification_preference`. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when `dedupeKey` was already used (the notification exists). */
  async insert(
    em: EntityManager,
    row: Omit<NotificationRow, 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'> & {
      dedupeKey: string | null;
    },
  ): Promise<boolean> {
    const rows = await em.query(
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
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM notification WHERE id = $1`, [id]);
    return row;
  }

  async markSent(id: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET status = 'sent', sent_at = now(), attempts = $2, last_error = NULL WHERE id = $1`,
      [id, attempts],
    );
  }

  async markFailure(id: string, attempts: number, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET status = $4, attempts = $2, last_error = $3 WHERE id = $1 AND status <> 'sent'`,
      [id, attempts, error.slice(0, 1000), final ? 'failed' : 'retrying'],
    );
  }

  async forPerson(personalId: string, limit: number): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification WHERE personal_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [personalId, limit],
    );
  }

  async preferences(personalId: string, em?: EntityManager): Promise<NotificationPreferences | undefined> {
    const [row] = await (em ?? this.dataSource.manager).query(
      `SELECT email, sms, sms_unaccented AS "smsUnaccented" FROM notification_preference WHERE personal_id = $1`,
      [personalId],
    );
    return row;
  }

  async savePreferences(personalId: string, p: NotificationPreferences): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_preference (personal_id, email, sms, sms_unaccented) VALUES ($1, $2, $3, $4)
       ON CONFLICT (personal_id) DO UPDATE SET email = $2, sms = $3, sms_unaccented = $4, updated_at = now()`,
      [personalId, p.email, p.sms, p.smsUnaccented],
    );
  }
}
