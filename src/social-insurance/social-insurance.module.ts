import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { BenefitPaymentEntity } from './benefit-payment.entity';
import { HttpSocialInsuranceGateway } from './http-social-insurance-gateway.adapter';
import { DossierPaymentsController, SocialInsurancePaymentsController } from './payments.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentAccountChangeEntity } from './payment-account-change.entity';
import { PaymentsService } from './payments.service';
import { SocialInsuranceAdminController } from './social-insurance-admin.controller';
import {
  DEFAULT_SOCIAL_INSURANCE_DELIVERY_TUNING,
  SOCIAL_INSURANCE_DELIVERY_TUNING,
  SocialInsuranceDelivery,
  SocialInsuranceDeliveryTuning,
  SOCIAL_INSURANCE_TUNING_OVERRIDES,
} from './social-insurance-delivery';
import { SOCIAL_INSURANCE_GATEWAY } from './social-insurance-gateway.port';
import { SocialInsuranceOutbox } from './social-insurance-outbox';
import { SocialInsurancePaymentReportEntity } from './social-insurance-payment-report.entity';
import { SocialInsuranceStepListener } from './social-insurance-step.listener';

export interface SocialInsuranceModuleOptions {
  /** `SOCIAL_INSURANCE_SYNC_URL`, or the sandbox office served by this process. */
  readonly syncUrl: string;
  readonly maxAttempts: number;
  readonly tuning?: Partial<SocialInsuranceDeliveryTuning>;
}

/**
 * The provincial social insurance office (Bảo hiểm xã hội tỉnh), which pays: decisions and benefit changes go out
 * through the outbox (`social-insurance.send`), payment reports come back (`POST /api/v1/social-insurance/payments`),
 * and citizens see each month and correct their account. Needs the NotificationsModule (global service binding in
 * the app module) for payment notifications.
 */
@Module({})
export class SocialInsuranceModule {
  static forRoot(
    options: SocialInsuranceModuleOptions,
    imports: NonNullable<ModuleMetadata['imports']> = [],
  ): DynamicModule {
    return {
      module: SocialInsuranceModule,
      imports: [
        AuditModule,
        DossiersModule,
        TypeOrmModule.forFeature([
          BenefitPaymentEntity,
          SocialInsurancePaymentReportEntity,
          PaymentAccountChangeEntity,
        ]),
        ...imports,
      ],
      controllers: [DossierPaymentsController, SocialInsurancePaymentsController, SocialInsuranceAdminController],
      providers: [
        PaymentsRepository,
        PaymentsService,
        SocialInsuranceOutbox,
        SocialInsuranceStepListener,
        SocialInsuranceDelivery,
        {
          provide: SOCIAL_INSURANCE_DELIVERY_TUNING,
          inject: [{ token: SOCIAL_INSURANCE_TUNING_OVERRIDES, optional: true }],
          useFactory: (overrides?: Partial<SocialInsuranceDeliveryTuning>) => ({
            ...DEFAULT_SOCIAL_INSURANCE_DELIVERY_TUNING,
            maxAttempts: options.maxAttempts,
            ...options.tuning,
            ...overrides,
          }),
        },
        { provide: SOCIAL_INSURANCE_GATEWAY, useFactory: () => new HttpSocialInsuranceGateway(options.syncUrl) },
      ],
      exports: [SocialInsuranceStepListener, SocialInsuranceDelivery, SocialInsuranceOutbox],
    };
  }
}
