import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossiersModule } from '../dossiers/dossiers.module';
import { EMAIL_SENDER, SMS_GATEWAY } from './delivery-channels.port';
import { HttpSmsGateway } from './http-sms-gateway.adapter';
import { NotificationStepListener } from './notification-step.listener';
import {
  DEFAULT_NOTIFICATION_DELIVERY_TUNING,
  NOTIFICATION_DELIVERY_TUNING,
  NotificationDeliveryTuning,
  NotificationWorker,
  NOTIFICATION_TUNING_OVERRIDES,
} from './notification.worker';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { NotificationsController } from './notifications.controller';
import { SmtpEmailSender } from './smtp-email.adapter';

export interface NotificationsModuleOptions {
  /** `SMTP_URL`, or the sandbox mailbox's embedded SMTP server. */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** `SMS_GATEWAY_URL`, or the sandbox gateway served by this process. */
  readonly smsGatewayUrl: string;
  readonly tuning?: Partial<NotificationDeliveryTuning>;
}

/**
 * Notifications (e-mail and SMS) to citizens: templates, preferences, the delivery queue and its adapters. Other
 * modules call `NotificationService.notify(em, personalId, template, data)` in their own transaction.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationPreferenceEntity]), DossiersModule],
      controllers: [NotificationsController],
      providers: [
        NotificationRepository,
        NotificationService,
        NotificationWorker,
        NotificationStepListener,
        {
          provide: NOTIFICATION_DELIVERY_TUNING,
          inject: [{ token: NOTIFICATION_TUNING_OVERRIDES, optional: true }],
          useFactory: (overrides?: Partial<NotificationDeliveryTuning>) => ({
            ...DEFAULT_NOTIFICATION_DELIVERY_TUNING,
            ...options.tuning,
            ...overrides,
          }),
        },
        { provide: EMAIL_SENDER, useFactory: () => new SmtpEmailSender(options.smtpUrl, options.mailFrom) },
        { provide: SMS_GATEWAY, useFactory: () => new HttpSmsGateway(options.smsGatewayUrl) },
      ],
      exports: [NotificationService, NotificationStepListener, NotificationWorker],
    };
  }
}
