import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobRunner } from '../platform/jobs/job-runner';
import { EMAIL_SENDER, EmailSender, PermanentDeliveryError, SMS_GATEWAY, SmsGateway } from './delivery-channels.port';
import { NotificationRepository } from './notification.repository';
import { NOTIFICATIONS_QUEUE } from './notification.service';

export interface NotificationDeliveryTuning {
  enabled: boolean;
  pollIntervalMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export const NOTIFICATION_DELIVERY_TUNING = Symbol('NOTIFICATION_DELIVERY_TUNING');
/** Optional overrides of the tuning, provided by a global module (tests). */
export const NOTIFICATION_TUNING_OVERRIDES = Symbol('NOTIFICATION_TUNING_OVERRIDES');

export const DEFAULT_NOTIFICATION_DELIVERY_TUNING: NotificationDeliveryTuning = {
  enabled: true,
  pollIntervalMs: 1000,
  maxAttempts: 8,
  backoffBaseMs: 5000,
  backoffCapMs: 30 * 60_000,
};

/**
 * Delivers queued notifications (`notifications.send`): e-mail through the SMTP relay, SMS through the gateway,
 * retried with backoff; the notification row follows (sent, retrying with the last error, failed after the last
 * attempt or at once for an address that can never work). Nothing here ever touches a dossier.
 */
@Injectable()
export class NotificationWorker implements OnModuleInit {
  private readonly logger = new Logger('notifications');

  constructor(
    private readonly runner: JobRunner,
    private readonly notifications: NotificationRepository,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
    @Inject(SMS_GATEWAY) private readonly sms: SmsGateway,
    @Inject(NOTIFICATION_DELIVERY_TUNING) private readonly tuning: NotificationDeliveryTuning,
  ) {}

  onModuleInit(): void {
    this.runner.register<{ notificationId: string }>(
      NOTIFICATIONS_QUEUE,
      {
        enabled: this.tuning.enabled,
        pollIntervalMs: this.tuning.pollIntervalMs,
        batchSize: 10,
        leaseMs: 60_000,
        maxAttempts: this.tuning.maxAttempts,
        backoff: { baseMs: this.tuning.backoffBaseMs, capMs: this.tuning.backoffCapMs, jitter: true },
        ordered: false,
        permanent: (error) => error instanceof PermanentDeliveryError,
      },
      async (job, signal) => {
        const n = await this.notifications.find(job.payload.notificationId);
        if (!n || n.status === 'sent' || n.status === 'failed') return;
        try {
          if (n.channel === 'email')
            await this.email.send({ id: n.id, to: n.recipient, subject: n.subject ?? '', text: n.body });
          else
            await this.sms.send(
              { id: n.id, to: n.recipient, text: n.body, encoding: n.encoding ?? 'ucs2', segments: n.segments ?? 1 },
              signal,
            );
        } catch (error) {
          const final = job.attempts >= this.tuning.maxAttempts || error instanceof PermanentDeliveryError;
          const message = (error as Error)?.message ?? String(error);
          await this.notifications.markFailure(n.id, job.attempts, message, final);
          if (final) this.logger.warn(`${n.channel} notification ${n.id} failed: ${message}`);
          throw error;
        }
        await this.notifications.markSent(n.id, job.attempts);
      },
    );
  }

  /** One pass (tests). */
  deliverDue(): Promise<number> {
    return this.runner.drain(NOTIFICATIONS_QUEUE);
  }
}
