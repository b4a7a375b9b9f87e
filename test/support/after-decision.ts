import { DynamicModule, Global, Module } from '@nestjs/common';
import { NOTIFICATION_TUNING_OVERRIDES, NotificationDeliveryTuning } from '../../src/notifications/notification.worker';
import {
  SOCIAL_INSURANCE_TUNING_OVERRIDES,
  SocialInsuranceDeliveryTuning,
} from '../../src/social-insurance/social-insurance-delivery';
import {
  SANDBOX_OFFICE_OVERRIDES,
  SandboxOfficeOptions,
} from '../../src/sandbox/social-insurance/sandbox-social-insurance.service';

/** Fast pacing of the after-decision workers for tests (and the sandbox office paying only when asked). */
@Global()
@Module({})
export class AfterDecisionTuningModule {
  static forRoot(
    options: {
      socialInsurance?: Partial<SocialInsuranceDeliveryTuning>;
      notifications?: Partial<NotificationDeliveryTuning>;
      office?: Partial<SandboxOfficeOptions>;
    } = {},
  ): DynamicModule {
    const providers = [
      {
        provide: SOCIAL_INSURANCE_TUNING_OVERRIDES,
        useValue: {
          pollIntervalMs: 50,
          decisionPollMs: 100,
          backoffBaseMs: 10,
          backoffCapMs: 200,
          ...options.socialInsurance,
        },
      },
      {
        provide: NOTIFICATION_TUNING_OVERRIDES,
        useValue: { pollIntervalMs: 50, backoffBaseMs: 10, backoffCapMs: 200, ...options.notifications },
      },
      { provide: SANDBOX_OFFICE_OVERRIDES, useValue: { autoPay: false, ...options.office } },
    ];
    return { module: AfterDecisionTuningModule, providers, exports: providers.map((p) => p.provide) };
  }
}

export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
