import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { utcTimestamp } from '../../platform/database/sql-timestamp';
import { SandboxMailEntity } from './sandbox-mail.entity';

/** One message of the sandbox mailbox, as the mailbox page and its JSON show it. */
export interface SandboxMail {
  id: number;
  from: string | null;
  to: string[];
  subject: string | null;
  text: string;
  receivedAt: string;
}

/** One message of the sandbox SMS log, as the log page and its JSON show it. */
export interface SandboxSms {
  id: number;
  messageId: string;
  to: string;
  text: string;
  encoding: string | null;
  segments: number | null;
  deliveries: number;
  receivedAt: string;
}

/** How many messages a page or its JSON lists (the latest first). */
const LIST_LIMIT = 200;

/** Tables sandbox_mail and sandbox_sms: what the sandbox SMTP server and SMS gateway received. */
@Injectable()
export class SandboxNotificationsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(SandboxMailEntity) private readonly mail: Repository<SandboxMailEntity>,
  ) {}

  async addMail(mail: {
    from: string | null;
    to: string[];
    subject: string | null;
    text: string;
    rawSize: number;
  }): Promise<void> {
    await this.mail.insert({
      mailFrom: mail.from,
      rcptTo: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      rawSize: mail.rawSize,
    });
  }

  /** The latest messages, all or those addressed to `to`; timestamps formatted for the page. */
  mails(to: string | null): Promise<SandboxMail[]> {
    return sql.rows<SandboxMail>(
      this.dataSource,
      `SELECT id::int AS id, mail_from AS "from", rcpt_to AS "to", subject, text_body AS text,
         ${utcTimestamp('received_at')} AS "receivedAt"
       FROM sandbox_mail WHERE ($1::text IS NULL OR $1 = ANY (rcpt_to)) ORDER BY id DESC LIMIT ${LIST_LIMIT}`,
      [to],
    );
  }

  /** Records an SMS by its Idempotency-Key; a repeated key only counts the repeat (upsert, one statement). */
  async recordSms(sms: {
    messageId: string;
    to: string;
    text: string;
    encoding: string | null;
    segments: number | null;
  }): Promise<{ duplicate: boolean }> {
    const row = await sql.one<{ inserted: boolean }>(
      this.dataSource,
      `INSERT INTO sandbox_sms (message_id, recipient, text, encoding, segments) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id) DO UPDATE SET deliveries = sandbox_sms.deliveries + 1 RETURNING (xmax = 0) AS inserted`,
      [sms.messageId, sms.to, sms.text, sms.encoding, sms.segments],
    );
    return { duplicate: !row?.inserted };
  }

  /** The latest SMS, all or those sent to `to`; timestamps formatted for the page. */
  sms(to: string | null): Promise<SandboxSms[]> {
    return sql.rows<SandboxSms>(
      this.dataSource,
      `SELECT id::int AS id, message_id AS "messageId", recipient AS "to", text, encoding, segments, deliveries,
         ${utcTimestamp('received_at')} AS "receivedAt"
       FROM sandbox_sms WHERE ($1::text IS NULL OR recipient = $1) ORDER BY id DESC LIMIT ${LIST_LIMIT}`,
      [to],
    );
  }
}
