import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DossierReader } from '../dossiers/dossier-reader';
import { sql } from '../platform/database/sql';
import { Runtime } from '../platform/embedded/runtime';
import { JobStore } from '../platform/jobs/job.store';
import { RUNTIME } from '../platform/platform.module';
import { NotificationTemplateName, renderTemplate } from './notification-templates';
import { NotificationChannel, NotificationPreferences, NotificationRepository } from './notification.repository';
import { smsLength, unaccented } from './sms-segments';

export const NOTIFICATIONS_QUEUE = 'notifications.send';

/** What a template is filled with: the dossier it is about, and the template's own values. */
export type NotificationData = { readonly dossierId: string } & Readonly<Record<string, string | number>>;

export interface NotifyOptions {
  /** One notification per key and channel, however often the caller asks (a scheduled reminder retried). */
  readonly dedupeKey?: string;
}

/**
 * The notification facility. `notify` runs in the caller's transaction: it renders the template for each channel
 * the citizen receives (preferences; default: e-mail when the dossier has an address, SMS always), records the
 * notification and enqueues its delivery (`notifications.send`, retried with backoff). It never blocks the
 * caller's work: anything that goes wrong is rolled back to a savepoint and logged, and the caller's change
 * commits without the notification.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger('notifications');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly dossiers: DossierReader,
    private readonly jobs: JobStore,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** Returns the ids of the notifications queued (none when it failed or nothing was to be sent). */
  async notify(
    em: EntityManager,
    personalId: string,
    template: NotificationTemplateName,
    data: NotificationData,
    options: NotifyOptions = {},
  ): Promise<string[]> {
    const savepoint = `notify_${randomUUID().replace(/-/g, '')}`;
    await sql.run(em, `SAVEPOINT ${savepoint}`);
    try {
      const ids = await this.queue(em, personalId, template, data, options);
      await sql.run(em, `RELEASE SAVEPOINT ${savepoint}`);
      return ids;
    } catch (error) {
      await sql.run(em, `ROLLBACK TO SAVEPOINT ${savepoint}`);
      this.logger.error(
        `notification ${template} for dossier ${data.dossierId} not queued: ${(error as Error).message}`,
      );
      return [];
    }
  }

  /**
   * An alert to the administrators (`ADMIN_ALERT_EMAILS`), e.g. a national system failing: one e-mail per address,
   * sent by the same worker as the citizens' mail; `dedupeKey` makes a repeated alert a no-op. Rows carry
   * `personal_id = 'admin'`, so no citizen's list ever shows them. Returns the ids queued (none without addresses).
   */
  async alertAdministrators(
    em: EntityManager,
    alert: { subject: string; text: string; dedupeKey: string },
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const recipient of this.runtime.config.adminAlertEmails) {
      const id = randomUUID();
      const inserted = await this.notifications.insert(em, {
        id,
        personalId: 'admin',
        dossierId: null,
        channel: 'email',
        template: 'admin_alert',
        dedupeKey: `${alert.dedupeKey}:${recipient}`,
        recipient,
        subject: alert.subject,
        body: alert.text,
        encoding: null,
        segments: null,
      });
      if (!inserted) continue;
      await this.jobs.enqueue(em, NOTIFICATIONS_QUEUE, { notificationId: id }, { dedupeKey: id });
      ids.push(id);
    }
    return ids;
  }

  /** The citizen's channels: what they chose, else e-mail when the dossier has an address and SMS always. */
  async preferencesOf(personalId: string, em?: EntityManager): Promise<NotificationPreferences & { stored: boolean }> {
    const stored = await this.notifications.preferences(personalId, em);
    return stored ? { ...stored, stored: true } : { email: true, sms: true, smsUnaccented: null, stored: false };
  }

  private async queue(
    em: EntityManager,
    personalId: string,
    template: NotificationTemplateName,
    data: NotificationData,
    options: NotifyOptions,
  ): Promise<string[]> {
    const dossier = await this.dossiers.find(data.dossierId, em);
    if (!dossier || dossier.personalId !== personalId) throw new Error('dossier not found for this person');
    const preferences = await this.preferencesOf(personalId, em);
    const base = this.runtime.config.publicBaseUrl.replace(/\/+$/, '');
    const values = { code: dossier.code, fullName: dossier.fullName, link: `${base}/ho-so/${dossier.id}`, ...data };
    const rendered = renderTemplate(template, values);
    const email = typeof dossier.application?.email === 'string' ? dossier.application.email.trim() : '';
    const phone = typeof dossier.application?.phone === 'string' ? dossier.application.phone.trim() : '';
    const unaccentedSms = preferences.smsUnaccented ?? this.runtime.config.smsUnaccented;

    const out: { channel: NotificationChannel; recipient: string; subject: string | null; body: string }[] = [];
    if (preferences.email && email)
      out.push({ channel: 'email', recipient: email, subject: rendered.subject, body: rendered.email });
    if (preferences.sms && phone)
      out.push({
        channel: 'sms',
        recipient: phone,
        subject: null,
        body: unaccentedSms ? unaccented(rendered.sms) : rendered.sms,
      });

    const ids: string[] = [];
    for (const n of out) {
      const id = randomUUID();
      const length = n.channel === 'sms' ? smsLength(n.body) : undefined;
      const inserted = await this.notifications.insert(em, {
        id,
        personalId,
        dossierId: dossier.id,
        channel: n.channel,
        template,
        dedupeKey: options.dedupeKey ? `${options.dedupeKey}:${n.channel}` : null,
        recipient: n.recipient,
        subject: n.subject,
        body: n.body,
        encoding: length?.encoding ?? null,
        segments: length?.segments ?? null,
      });
      if (!inserted) continue;
      await this.jobs.enqueue(em, NOTIFICATIONS_QUEUE, { notificationId: id }, { dedupeKey: id });
      ids.push(id);
    }
    return ids;
  }
}
