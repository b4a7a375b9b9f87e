import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SandboxHeaderInterceptor } from '../sandbox-header.interceptor';
import { SANDBOX_SMTP_PORT, SandboxMailServer } from './sandbox-mail-server';
import { SandboxNotificationsController } from './sandbox-notifications.controller';
import { SandboxNotificationsRepository } from './sandbox-notifications.repository';
import { SandboxMailEntity } from './sandbox-mail.entity';
import { SandboxSmsEntity } from './sandbox-sms.entity';

/**
 * Sandbox e-mail and SMS: the embedded SMTP server with its mailbox page (when `SMTP_URL` is unset; `smtpPort` is
 * where it listens) and the SMS gateway with its log (when `SMS_GATEWAY_URL` is unset). Sandbox mode only.
 */
@Module({})
export class SandboxNotificationsModule {
  static forRoot(options: { smtpPort?: number }): DynamicModule {
    return {
      module: SandboxNotificationsModule,
      imports: [TypeOrmModule.forFeature([SandboxMailEntity, SandboxSmsEntity])],
      controllers: [SandboxNotificationsController],
      providers: [
        SandboxHeaderInterceptor,
        SandboxNotificationsRepository,
        ...(options.smtpPort !== undefined
          ? [{ provide: SANDBOX_SMTP_PORT, useValue: options.smtpPort }, SandboxMailServer]
          : []),
      ],
    };
  }
}
